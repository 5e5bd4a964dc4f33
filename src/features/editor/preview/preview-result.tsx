/** The preview result (memoised: typing re-renders only the panel header until a new result lands). */
import { memo } from 'react';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../../engine/model/types.ts';
import type { PreviewResult } from '../../../engine/preview/types.ts';
import type { DeviationRecord } from '../../../api/types.ts';
import { CoverageSection } from './coverage-section.tsx';
import { DeviationList } from './deviation-list.tsx';
import type { MergeCandidate } from './merge-input.ts';
import type { ChangeCounts, FoldedGroup } from './preview-changes.ts';
import type { ParsedDraft } from './use-add-to-policy.ts';
import type { AppliedPreview } from './use-applied-preview.ts';
import { ACTIVITY_DAYS } from './use-preview-dataset.ts';

const n = (x: number): string => x.toLocaleString('en-US');
const workloads = (x: number): string => `${n(x)} workload${x === 1 ? '' : 's'}`;

export interface PreviewResultViewProps {
  result: PreviewResult;
  /** The draft no longer parses: this is the last good result. */
  stale: boolean;
  notes: readonly string[];
  headline: string | null;
  onlyChanges: boolean;
  setOnlyChanges: (on: boolean) => void;
  compared: boolean;
  applied: AppliedPreview | null;
  groups: readonly FoldedGroup[];
  changeCounts: ChangeCounts | null;
  fingerprints: readonly SpyderbatFingerprint[];
  recordsByWorkload: ReadonlyMap<string, DeviationRecord[]> | undefined;
  policies: readonly SpyderbatPolicy[];
  version: unknown;
  currentDraft: () => ParsedDraft | { error: string };
  busy: string | null;
  onAdd: (key: string, input: MergeCandidate['input'] | SpyderbatFingerprint, title: string, note: string) => void;
}

export const PreviewResultView = memo(function PreviewResultView(props: PreviewResultViewProps) {
  const { result, stale, notes, headline, onlyChanges, setOnlyChanges, compared, applied, groups, changeCounts, fingerprints, recordsByWorkload, policies, version, currentDraft, busy, onAdd } = props;
  return (
    <div className={stale ? 'pv-body pv-stale' : 'pv-body'} data-testid="preview-body">
      {result.policy === null ? (
        <p className="muted">{result.notes[0] ?? 'Nothing to preview yet.'}</p>
      ) : (
        <>
          {result.scope !== null && (
            <section className="pv-section" aria-labelledby="pv-scope-h">
              <h3 id="pv-scope-h" className="pv-h">
                Workloads in scope: <span data-testid="preview-scope-count">{n(result.scope.count)}</span> of {n(result.scope.total)}
                {compared && applied?.result?.scope != null && applied.result.scope.count !== result.scope.count && (
                  <span className="muted"> (applied: {n(applied.result.scope.count)})</span>
                )}
              </h3>
              {result.scope.sample.length > 0 && (
                <ul className="pv-scope-list">
                  {result.scope.sample.map((w) => (
                    <li key={w.index} title={w.label}>
                      {w.label}
                    </li>
                  ))}
                  {result.scope.count > result.scope.sample.length && <li className="muted">and {n(result.scope.count - result.scope.sample.length)} more</li>}
                </ul>
              )}
              {result.scope.eventWorkloads > 0 && <p className="pv-small muted">{n(result.scope.eventWorkloads)} workloads in scope have recorded activity in the last {ACTIVITY_DAYS} days.</p>}
            </section>
          )}
          {result.actions !== null && (
            <section className="pv-section" aria-labelledby="pv-actions-h">
              <h3 id="pv-actions-h" className="pv-h">
                What would fire
              </h3>
              <p className="pv-headline" data-testid="preview-actions">
                {headline}
              </p>
              <p className="pv-small muted">{result.actions.text}</p>
            </section>
          )}
          {result.deviations !== null && (
            <section className="pv-section" aria-labelledby="pv-dev-h">
              <div className="pv-section-head">
                <h3 id="pv-dev-h" className="pv-h">
                  Deviations: <span data-testid="preview-deviation-count">{n(result.deviations.fingerprints)}</span> fingerprints, {n(result.deviations.events)} recorded events
                </h3>
                <label className="pv-toggle">
                  <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> Only changes vs applied
                </label>
              </div>
              {onlyChanges && applied !== null && applied.result == null && applied?.error == null && (
                <p className="pv-small muted" role="status">
                  Previewing the applied version of {applied.policy.metadata.name}…
                </p>
              )}
              {applied?.error != null && <p className="field-error pv-small">Could not preview the applied version: {applied.error}</p>}
              {changeCounts !== null && (
                <p className="pv-small">
                  Against applied {applied?.policy.metadata.name}: more or different deviations in {workloads(changeCounts.newOrMore)}, fewer in {n(changeCounts.fewer)}, none left in {n(changeCounts.allowed)}.
                </p>
              )}
              {groups.length === 0 ? (
                <p className="muted pv-small">{compared ? 'The draft raises the same deviations as the applied policy.' : 'No deviations: the draft allows everything recorded in scope.'}</p>
              ) : (
                <DeviationList
                  groups={groups}
                  compared={compared}
                  fingerprints={fingerprints}
                  recordsByWorkload={recordsByWorkload}
                  policies={policies}
                  version={version}
                  currentDraft={currentDraft}
                  busy={busy}
                  onAdd={onAdd}
                />
              )}
            </section>
          )}
          {result.coverage !== null && <CoverageSection coverage={result.coverage} />}
        </>
      )}
      {notes.length > 0 && (
        <section className="pv-section" aria-labelledby="pv-notes-h">
          <h3 id="pv-notes-h" className="pv-h">
            Where the preview cannot decide
          </h3>
          <ul className="pv-notes">
            {notes.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
});
