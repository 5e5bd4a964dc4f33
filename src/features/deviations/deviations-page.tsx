import { PageHeader } from '../../components/ui/page-header.tsx';

export function DeviationsPage() {
  return <PageHeader title="Deviations" description="Every deviation your policies recorded, with its evidence." />;
}
