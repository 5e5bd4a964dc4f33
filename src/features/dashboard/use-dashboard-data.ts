/**
 * The dashboard's server data: bucketed counts and top-N groups only (the API
 * aggregates; no event list is downloaded), plus the policy, cluster and namespace lists.
 */
import { useQuery } from '@tanstack/react-query';
import { countByQuery, countOverTimeQuery, edgesOf, type AggregateRequest, type GroupCountRequest } from '../../api/aggregates.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import type { ResolvedRange } from '../../components/charts/time-range.ts';
import { aggregateFilters, SPLIT_FIELD, type DashboardFilters } from './dashboard-filters.ts';

type EventSchema = AggregateRequest['schema'];

/** A series request for the dashboard's window: relative ranges keep `days` (stable keys). */
export function seriesRequest(schema: EventSchema, r: ResolvedRange, f: DashboardFilters, splitBy: string): AggregateRequest {
  const window = r.days !== null ? { days: r.days } : { days: 0, startTime: r.start, endTime: r.end };
  return { schema, ...window, bucket: r.bucket, splitBy, ...aggregateFilters(f) };
}

function countsRequest(schema: EventSchema, r: ResolvedRange, f: DashboardFilters, fields: string[], top?: number): GroupCountRequest {
  const window = r.days !== null ? { days: r.days } : { startTime: r.start, endTime: r.end };
  return { schema, ...window, fields, ...(top !== undefined ? { top } : {}), ...aggregateFilters(f) };
}

/** The period before the chart's (aligned to its buckets), for "change vs previous period". */
export function previousRequest(schema: EventSchema, series: AggregateRequest, now: number, fields: string[], f: DashboardFilters): GroupCountRequest {
  const edges = edgesOf(series, now);
  const start = edges[0] ?? now;
  const end = edges[edges.length - 1] ?? now;
  return { schema, fields, startTime: start - (end - start), endTime: start - 1, ...aggregateFilters(f) };
}

export function useDashboardData(f: DashboardFilters, r: ResolvedRange, now: number) {
  const client = useApiClient();
  const split = SPLIT_FIELD[f.split];
  const devReq = seriesRequest('event_deviation', r, f, split);
  const flagReq = seriesRequest('event_redflag', r, f, 'severity');
  return {
    deviations: useQuery(countOverTimeQuery(client, devReq)),
    deviationsBefore: useQuery(countByQuery(client, previousRequest('event_deviation', devReq, now, [split], f))),
    redFlags: useQuery(countOverTimeQuery(client, flagReq)),
    redFlagsBefore: useQuery(countByQuery(client, previousRequest('event_redflag', flagReq, now, ['severity'], f))),
    topPolicies: useQuery(countByQuery(client, countsRequest('event_deviation', r, f, ['policy_uid', 'policy_name'], 10))),
    topWorkloads: useQuery(countByQuery(client, countsRequest('event_deviation', r, f, ['workload', 'namespace', 'cluster_name'], 10))),
  };
}
