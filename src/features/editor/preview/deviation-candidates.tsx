import { useEffect, useMemo, useState } from 'react';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../../engine/model/types.ts';
import type { PreviewWorkload } from '../../../engine/preview/types.ts';
import type { DeviationRecord } from '../../../api/types.ts';
import { getEngineClient } from '../../../components/engine/use-engine.ts';
import { candidatesFromItems, candidatesFromRecords, type MergeCandidate } from './merge-input.ts';
import type { ParsedDraft } from './use-add-to-policy.ts';

export interface CandidateSource {
  workload: PreviewWorkload;
  source: 'fingerprint' | 'events';
  fingerprint: SpyderbatFingerprint | undefined;
  records: readonly DeviationRecord[];
  policies: readonly SpyderbatPolicy[];
}

interface Props extends CandidateSource {
  /** Changes when the preview result changes: the list is recomputed against the draft then. */
  version: unknown;
  currentDraft: () => ParsedDraft | { error: string };
  busy: string | null;
  onAdd: (key: string, input: MergeCandidate['input'] | SpyderbatFingerprint, title: string, note: string) => void;
}

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; candidates: MergeCandidate[] };

const LOADING: Loaded = { status: 'loading' };

/** What one workload's deviations would add to the draft, each with "Add to policy". */
export function DeviationCandidates({ workload, source, fingerprint, records, policies, version, currentDraft, busy, onAdd }: Props) {
  // Parsed when the list opens and when the preview moves on (not per keystroke).
  const parsed = useMemo(() => {
    void version;
    return currentDraft();
  }, [currentDraft, version]);
  const immediate = useMemo((): Loaded | null => {
    if ('error' in parsed) return { status: 'error', message: parsed.error };
    if (source === 'events') return { status: 'ready', candidates: candidatesFromRecords(records, parsed.shape, policies, workload.label) };
    if (fingerprint === undefined) return { status: 'error', message: 'This fingerprint is no longer in the data set.' };
    return null;
  }, [parsed, source, records, policies, workload.label, fingerprint]);
  const [found, setFound] = useState<{ for: ParsedDraft; loaded: Loaded } | null>(null);

  useEffect(() => {
    if (immediate !== null || 'error' in parsed || fingerprint === undefined) return undefined;
    let live = true;
    getEngineClient()
      .findDeviations(parsed.policy, { fingerprints: [fingerprint] }, { key: null })
      .then((devs) => {
        const items = devs.flatMap((d) => d.items);
        if (live) setFound({ for: parsed, loaded: { status: 'ready', candidates: candidatesFromItems(items, parsed.shape, workload.label) } });
      })
      .catch((e: unknown) => {
        if (live) setFound({ for: parsed, loaded: { status: 'error', message: e instanceof Error ? e.message : String(e) } });
      });
    return () => {
      live = false;
    };
  }, [immediate, parsed, fingerprint, workload.label]);

  const loaded = immediate ?? (found !== null && found.for === parsed ? found.loaded : LOADING);
  if (loaded.status === 'loading') return <p className="muted pv-small" role="status">Finding what this workload would add…</p>;
  if (loaded.status === 'error') return <p className="field-error pv-small">{loaded.message}</p>;
  const { candidates } = loaded;
  const allKey = `${workload.label}:all`;
  return (
    <div className="pv-candidates">
      {candidates.length === 0 ? (
        <p className="muted pv-small">Nothing left to add: the current draft already allows this workload&apos;s activity.</p>
      ) : (
        <ul className="pv-candidate-list" aria-label={`Deviations of ${workload.label}`}>
          {candidates.map((c) => {
            const key = `${workload.label}:${c.key}`;
            return (
              <li key={c.key} className="pv-candidate">
                <span className={`pv-kind pv-kind-${c.kind}`}>{c.kind}</span>
                <span className="pv-candidate-title">{c.title}</span>
                <button type="button" className="btn pv-btn-small" disabled={busy !== null} onClick={() => onAdd(key, c.input, c.title, c.note)}>
                  {busy === key ? 'Adding…' : 'Add to policy'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {source === 'fingerprint' && fingerprint !== undefined && candidates.length > 1 && (
        <button type="button" className="btn pv-btn-small" disabled={busy !== null} onClick={() => onAdd(allKey, fingerprint, `everything ${workload.label} did`, `Added all activity of ${workload.label}`)}>
          {busy === allKey ? 'Adding…' : `Add all ${candidates.length} (merge the fingerprint)`}
        </button>
      )}
    </div>
  );
}
