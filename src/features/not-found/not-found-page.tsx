import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <section className="panel">
        <p>
          Nothing lives at <code>{pathname}</code>. It may have been moved, or the link is mistyped.
        </p>
        <Link className="btn btn-primary" to="/">
          Go to the dashboard
        </Link>
      </section>
    </>
  );
}
