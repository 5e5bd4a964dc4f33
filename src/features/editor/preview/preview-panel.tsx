/**
 * The live preview beside the policy editor: as the user types, the engine
 * worker re-evaluates the draft against the data set loaded once (fingerprints
 * and the last 7 days of recorded deviations): workloads in scope, deviations by
 * workload and kind, what would fire, and rule coverage. A deviation can be
 * added to the draft with the engine's merge.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { SpyderbatFingerprint } from '../../../engine/model/types.ts';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { actionsHeadline } from './actions-headline.ts';
import { MergeConfirmDialog } from './merge-confirm-dialog.tsx';
import type { MergeCandidate } from './merge-input.ts';
import { compareDeviations, countChanges, foldGroups } from './preview-changes.ts';
import { undecidedNotes } from './preview-notes.ts';
import { PreviewResultView } from './preview-result.tsx';
import { PreviewStatus } from './preview-status.tsx';
import { useAddToPolicy } from './use-add-to-policy.ts';
import { useAppliedPreview } from './use-applied-preview.ts';
import { useLivePreview } from './use-live-preview.ts';
import { ACTIVITY_DAYS, usePreviewDataset } from './use-preview-dataset.ts';
import './preview.css';

export interface PreviewPanelProps {
  draftYaml: string;
  onMergeIntoDraft: (nextYaml: string, note: string) => void;
}

const n = (x: number): string => x.toLocaleString('en-US');
const EMPTY_SUMMARY = { fingerprints: 0, events: 0, groups: [], moreGroups: 0 };

export function PreviewPanel({ draftYaml: typed, onMergeIntoDraft }: PreviewPanelProps) {
  // Keystrokes render the editor first; the panel follows at lower priority.
  const draftYaml = useDeferredValue(typed);
  const dataset = usePreviewDataset();
  const { state, progress } = useLivePreview(draftYaml, dataset.revision, { onLostRevision: dataset.reload });
  const [onlyChanges, setOnlyChanges] = useState(false);
  const adder = useAddToPolicy(typed, onMergeIntoDraft);
  const result = state.result;
  const appliedIndex = result?.policy?.appliedIndex ?? -1;
  const appliedPolicy = appliedIndex >= 0 ? dataset.policies[appliedIndex] : undefined;
  const applied = useAppliedPreview(dataset.revision, appliedPolicy, onlyChanges);
  const compared = onlyChanges && applied?.result != null;

  const { groups, changeCounts } = useMemo(() => {
    const d = result?.deviations;
    if (d == null) return { groups: [], changeCounts: null };
    const all = compareDeviations(d, compared ? (applied?.result?.deviations ?? EMPTY_SUMMARY) : EMPTY_SUMMARY);
    const shown = compared ? all.filter((g) => g.status !== 'same') : all;
    return { groups: foldGroups(shown), changeCounts: compared ? countChanges(shown) : null };
  }, [result, compared, applied]);

  const { add } = adder;
  const onAdd = useCallback(
    (key: string, input: MergeCandidate['input'] | SpyderbatFingerprint, title: string, note: string) => {
      void add(key, input, title, note);
    },
    [add],
  );

  /** The draft on screen has not been previewed yet (debounce or run in flight). */
  const pending = typed !== state.doneFor;
  const headline = result?.actions != null ? actionsHeadline(result.actions, result.deviations) : null;
  const { activity, activityError } = dataset;
  const hasApplied = appliedPolicy !== undefined;
  const notes = useMemo(
    () => (result !== null ? undecidedNotes({ result, activity, activityError, activityDays: ACTIVITY_DAYS, compare: onlyChanges ? { on: true, applied: hasApplied } : null }) : []),
    [result, activity, activityError, onlyChanges, hasApplied],
  );

  return (
    <section className="panel pv-panel" aria-labelledby="pv-title" data-testid="preview-panel" data-pending={pending ? 'true' : 'false'}>
      <header className="pv-header">
        <h2 id="pv-title">Live preview</h2>
        <PreviewStatus store={progress} pending={pending && dataset.status === 'ready'} lastRunMs={state.lastRunMs} />
      </header>
      <DatasetLine dataset={dataset} />
      {state.paused !== null && (
        <p className="pv-paused" role="status" data-testid="preview-paused">
          Preview paused: fix the YAML (line {state.paused.line}). {result !== null ? 'Showing the last preview.' : ''}
          <span className="muted"> {state.paused.message}</span>
        </p>
      )}
      {state.error !== null && (
        <p className="alert-banner" role="alert">
          The preview failed: {state.error}
        </p>
      )}
      {adder.message !== null && (
        <p className={`pv-message pv-message-${adder.message.kind}`} role={adder.message.kind === 'error' ? 'alert' : 'status'}>
          {adder.message.text}{' '}
          <button type="button" className="btn btn-ghost pv-btn-small" onClick={adder.dismissMessage} aria-label="Dismiss message">
            ✕
          </button>
        </p>
      )}
      {result === null ? (
        dataset.status !== 'error' && <SkeletonRows rows={5} label="Preparing the preview" />
      ) : (
        <PreviewResultView
          result={result}
          stale={state.paused !== null}
          notes={notes}
          headline={headline}
          onlyChanges={onlyChanges}
          setOnlyChanges={setOnlyChanges}
          compared={compared}
          applied={applied}
          groups={groups}
          changeCounts={changeCounts}
          fingerprints={dataset.fingerprints}
          recordsByWorkload={dataset.activity?.byWorkload}
          policies={dataset.policies}
          version={state.resultFor}
          currentDraft={adder.currentDraft}
          busy={adder.busy}
          onAdd={onAdd}
        />
      )}
      <MergeConfirmDialog pending={adder.pending} onConfirm={adder.confirm} onCancel={adder.cancel} />
    </section>
  );
}

function DatasetLine({ dataset }: { dataset: ReturnType<typeof usePreviewDataset> }) {
  if (dataset.status === 'error') {
    return (
      <div className="alert-banner" role="alert">
        Could not load the data to preview against: {dataset.error}{' '}
        <button type="button" className="btn pv-btn-small" onClick={dataset.retry}>
          Retry
        </button>
      </div>
    );
  }
  if (dataset.status !== 'ready') {
    return (
      <p className="pv-small muted" role="status">
        {dataset.status === 'waiting' ? 'Loading fingerprints, policies and recorded activity…' : `Sending ${n(dataset.fingerprints.length)} fingerprints to the preview engine…`}
      </p>
    );
  }
  const a = dataset.activity;
  return (
    <p className="pv-small muted" data-testid="preview-dataset">
      Against {n(dataset.info?.fingerprints ?? dataset.fingerprints.length)} fingerprints
      {a !== null ? ` and ${n(a.events.length)} events from ${n(a.replayed)} deviations recorded in the last ${ACTIVITY_DAYS} days` : ''}.
    </p>
  );
}
