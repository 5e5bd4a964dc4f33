import { PageHeader } from '../../components/ui/page-header.tsx';
import { dataSourceLabel, readDataSource } from '../../api/data-source.ts';

export function SettingsPage() {
  const source = readDataSource();
  return (
    <>
      <PageHeader title="Settings" description="Where the console gets its data, and how it looks." />
      <section className="panel">
        <h2>Data source</h2>
        <p>
          Connected to: <strong>{dataSourceLabel(source)}</strong>
        </p>
      </section>
    </>
  );
}
