import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { nowSeconds } from '../../api/client.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyListQuery } from '../../api/policies.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { resolveRange } from '../../components/charts/time-range.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { readDashboardFilters, writeDashboardFilters, type DashboardFilters } from './dashboard-filters.ts';
import { DeviationsPanel, total } from './deviations-panel.tsx';
import { FilterBar } from './filter-bar.tsx';
import { PolicyStatusPanel } from './policy-status-panel.tsx';
import { ReadinessPanel } from './readiness-panel.tsx';
import { RedFlagsPanel } from './red-flags-panel.tsx';
import { TopPoliciesPanel, TopWorkloadsPanel } from './top-lists.tsx';
import { useDashboardData } from './use-dashboard-data.ts';

const NO_POLICIES: readonly SpyderbatPolicy[] = [];

/**
 * What the policies saw: deviations and red flags over time, where and how bad, whether
 * it is getting better, and which audit-mode policies are ready to enforce.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // Stable while the URL does not change, so charts do not redraw for unrelated updates.
  const filters = useMemo(() => readDashboardFilters(new URLSearchParams(query)), [query]);
  const setFilters = useCallback((f: DashboardFilters): void => setParams(writeDashboardFilters(f), { replace: false }), [setParams]);
  // One "now" per visit: windows (and query keys) stay put while the page is open.
  const [now] = useState(() => Math.floor(nowSeconds() / 60) * 60);
  const range = useMemo(() => resolveRange(filters.range, now), [filters.range, now]);
  const client = useApiClient();
  const data = useDashboardData(filters, range, now);
  // Charts first: the policy list (megabytes in a large org) is asked for once the two time series are in.
  const chartsIn = !data.deviations.isPending && !data.redFlags.isPending;
  const policies = useQuery({ ...policyListQuery(client), enabled: chartsIn });
  const policyList = policies.data ?? NO_POLICIES;
  const orgEmpty = policies.data?.length === 0 && data.deviations.data !== undefined && total(data.deviations.data) === 0 && data.redFlags.data !== undefined && total(data.redFlags.data) === 0;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Deviations and red flags raised by your policies, and which audit-mode policies are ready to enforce."
        actions={
          <>
            <Link className="btn" to="/deviations">
              Deviations
            </Link>
            <Link className="btn" to="/redflags">
              Red flags
            </Link>
          </>
        }
      />
      <FilterBar filters={filters} onChange={setFilters} policies={policyList} now={now} />
      {orgEmpty && (
        <div className="dash-empty">
          <EmptyState
            title="No policy activity in this organization yet"
            action={
              <span className="row gap center">
                <Link className="btn btn-primary" to="/fingerprints">
                  Build a policy from fingerprints
                </Link>
                <Link className="btn" to="/settings">
                  Check the data source
                </Link>
              </span>
            }
          >
            Once agents report workloads and policies watch them, this page charts what deviated, where, how bad, and which audit-mode policies are ready to enforce.
          </EmptyState>
        </div>
      )}
      <div className="dash-grid">
        <DeviationsPanel filters={filters} range={range} buckets={data.deviations} before={data.deviationsBefore} onFilters={setFilters} />
        <RedFlagsPanel filters={filters} range={range} buckets={data.redFlags} before={data.redFlagsBefore} />
        <PolicyStatusPanel policies={policies} />
        <TopPoliciesPanel filters={filters} range={range} groups={data.topPolicies} policies={policyList} />
        <TopWorkloadsPanel filters={filters} range={range} groups={data.topWorkloads} />
        <ReadinessPanel policies={policyList} loading={policies.isPending} now={now} policyFilter={filters.policy} />
      </div>
    </>
  );
}
