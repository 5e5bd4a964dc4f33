import { memo, useState } from 'react';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../../engine/model/types.ts';
import type { DeviationRecord } from '../../../api/types.ts';
import type { MergeCandidate } from './merge-input.ts';
import type { ChangeStatus, FoldedGroup } from './preview-changes.ts';
import type { ParsedDraft } from './use-add-to-policy.ts';
import { DeviationCandidates } from './deviation-candidates.tsx';

const STATUS_TEXT: Record<ChangeStatus, string> = {
  new: 'new with the draft',
  more: 'more than applied',
  fewer: 'fewer than applied',
  allowed: 'allowed by the draft',
  same: 'as applied',
};

export interface DeviationListProps {
  groups: readonly FoldedGroup[];
  /** Show the applied policy's counts beside the draft's. */
  compared: boolean;
  fingerprints: readonly SpyderbatFingerprint[];
  recordsByWorkload: ReadonlyMap<string, DeviationRecord[]> | undefined;
  policies: readonly SpyderbatPolicy[];
  version: unknown;
  currentDraft: () => ParsedDraft | { error: string };
  busy: string | null;
  onAdd: (key: string, input: MergeCandidate['input'] | SpyderbatFingerprint, title: string, note: string) => void;
}

const NO_RECORDS: DeviationRecord[] = [];
/** Groups drawn at first (and per "show more"): a broad draft can deviate in hundreds of workloads. */
export const GROUPS_PAGE = 25;

/** Deviations grouped by workload and kind; a group opens to what it would add to the draft. */
export const DeviationList = memo(function DeviationList(props: DeviationListProps) {
  const { groups, compared } = props;
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(GROUPS_PAGE);
  const shown = groups.slice(0, limit);
  const rest = groups.length - shown.length;
  return (
    <>
      <ul className="pv-groups" aria-label="Deviations by workload">
        {shown.map((g) => {
          const isOpen = open === g.key;
          const canAdd = g.status !== 'allowed';
          return (
            <li key={g.key} className={`pv-group pv-status-${g.status}`}>
              <div className="pv-group-head">
                <span className="pv-workload">{g.workload.label}</span>
                <div className="pv-group-meta">
                  <span className="pv-source">{g.source === 'fingerprint' ? (g.members > 1 ? `${g.members} fingerprints` : 'fingerprint') : 'recorded, 7 d'}</span>
                  {compared && <span className={`pv-change pv-change-${g.status}`}>{STATUS_TEXT[g.status]}</span>}
                  {canAdd && (
                    <button type="button" className="btn btn-ghost pv-btn-small pv-open" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : g.key)}>
                      {isOpen ? 'Close' : 'Add to policy…'}
                    </button>
                  )}
                </div>
              </div>
              <ul className="pv-kinds">
                {g.kinds.map((k) => (
                  <li key={k.kind}>
                    <span className={`pv-kind pv-kind-${k.kind}`}>{k.kind}</span>
                    <span className="pv-count" title={compared ? `applied: ${k.applied * g.members}, draft: ${k.draft * g.members}` : undefined}>
                      {compared && k.applied !== k.draft && <span className="muted">{k.applied * g.members}→</span>}
                      {k.draft * g.members}
                    </span>
                    <span className="pv-samples">
                      {(k.samples.length > 0 ? k.samples : [k.draft === 0 ? 'none: the draft allows these' : '(no examples)']).map((s) => (
                        <span key={s} className={compared && k.newSamples.includes(s) ? 'pv-sample pv-sample-new' : 'pv-sample'}>
                          {s}
                        </span>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
              {isOpen && (
                <DeviationCandidates
                  workload={g.workload}
                  source={g.source}
                  fingerprint={g.source === 'fingerprint' ? props.fingerprints[g.workload.index] : undefined}
                  records={props.recordsByWorkload?.get(g.workload.label) ?? NO_RECORDS}
                  policies={props.policies}
                  version={props.version}
                  currentDraft={props.currentDraft}
                  busy={props.busy}
                  onAdd={props.onAdd}
                />
              )}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <button type="button" className="btn btn-ghost pv-btn-small" onClick={() => setLimit(limit + GROUPS_PAGE)}>
          Show {Math.min(GROUPS_PAGE, rest)} more of {rest} workloads
        </button>
      )}
    </>
  );
});
