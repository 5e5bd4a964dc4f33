import { useId, type ReactNode } from 'react';

export type ChartStatus = 'loading' | 'error' | 'empty' | 'ready';

export interface ChartPanelProps {
  title: string;
  description?: ReactNode;
  /** Controls in the header (a split toggle, links). */
  actions?: ReactNode;
  /** Shown above the chart once data is there (totals, changes). */
  summary?: ReactNode;
  status: ChartStatus;
  error?: unknown;
  onRetry?: () => void;
  /** What to say when there is nothing to draw (no axes are drawn then). */
  empty?: { title: string; hint?: ReactNode; action?: ReactNode };
  /** Height of the loading placeholder, to avoid layout jumps. */
  height?: number;
  testId?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * The frame every dashboard chart sits in: a titled region with loading, error and
 * empty states, so a chart never shows broken or empty axes.
 */
export function ChartPanel({ title, description, actions, summary, status, error, onRetry, empty, height = 220, testId, className, children }: ChartPanelProps) {
  const id = useId();
  return (
    <section className={`panel chart-panel ${className ?? ''}`} aria-labelledby={id} data-testid={testId} data-state={status}>
      <header className="chart-head">
        <div>
          <h2 id={id}>{title}</h2>
          {description && <p className="muted chart-desc">{description}</p>}
        </div>
        {actions && <div className="chart-actions">{actions}</div>}
      </header>
      {status === 'loading' && <div className="skeleton chart-skeleton" style={{ height }} role="status" aria-label={`Loading ${title}`} />}
      {status === 'error' && (
        <div className="chart-error" role="alert">
          <p>
            Could not load this chart: <span className="error-text">{error instanceof Error ? error.message : String(error)}</span>
          </p>
          {onRetry && (
            <button type="button" className="btn" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
      {status === 'empty' && (
        <div className="chart-empty" role="status">
          <p className="chart-empty-title">{empty?.title ?? 'Nothing to show'}</p>
          {empty?.hint && <p className="muted">{empty.hint}</p>}
          {empty?.action && <div className="empty-action">{empty.action}</div>}
        </div>
      )}
      {status === 'ready' && (
        <>
          {summary}
          {children}
        </>
      )}
    </section>
  );
}
