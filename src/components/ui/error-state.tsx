/** A failed load: what went wrong, and a retry. Never a blank area. */
export function ErrorState({ title = 'Could not load this data', error, onRetry }: { title?: string; error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="panel error-panel" role="alert">
      <h2>{title}</h2>
      <p className="error-detail">{message}</p>
      {onRetry && (
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
