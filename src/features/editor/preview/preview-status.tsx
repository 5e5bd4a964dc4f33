import type { Progress } from '../../../worker/index.ts';
import { useProgress, type ProgressStore } from './use-live-preview.ts';

const PHASES: Record<string, string> = {
  starting: 'starting',
  validate: 'reading the draft',
  scope: 'scope',
  deviations: 'deviations',
  events: 'recorded activity',
  coverage: 'rule coverage',
};

function label(p: Progress): string {
  const phase = PHASES[p.phase] ?? p.phase;
  return p.total > 1 ? `${phase} ${Math.round((100 * p.done) / p.total)}%` : phase;
}

/** The small "updating" indicator: only this re-renders on progress ticks. */
export function PreviewStatus({ store, pending, lastRunMs }: { store: ProgressStore; pending: boolean; lastRunMs: number | null }) {
  const p = useProgress(store);
  const running = p !== null || pending;
  const pct = p !== null && p.total > 0 ? Math.min(100, Math.round((100 * p.done) / p.total)) : null;
  return (
    <span className="pv-status" role="status" aria-live="polite" data-testid="preview-status" data-state={running ? 'running' : 'idle'}>
      {running ? (
        <>
          <span className="pv-spinner" aria-hidden="true" />
          <span>Updating{p !== null ? `: ${label(p)}` : '…'}</span>
          {pct !== null && <progress className="pv-progress" max={100} value={pct} aria-label="Preview progress" />}
        </>
      ) : (
        <span className="muted">{lastRunMs !== null ? `Up to date (${Math.round(lastRunMs)} ms)` : 'Up to date'}</span>
      )}
    </span>
  );
}
