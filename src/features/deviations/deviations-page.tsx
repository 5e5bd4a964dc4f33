import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { nowSeconds } from '../../api/client.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyListQuery } from '../../api/policies.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { AuditLogView } from './audit-log-view.tsx';
import { readDeviationFilters, writeDeviationFilters, type DeviationListFilters } from './deviation-filters.ts';
import { DeviationList } from './deviation-list.tsx';

/** Every deviation the policies recorded, with its evidence; and the policies' audit log. */
export function DeviationsPage() {
  const [params, setParams] = useSearchParams();
  const filters = readDeviationFilters(params);
  const set = (f: DeviationListFilters): void => setParams(writeDeviationFilters(f), { replace: true });
  const [now] = useState(() => Math.floor(nowSeconds() / 60) * 60);
  const client = useApiClient();
  const policies = useQuery(policyListQuery(client));
  return (
    <>
      <PageHeader
        title="Deviations"
        description="What workloads did that their policies do not allow: the evidence, the rule, the response, and a way to accept it into the policy."
        actions={
          <Link className="btn" to="/">
            Dashboard
          </Link>
        }
      />
      <Tabs
        tabs={[
          { key: 'list', label: 'Deviations' },
          { key: 'audit', label: 'Audit log' },
        ]}
        active={filters.tab}
        onChange={(tab) => set({ ...filters, tab })}
      >
        {filters.tab === 'list' ? (
          <DeviationList filters={filters} onChange={set} policies={policies.data ?? []} now={now} />
        ) : (
          <AuditLogView filters={filters} onChange={set} policies={policies.data ?? []} now={now} />
        )}
      </Tabs>
    </>
  );
}
