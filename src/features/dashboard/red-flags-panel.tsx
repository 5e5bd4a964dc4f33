import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { GroupCount } from '../../api/aggregates.ts';
import type { TimeBucket } from '../../api/types.ts';
import { ChartPanel } from '../../components/charts/chart-panel.tsx';
import { changeOf, formatCount } from '../../components/charts/format.ts';
import { SEVERITY_SERIES, seriesWithExtras } from '../../components/charts/series.ts';
import { TimeSeriesChart } from '../../components/charts/time-series-chart.tsx';
import type { ResolvedRange } from '../../components/charts/time-range.ts';
import { hasFilters, type DashboardFilters } from './dashboard-filters.ts';
import { redFlagsHref } from './drill-down.ts';
import { ChangeNote } from './change-note.tsx';
import { statusOf, total } from './deviations-panel.tsx';

export function RedFlagsPanel({ filters, range, buckets, before }: { filters: DashboardFilters; range: ResolvedRange; buckets: UseQueryResult<TimeBucket[]>; before: UseQueryResult<GroupCount[]> }) {
  const navigate = useNavigate();
  const count = total(buckets.data);
  const bySeverity: Record<string, number> = {};
  for (const b of buckets.data ?? []) for (const [k, n] of Object.entries(b.by ?? {})) bySeverity[k] = (bySeverity[k] ?? 0) + n;
  const previous: Record<string, number> = {};
  for (const g of before.data ?? []) previous[g.values.severity ?? ''] = g.count;
  const extraKeys = Object.keys(bySeverity).sort().join('|');
  const series = useMemo(() => seriesWithExtras(SEVERITY_SERIES, extraKeys ? extraKeys.split('|') : []), [extraKeys]);
  const points = useMemo(() => (buckets.data ?? []).map((b) => ({ start: b.start, by: b.by ?? {} })), [buckets.data]);
  const onSelect = useCallback(
    (bucket: { start: number; end: number }, key: string | null) => void navigate(redFlagsHref(filters, { bucket, ...(key ? { severity: key } : {}) })),
    [filters, navigate],
  );
  return (
    <ChartPanel
      title="Red flags over time"
      description={`Red flags raised by enforcing policies and detections, ${range.label}, by severity; each total compared with the period before.`}
      testId="chart-redflags"
      className="span-4"
      status={statusOf(buckets, count === 0)}
      error={buckets.error}
      onRetry={() => void buckets.refetch()}
      height={300}
      empty={{
        title: `No red flags in the ${range.label}`,
        hint: hasFilters(filters) ? 'Nothing matched these filters.' : 'Red flags appear when an enforcing policy responds to a deviation with makeRedFlag, or a detection fires.',
      }}
      summary={
        <ul className="severity-totals" aria-label="Red flags per severity">
          {series.map((s) => {
            const n = bySeverity[s.key] ?? 0;
            const prev = previous[s.key] ?? 0;
            return (
              <li key={s.key}>
                <Link className={`sev-total sev-border-${s.key}`} to={redFlagsHref(filters, { severity: s.key })} aria-label={`${s.label}: ${formatCount(n)} red flags, list them`}>
                  <span className="sev-total-label">{s.label}</span>
                  <strong className="sev-total-count">{formatCount(n)}</strong>
                  {before.data && <ChangeNote change={changeOf(n, prev)} previous={prev} goodWhenDown short />}
                </Link>
              </li>
            );
          })}
        </ul>
      }
    >
      <TimeSeriesChart
        label={`Red flags per ${range.bucket}, by severity`}
        points={points}
        bucketSeconds={range.bucketSeconds}
        series={series}
        valueLabel="red flags"
        height={220}
        onSelect={onSelect}
      />
    </ChartPanel>
  );
}
