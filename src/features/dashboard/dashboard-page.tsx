import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="Deviations and red flags raised by your policies, and which audit-mode policies are ready to enforce." />
      <EmptyState title="No policy activity to chart" action={<Link className="btn btn-primary" to="/policies">Go to policies</Link>}>
        Deviations and red flags appear here once policies in audit or enforce mode observe workloads.
      </EmptyState>
    </>
  );
}
