import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';

export function PoliciesPage() {
  return (
    <>
      <PageHeader
        title="Policies"
        description="Allow-list policies and their mode: Auditing, Enforcing or Disabled."
        actions={<Link className="btn btn-primary" to="/policies/new">New policy</Link>}
      />
      <EmptyState title="No policies yet" action={<Link className="btn" to="/fingerprints">Build one from fingerprints</Link>}>
        Build a policy from the fingerprints of a workload, or write one in the YAML editor.
      </EmptyState>
    </>
  );
}
