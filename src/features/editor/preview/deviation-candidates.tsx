import { useEffect, useState } from 'react';
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

const KIND_LABEL = { process: 'process', ingress: 'ingress', egress: 'egress' } as const;

/** What one workload's deviations would add to the draft, each with "Add to policy". */
export function DeviationCandidates({ workload, source, fingerprint, records, policies, version, currentDraft, busy, onAdd }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const parsed = currentDraft();
    if ('error' in parsed) {
      setLoaded({ status: 'error', message: parsed.error });
      return undefined;
    }
    if (source === 'events') {
      setLoaded({ status: 'ready', candidates: candidatesFromRecords(records, parsed.shape, policies, workload.label) });
      return undefined;
    }
    if (fingerprint === undefined) {
      setLoaded({ status: 'error', message: 'This fingerprint is no longer in the data set.' });
      return undefined;
    }
    getEngineClient()
      .findDeviations(parsed.policy, { fingerprints: [fingerprint] }, { key: null })
      .then((found) => {
        if (!live) return;
        const items = found.flatMap((d) => d.items);
        setLoaded({ status: 'ready', candidates: candidatesFromItems(items, parsed.shape, workload.label) });
      })
      .catch((e: unknown) => {
        if (live) setLoaded({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [currentDraft, source, fingerprint, records, policies, workload.label, version]);

  if (loaded.status === 'loading') return <p className="muted pv-small" role="status">Finding what this workload would add…</p>;
  if (loaded.status === 'error') return <p className="field-error pv-small">{loaded.message}</p>;
  const { candidates } = loaded;
  return (
    <div className="pv-candidates">
      {candidates.length === 0 ? (
        <p className="muted pv-small">Nothing left to add: the current draft already allows this workload&apos;s activity.</p>
      ) : (
        <ul className="pv-candidate-list" aria-label={`Deviations of ${workload.label}`}>
          {candidates.map((c) => (
            <li key={c.key} className="pv-candidate">
              <span className={`pv-kind pv-kind-${c.kind}`}>{KIND_LABEL[c.kind]}</span>
              <span className="pv-candidate-title">{c.title}</span>
              <button type="button" className="btn pv-btn-small" disabled={busy !== null} onClick={() => onAdd(`${workload.label}:${c.key}`, c.input, c.title, c.note)}>
                {busy === `${workload.label}:${c.key}` ? 'Adding…' : 'Add to policy'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {source === 'fingerprint' && fingerprint !== undefined && candidates.length > 1 && (
        <button
          type="button"
          className="btn pv-btn-small"
          disabled={busy !== null}
          onClick={() => onAdd(`${workload.label}:all`, fingerprint, `everything ${workload.label} did`, `Added all activity of ${workload.label}`)}
        >
          {busy === `${workload.label}:all` ? 'Adding…' : `Add all ${candidates.length} (merge the fingerprint)`}
        </button>
      )}
    </div>
  );
}
