import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';

export function FingerprintsPage() {
  return (
    <>
      <PageHeader title="Fingerprints" description="Observed process trees and network peers per container image and Linux service." />
      <EmptyState title="No fingerprints observed" action={<Link className="btn" to="/settings">Check the data source</Link>}>
        Fingerprints are recorded for every container and Linux service an agent watches. Select some to build a policy.
      </EmptyState>
    </>
  );
}
