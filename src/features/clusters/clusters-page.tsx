import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';

export function ClustersPage() {
  return (
    <>
      <PageHeader title="Clusters" description="Kubernetes clusters and Linux host fleets reporting to this organization." />
      <EmptyState title="No clusters reporting" action={<Link className="btn" to="/settings">Check the data source</Link>}>
        Clusters appear once a Nano Agent reports from them. Check which data source the console is connected to.
      </EmptyState>
    </>
  );
}
