/**
 * `spyctl diff --latest` for the draft: the fingerprints in the draft's scope
 * that show activity it does not allow (the engine's `findDeviations` over the
 * loaded data set, limited to fingerprints seen since the policy's
 * `latestTimestamp` when it has one), merged into the policy with the engine's
 * `diffPolicy`, which gives the tagged structured diff and a summary.
 *
 * Runs when asked (and once when the data set is ready): the draft is parsed on
 * the main thread for it, which is fine for a click but not per keystroke.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpyderbatFingerprint } from '../../../engine/model/types.ts';
import type { DiffPolicyResult } from '../../../engine/spyderbat/diff-policy.ts';
import { isAbortError, type Progress } from '../../../worker/index.ts';
import { getEngineClient, isUnknownRevision } from '../../../components/engine/use-engine.ts';
import { parseDraftForMerge } from './use-add-to-policy.ts';

export interface LatestDiff {
  /** The draft text it was computed for. */
  draft: string;
  /** Epoch seconds the fingerprints were limited to (the policy's latestTimestamp), if any. */
  since: number | null;
  /** Fingerprints in scope with activity the draft does not allow. */
  fingerprints: number;
  result: DiffPolicyResult | null;
}

export type LatestDiffState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'error'; message: string }
  | { status: 'done'; diff: LatestDiff };

function epochSeconds(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) return null;
  return n > 1e11 ? n / 1000 : n;
}

/** Fingerprints seen at or after `since` (all when null or when a fingerprint has no timestamp). */
export function seenSince(fps: readonly SpyderbatFingerprint[], since: number | null): SpyderbatFingerprint[] {
  if (since === null) return [...fps];
  return fps.filter((fp) => {
    const t = epochSeconds(fp.metadata.latestTimestamp);
    return t === null || t >= since;
  });
}

export function useLatestDiff(draftYaml: string, revision: string | null, fingerprints: readonly SpyderbatFingerprint[], onLostRevision?: () => void) {
  const [state, setState] = useState<LatestDiffState>({ status: 'idle' });
  const ctrl = useRef<AbortController | null>(null);
  const draft = useRef(draftYaml);
  const lost = useRef(onLostRevision);
  useEffect(() => {
    draft.current = draftYaml;
    lost.current = onLostRevision;
  });

  const run = useCallback(async (): Promise<void> => {
    if (revision === null) return;
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    const text = draft.current;
    const parsed = parseDraftForMerge(text);
    if ('error' in parsed) {
      setState({ status: 'error', message: parsed.error });
      return;
    }
    setState({ status: 'running', progress: null });
    const engine = getEngineClient();
    try {
      const devs = await engine.findDeviations(parsed.policy, { revision }, { key: 'latest-diff:find', signal: c.signal, onProgress: (p) => setState({ status: 'running', progress: p }) });
      const since = epochSeconds(parsed.policy.metadata.latestTimestamp);
      const deviating = devs.map((d) => fingerprints[d.fingerprintIndex]).filter((fp): fp is SpyderbatFingerprint => fp !== undefined);
      const latest = seenSince(deviating, since);
      const result = latest.length > 0 ? await engine.diffPolicy(parsed.policy, latest, { key: 'latest-diff:diff', signal: c.signal }) : null;
      setState({ status: 'done', diff: { draft: text, since, fingerprints: latest.length, result } });
    } catch (e) {
      if (isAbortError(e)) return;
      if (isUnknownRevision(e)) {
        setState({ status: 'idle' });
        lost.current?.();
        return;
      }
      setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [revision, fingerprints]);

  useEffect(() => () => ctrl.current?.abort(), []);

  return { state, run };
}
