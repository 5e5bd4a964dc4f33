import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';

function describe(error: unknown): { title: string; detail: string } {
  if (isRouteErrorResponse(error)) {
    return { title: `${error.status} ${error.statusText}`, detail: typeof error.data === 'string' ? error.data : '' };
  }
  if (error instanceof Error) {
    const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return chunk
      ? { title: 'This page could not be loaded', detail: 'Part of the app failed to download. Check your connection and reload.' }
      : { title: 'Something went wrong on this page', detail: error.message };
  }
  return { title: 'Something went wrong on this page', detail: String(error) };
}

/** Per-route error boundary: a readable message and a way out, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { title, detail } = describe(error);
  return (
    <section className="panel error-panel" role="alert">
      <h1>{title}</h1>
      {detail && <pre className="error-detail">{detail}</pre>}
      <div className="row gap">
        <button type="button" className="btn btn-primary" onClick={() => void revalidator.revalidate()}>
          Try again
        </button>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload page
        </button>
        <Link className="btn btn-ghost" to="/">
          Go to dashboard
        </Link>
      </div>
    </section>
  );
}
