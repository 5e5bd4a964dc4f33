import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { GroupCount } from '../../api/aggregates.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { CategoryBarChart } from '../../components/charts/category-bar-chart.tsx';
import { ChartPanel } from '../../components/charts/chart-panel.tsx';
import { COUNT_SERIES } from '../../components/charts/series.ts';
import type { ResolvedRange } from '../../components/charts/time-range.ts';
import type { DashboardFilters } from './dashboard-filters.ts';
import { deviationsHref } from './drill-down.ts';
import { statusOf } from './deviations-panel.tsx';

const STATUS = (p: SpyderbatPolicy | undefined): string => (!p ? '' : p.spec.enabled === false ? 'Disabled' : p.spec.mode === 'enforce' ? 'Enforcing' : 'Auditing');

export function TopPoliciesPanel({
  filters,
  range,
  groups,
  policies,
}: {
  filters: DashboardFilters;
  range: ResolvedRange;
  groups: UseQueryResult<GroupCount[]>;
  policies: readonly SpyderbatPolicy[];
}) {
  const navigate = useNavigate();
  const rows = useMemo(() => {
    const byUid = new Map(policies.map((p) => [p.metadata.uid ?? '', p]));
    return (groups.data ?? []).map((g) => {
      const uid = g.values.policy_uid ?? '';
      const p = byUid.get(uid);
      return { key: uid, label: p?.metadata.name ?? (g.values.policy_name || uid), detail: p ? `${p.metadata.type} · ${STATUS(p)}` : uid, values: { count: g.count } };
    });
  }, [groups.data, policies]);
  const onSelect = useCallback((uid: string) => void navigate(deviationsHref(filters, { policy: uid })), [filters, navigate]);
  return (
    <ChartPanel
      title="Top deviating policies"
      description={`Most deviations, ${range.label}. Click a bar to list them.`}
      testId="chart-top-policies"
      className="span-3"
      status={statusOf(groups, rows.length === 0)}
      error={groups.error}
      onRetry={() => void groups.refetch()}
      empty={{ title: 'No policy deviated', hint: 'Every workload stayed within its policies in this period.' }}
    >
      <CategoryBarChart label="Deviations per policy, top 10" rows={rows} series={COUNT_SERIES} valueLabel="deviations" onSelect={onSelect} />
    </ChartPanel>
  );
}

export function TopWorkloadsPanel({ filters, range, groups }: { filters: DashboardFilters; range: ResolvedRange; groups: UseQueryResult<GroupCount[]> }) {
  const navigate = useNavigate();
  const rows = useMemo(
    () =>
      (groups.data ?? []).map((g) => {
        const w = { workload: g.values.workload ?? '', namespace: g.values.namespace ?? '', cluster: g.values.cluster_name ?? '' };
        return {
          key: JSON.stringify(w),
          label: w.workload || 'Unknown workload',
          detail: [w.namespace && `ns ${w.namespace}`, w.cluster && `cluster ${w.cluster}`].filter(Boolean).join(' · '),
          values: { count: g.count },
          w,
        };
      }),
    [groups.data],
  );
  const onSelect = useCallback(
    (key: string) => {
      const row = rows.find((r) => r.key === key);
      if (row) void navigate(deviationsHref(filters, { workload: row.w }));
    },
    [rows, filters, navigate],
  );
  return (
    <ChartPanel
      title="Top deviating workloads"
      description={`Container images and Linux services with the most deviations, ${range.label}.`}
      testId="chart-top-workloads"
      className="span-3"
      status={statusOf(groups, rows.length === 0)}
      error={groups.error}
      onRetry={() => void groups.refetch()}
      empty={{ title: 'No workload deviated', hint: 'Nothing ran outside its policies in this period.' }}
    >
      <CategoryBarChart label="Deviations per workload, top 10" rows={rows} series={COUNT_SERIES} valueLabel="deviations" onSelect={onSelect} />
    </ChartPanel>
  );
}
