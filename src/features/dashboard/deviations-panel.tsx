import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { GroupCount } from '../../api/aggregates.ts';
import type { TimeBucket } from '../../api/types.ts';
import { ChartPanel, type ChartStatus } from '../../components/charts/chart-panel.tsx';
import { changeOf, formatCount } from '../../components/charts/format.ts';
import { KIND_SERIES, POLICY_TYPE_SERIES, seriesWithExtras } from '../../components/charts/series.ts';
import { TimeSeriesChart } from '../../components/charts/time-series-chart.tsx';
import type { ResolvedRange } from '../../components/charts/time-range.ts';
import { hasFilters, type DashboardFilters, type SplitBy } from './dashboard-filters.ts';
import { deviationsHref } from './drill-down.ts';
import { ChangeNote } from './change-note.tsx';

export function statusOf(q: UseQueryResult<unknown>, empty: boolean): ChartStatus {
  return q.isPending ? 'loading' : q.isError ? 'error' : empty ? 'empty' : 'ready';
}

export const total = (buckets: readonly TimeBucket[] | undefined): number => (buckets ?? []).reduce((n, b) => n + b.count, 0);
export const sumCounts = (groups: readonly GroupCount[] | undefined): number => (groups ?? []).reduce((n, g) => n + g.count, 0);

export function DeviationsPanel({
  filters,
  range,
  buckets,
  before,
  onFilters,
}: {
  filters: DashboardFilters;
  range: ResolvedRange;
  buckets: UseQueryResult<TimeBucket[]>;
  before: UseQueryResult<GroupCount[]>;
  onFilters: (f: DashboardFilters) => void;
}) {
  const navigate = useNavigate();
  const count = total(buckets.data);
  const series = useMemo(
    () => seriesWithExtras(filters.split === 'kind' ? KIND_SERIES : POLICY_TYPE_SERIES, new Set((buckets.data ?? []).flatMap((b) => Object.keys(b.by ?? {})))),
    [filters.split, buckets.data],
  );
  const points = useMemo(() => (buckets.data ?? []).map((b) => ({ start: b.start, by: b.by ?? {} })), [buckets.data]);
  const onZoom = useCallback((start: number, end: number) => onFilters({ ...filters, range: { kind: 'custom', start, end } }), [filters, onFilters]);
  const onSelect = useCallback(
    (bucket: { start: number; end: number }, key: string | null) => void navigate(deviationsHref(filters, { bucket, ...(key ? { series: { split: filters.split, key } } : {}) })),
    [filters, navigate],
  );
  const split = (s: SplitBy) => (
    <button type="button" className={`segment ${filters.split === s ? 'on' : ''}`} aria-pressed={filters.split === s} onClick={() => onFilters({ ...filters, split: s })}>
      {s === 'type' ? 'By policy type' : 'By kind'}
    </button>
  );
  return (
    <ChartPanel
      title="Deviations over time"
      description={`What workloads did that their policies do not allow, ${range.label}${range.bucket === 'hour' ? ', per hour' : ', per day'} (UTC).`}
      testId="chart-deviations"
      className="span-full"
      status={statusOf(buckets, count === 0)}
      error={buckets.error}
      onRetry={() => void buckets.refetch()}
      height={300}
      actions={
        <div className="seg-toggle" role="group" aria-label="Split deviations">
          {split('type')}
          {split('kind')}
        </div>
      }
      empty={{
        title: `No deviations ${range.label === 'last 24 hours' ? 'in the last 24 hours' : `in the ${range.label}`}`,
        hint: hasFilters(filters)
          ? 'Nothing matched these filters. Clear them to see the whole organization.'
          : 'A policy in audit or enforce mode records a deviation when a workload in its scope does something the policy does not allow.',
      }}
      summary={
        <p className="chart-summary">
          <strong className="big-number">{formatCount(count)}</strong> deviations
          {before.data && <ChangeNote change={changeOf(count, sumCounts(before.data))} previous={sumCounts(before.data)} goodWhenDown />}
        </p>
      }
    >
      <TimeSeriesChart
        label={`Deviations per ${range.bucket}, ${filters.split === 'kind' ? 'by kind' : 'by policy type'}`}
        points={points}
        bucketSeconds={range.bucketSeconds}
        series={series}
        valueLabel="deviations"
        height={260}
        brush
        onZoom={onZoom}
        onSelect={onSelect}
      />
    </ChartPanel>
  );
}
