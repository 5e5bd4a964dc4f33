/**
 * The preview of the applied version of the draft's policy (same uid, else same
 * name and type) on the same data set: what "only changes" compares against.
 * Runs once per revision and applied version, in its own engine lane so it never
 * supersedes the draft's runs.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SpyderbatPolicy } from '../../../engine/model/types.ts';
import type { PreviewResult } from '../../../engine/preview/types.ts';
import { isAbortError } from '../../../worker/index.ts';
import { getEngineClient } from '../../../components/engine/use-engine.ts';
import { PREVIEW_OPTIONS } from './use-live-preview.ts';

export interface AppliedPreview {
  policy: SpyderbatPolicy;
  result: PreviewResult | null;
  error: string | null;
}

interface Done {
  key: string;
  result: PreviewResult | null;
  error: string | null;
}

export function useAppliedPreview(revision: string | null, applied: SpyderbatPolicy | undefined, enabled: boolean): AppliedPreview | null {
  const [done, setDone] = useState<Done | null>(null);
  const key = revision !== null && applied !== undefined ? `${revision}|${applied.metadata.uid ?? applied.metadata.name}|${applied.metadata.version ?? ''}` : null;

  const doneKey = done?.key ?? null;
  useEffect(() => {
    if (!enabled || key === null || revision === null || applied === undefined || doneKey === key) return undefined;
    const ctrl = new AbortController();
    const engine = getEngineClient();
    engine
      .toYaml(applied, { key: null, signal: ctrl.signal })
      .then((yaml) => engine.previewPolicy(yaml, { revision, preview: PREVIEW_OPTIONS, key: 'editor-preview-applied', signal: ctrl.signal }))
      .then((result) => setDone({ key, result, error: null }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setDone({ key, result: null, error: e instanceof Error ? e.message : String(e) });
      });
    return () => ctrl.abort();
  }, [enabled, key, revision, applied, doneKey]);

  const current = done !== null && done.key === key ? done : null;
  return useMemo(() => (applied === undefined ? null : { policy: applied, result: current?.result ?? null, error: current?.error ?? null }), [applied, current]);
}
