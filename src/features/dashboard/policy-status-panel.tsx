import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { CategoryBarChart } from '../../components/charts/category-bar-chart.tsx';
import { ChartPanel } from '../../components/charts/chart-panel.tsx';
import { formatCount } from '../../components/charts/format.ts';
import { STATUS_SERIES } from '../../components/charts/series.ts';
import { policiesHref } from './drill-down.ts';
import { statusOf } from './deviations-panel.tsx';

const TYPES = [
  { key: 'container', label: 'Container' },
  { key: 'linux-service', label: 'Linux service' },
  { key: 'cluster', label: 'Cluster' },
] as const;

/** Enforcing / Auditing / Disabled per policy type, each segment linking to the filtered policies list. */
export function PolicyStatusPanel({ policies }: { policies: UseQueryResult<SpyderbatPolicy[]> }) {
  const navigate = useNavigate();
  const list = policies.data;
  const { rows, totals } = useMemo(() => {
    const counts = new Map<string, Record<string, number>>();
    const sums: Record<string, number> = {};
    for (const p of list ?? []) {
      const s = policyStatus(p);
      const row = counts.get(p.metadata.type) ?? {};
      row[s] = (row[s] ?? 0) + 1;
      counts.set(p.metadata.type, row);
      sums[s] = (sums[s] ?? 0) + 1;
    }
    return { rows: TYPES.filter((t) => counts.has(t.key)).map((t) => ({ key: t.key, label: t.label, values: counts.get(t.key) ?? {} })), totals: sums };
  }, [list]);
  const onSelect = useCallback((type: string, status: string) => void navigate(policiesHref({ type, status })), [navigate]);
  return (
    <ChartPanel
      title="Policy status"
      description="Every policy of the organization, by type and mode."
      testId="chart-policy-status"
      className="span-2"
      status={statusOf(policies, (list ?? []).length === 0)}
      error={policies.error}
      onRetry={() => void policies.refetch()}
      empty={{
        title: 'No policies yet',
        hint: 'Build a policy from the fingerprints of a workload, or import YAML written with spyctl.',
        action: (
          <Link className="btn btn-primary" to="/fingerprints">
            Build one from fingerprints
          </Link>
        ),
      }}
      summary={
        <ul className="status-totals" aria-label="Policies per status">
          {STATUS_SERIES.map((s) => (
            <li key={s.key}>
              <Link className={`badge status-${s.key.toLowerCase()}`} to={policiesHref({ status: s.key })}>
                {s.label}: {formatCount(totals[s.key] ?? 0)}
              </Link>
            </li>
          ))}
        </ul>
      }
    >
      <CategoryBarChart label="Policies by type and status" rows={rows} series={STATUS_SERIES} valueLabel="policies" labelWidth={110} onSelect={onSelect} />
    </ChartPanel>
  );
}
