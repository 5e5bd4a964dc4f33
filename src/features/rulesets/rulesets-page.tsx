import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';

export function RulesetsPage() {
  return (
    <>
      <PageHeader title="Rulesets" description="Cluster ruleset policies: which images may run in which namespaces." />
      <EmptyState title="No rulesets">Rulesets are attached to cluster policies; they list allowed and denied container images per namespace.</EmptyState>
    </>
  );
}
