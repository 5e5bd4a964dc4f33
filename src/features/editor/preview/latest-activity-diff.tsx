/**
 * "Policy vs latest activity": the `spyctl diff --latest` of the UI. The
 * draft merged (by the engine) with the latest fingerprints in its scope,
 * drawn as a tree: added / changed / removed process nodes and network atoms,
 * with the behavioural summary.
 */
import { memo, useDeferredValue, useEffect, useRef } from 'react';
import { formatExact, formatRelative } from '../../../components/ui/relative-time.tsx';
import { diffTree, type DiffAtom, type DiffNode } from './diff-tree.ts';
import { useLatestDiff, type LatestDiff } from './use-latest-diff.ts';
import { usePreviewDataset } from './use-preview-dataset.ts';
import './preview.css';

export interface LatestActivityDiffProps {
  draftYaml: string;
}

const n = (x: number): string => x.toLocaleString('en-US');

function TagBadge({ tag }: { tag: DiffNode['tag'] }) {
  return tag === null ? null : <span className={`ld-tag ld-tag-${tag}`}>{tag}</span>;
}

function NodeView({ node }: { node: DiffNode }) {
  return (
    <li className={node.tag !== null ? `ld-${node.tag}` : undefined}>
      <div className="ld-node">
        <span className="ld-name">{node.name}</span>
        <span className="ld-detail">
          {node.id}
          {node.exe.length > 0 ? ` · ${node.exe.join(', ')}` : ''}
          {node.euser.length > 0 ? ` · ${node.euser.join(', ')}` : ''}
        </span>
        <TagBadge tag={node.tag} />
      </div>
      {(node.children.length > 0 || node.hidden > 0) && (
        <ul>
          {node.children.map((c) => (
            <NodeView key={c.id} node={c} />
          ))}
          {node.hidden > 0 && <li className="muted pv-small">{n(node.hidden)} unchanged</li>}
        </ul>
      )}
    </li>
  );
}

function AtomView({ atom }: { atom: DiffAtom }) {
  return (
    <li className={`ld-atom ld-${atom.tag ?? 'same'}`}>
      <TagBadge tag={atom.tag} />
      <span className="ld-atom-text">
        {atom.direction === 'ingress' ? 'from' : 'to'} {atom.peer} : {atom.port}
        {atom.process !== undefined ? ` by ${atom.process}` : ''}
      </span>
    </li>
  );
}

/** Memoised: the tree of a large policy is not redrawn on every keystroke. */
const DiffView = memo(function DiffView({ diff }: { diff: LatestDiff }) {
  const since = diff.since !== null ? ` seen since its latestTimestamp (${formatRelative(diff.since)})` : '';
  const windowText = diff.since !== null ? `Fingerprints seen since ${formatExact(diff.since)}.` : 'All recorded fingerprints: the draft has no latestTimestamp.';
  if (diff.result === null || !diff.result.changed) {
    return (
      <>
        <p className="pv-small" data-testid="latest-diff-summary">
          No change: the policy already allows the activity of every fingerprint in its scope{since}.
        </p>
        <p className="pv-small muted">{windowText}</p>
      </>
    );
  }
  const r = diff.result;
  const tree = diffTree(r.structured);
  const dirs = (['ingress', 'egress'] as const).map((d) => ({ d, atoms: tree.atoms.filter((a) => a.direction === d) }));
  return (
    <div className="ld-grid">
      <p className="ld-summary" data-testid="latest-diff-summary">
        {r.summary.text}
      </p>
      <p className="pv-small muted">
        From {n(diff.fingerprints)} fingerprint{diff.fingerprints === 1 ? '' : 's'} in its scope{since}. {windowText}
      </p>
      {r.warnings.length > 0 && (
        <ul className="pv-notes">
          {r.warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="ld-proc-h">
        <h3 id="ld-proc-h" className="pv-h">
          Processes
        </h3>
        {tree.roots.length === 0 ? (
          <p className="muted pv-small">No process changes.</p>
        ) : (
          <ul className="ld-tree" aria-label="Process changes">
            {tree.roots.map((root) => (
              <NodeView key={root.id} node={root} />
            ))}
          </ul>
        )}
        {tree.hiddenProcesses > 0 && (
          <p className="muted pv-small">
            {n(tree.hiddenProcesses)} unchanged process{tree.hiddenProcesses === 1 ? '' : 'es'} not shown.
          </p>
        )}
      </section>
      {dirs.map(({ d, atoms }) => (
        <section key={d} aria-labelledby={`ld-${d}-h`}>
          <h3 id={`ld-${d}-h`} className="pv-h">
            {d === 'ingress' ? 'Ingress' : 'Egress'}
          </h3>
          {atoms.length === 0 ? (
            <p className="muted pv-small">No {d} changes.</p>
          ) : (
            <ul className="ld-atoms" aria-label={`${d} changes`}>
              {atoms.map((a, i) => (
                <AtomView key={i} atom={a} />
              ))}
            </ul>
          )}
          {tree.unchangedAtoms[d] > 0 && <p className="muted pv-small">{n(tree.unchangedAtoms[d])} unchanged {d} entries not shown.</p>}
        </section>
      ))}
    </div>
  );
});

export function LatestActivityDiff({ draftYaml: typed }: LatestActivityDiffProps) {
  const draftYaml = useDeferredValue(typed);
  const dataset = usePreviewDataset();
  const { state, run } = useLatestDiff(typed, dataset.revision, dataset.fingerprints, dataset.reload);
  const started = useRef<string | null>(null);

  useEffect(() => {
    if (dataset.revision === null || started.current === dataset.revision) return;
    started.current = dataset.revision;
    void run();
  }, [dataset.revision, run]);

  const stale = state.status === 'done' && state.diff.draft !== draftYaml;
  return (
    <section className="panel pv-panel" aria-labelledby="ld-title" data-testid="latest-activity-diff">
      <header className="pv-header">
        <h2 id="ld-title">Policy vs latest activity</h2>
        <button type="button" className="btn pv-btn-small" onClick={() => void run()} disabled={dataset.revision === null || state.status === 'running'}>
          {state.status === 'running' ? 'Comparing…' : state.status === 'done' ? 'Compare again' : 'Compare'}
        </button>
      </header>
      <p className="pv-small muted">
        The draft merged with the latest fingerprints in its scope, as <code>spyctl diff --latest</code> shows it.
      </p>
      {dataset.status === 'error' && <p className="alert-banner">Could not load fingerprints: {dataset.error}</p>}
      {dataset.status !== 'ready' && dataset.status !== 'error' && (
        <p className="pv-small muted" role="status">
          Loading fingerprints…
        </p>
      )}
      {stale && (
        <p className="pv-paused" role="status">
          The draft changed since this comparison.{' '}
          <button type="button" className="btn pv-btn-small" onClick={() => void run()}>
            Compare again
          </button>
        </p>
      )}
      {state.status === 'running' && (
        <p className="pv-status" role="status">
          <span className="pv-spinner" aria-hidden="true" />
          Comparing{state.progress !== null && state.progress.total > 0 ? `: ${Math.round((100 * state.progress.done) / state.progress.total)}%` : '…'}
        </p>
      )}
      {state.status === 'error' && <p className="field-error">{state.message}</p>}
      {state.status === 'done' && <DiffView diff={state.diff} />}
    </section>
  );
}
