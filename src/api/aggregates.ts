/**
 * Time-bucketed counts for charts: a search with `group_by: [{name: "time", bins}]`
 * (and optionally a second field), answered with one `{time, <field>, count}` row per
 * group. A server that ignores `group_by` and returns plain records is handled too: the
 * records are bucketed here.
 */
import { queryOptions } from '@tanstack/react-query';
import { nowSeconds, type ApiClient } from './client.ts';
import { text } from './mappers.ts';
import { and, quote, search } from './search.ts';
import type { TimeBucket } from './types.ts';
import type { SearchSchema } from './wire.ts';

export type BucketSize = 'hour' | 'day';

export interface AggregateRequest {
  schema: Extract<SearchSchema, 'event_deviation' | 'event_redflag' | 'event_opsflag'>;
  days: number;
  bucket: BucketSize;
  /** A second grouping field, e.g. `severity` or `policy_uid`. */
  splitBy?: string;
  policyUid?: string;
  clusterName?: string;
  namespace?: string;
  /** Only events of policies currently in this mode (`policy_mode`, e.g. `audit`). */
  policyMode?: string;
  /** More exact-match filters, field → value (e.g. `{deviation_kind: 'egress'}`). */
  where?: Readonly<Record<string, string>>;
  /** An absolute window (epoch seconds); when both are set, `days` is not used. */
  startTime?: number;
  endTime?: number;
}

/** Counts per value of one or more fields (no time split), e.g. the 10 busiest policies. */
export interface GroupCountRequest extends Omit<AggregateRequest, 'bucket' | 'splitBy' | 'days'> {
  days?: number;
  /** The grouping fields; each result carries a value for every one. */
  fields: readonly string[];
  /** Only the N largest groups (server-side `order_by: count desc` and limit). */
  top?: number;
}

export interface GroupCount {
  /** Field → value ('' when the server had none). */
  values: Record<string, string>;
  count: number;
}

export const aggregateKeys = {
  all: ['aggregates'] as const,
  series: (r: AggregateRequest) => [...aggregateKeys.all, r] as const,
  counts: (r: GroupCountRequest) => [...aggregateKeys.all, 'counts', r] as const,
};

type Filters = Pick<AggregateRequest, 'policyUid' | 'clusterName' | 'namespace' | 'policyMode' | 'where'>;

/** The search query of the filters (exact matches joined with AND). */
export function filterQuery(r: Filters): string {
  return and(
    r.policyUid && `policy_uid = ${quote(r.policyUid)}`,
    r.clusterName && `cluster_name = ${quote(r.clusterName)}`,
    r.namespace && `namespace = ${quote(r.namespace)}`,
    r.policyMode && `policy_mode = ${quote(r.policyMode)}`,
    ...Object.entries(r.where ?? {}).map(([field, value]) => value !== '' && `${field} = ${quote(value)}`),
  );
}

const SIZE: Record<BucketSize, number> = { hour: 3600, day: 86400 };

/** Bin edges aligned to the bucket size, covering [now - days, now]. */
export function binEdges(now: number, days: number, bucket: BucketSize): number[] {
  const size = SIZE[bucket];
  const end = Math.ceil(now / size) * size;
  const start = end - Math.ceil((days * 86400) / size) * size;
  const edges: number[] = [];
  for (let t = start; t <= end; t += size) edges.push(t);
  return edges;
}

/** Bin edges aligned to the bucket size, covering the absolute window [start, end]. */
export function binEdgesBetween(start: number, end: number, bucket: BucketSize): number[] {
  const size = SIZE[bucket];
  const from = Math.floor(start / size) * size;
  const to = Math.max(from + size, Math.ceil(end / size) * size);
  const edges: number[] = [];
  for (let t = from; t <= to; t += size) edges.push(t);
  return edges;
}

/** The bin edges a request is answered with. */
export function edgesOf(r: Pick<AggregateRequest, 'days' | 'bucket' | 'startTime' | 'endTime'>, now: number): number[] {
  return r.startTime !== undefined && r.endTime !== undefined ? binEdgesBetween(r.startTime, r.endTime, r.bucket) : binEdges(now, r.days, r.bucket);
}

/** Buckets rows that are either groups (`count`) or raw records (one each). */
export function bucketRows(rows: readonly Record<string, unknown>[], edges: readonly number[], splitBy?: string): TimeBucket[] {
  const buckets: TimeBucket[] = edges.slice(0, -1).map((start) => ({ start, count: 0, ...(splitBy ? { by: {} } : {}) }));
  const first = edges[0] ?? 0;
  const size = (edges[1] ?? first + 1) - first;
  for (const row of rows) {
    const t = typeof row.time === 'number' ? row.time : Number(row.time);
    if (!Number.isFinite(t)) continue;
    const i = Math.floor((t - first) / size);
    const b = buckets[i];
    if (!b) continue;
    const n = typeof row.count === 'number' ? row.count : 1;
    b.count += n;
    if (splitBy && b.by) {
      const k = text(row[splitBy]) || 'unknown';
      b.by[k] = (b.by[k] ?? 0) + n;
    }
  }
  return buckets;
}

export async function countOverTime(client: ApiClient, r: AggregateRequest, signal?: AbortSignal): Promise<TimeBucket[]> {
  const now = nowSeconds();
  const edges = edgesOf(r, now);
  const rows = await search(client, {
    schema: r.schema,
    query: filterQuery(r),
    startTime: edges[0] ?? now - r.days * 86400,
    endTime: edges[edges.length - 1] ?? now,
    groupBy: [{ name: 'time', bins: edges }, ...(r.splitBy ? [{ name: r.splitBy }] : [])],
    outputFields: ['time', 'count', ...(r.splitBy ? [r.splitBy] : [])],
    limit: 100_000,
    signal,
  });
  return bucketRows(rows, edges, r.splitBy);
}

export function countOverTimeQuery(client: ApiClient, r: AggregateRequest) {
  return queryOptions({ queryKey: aggregateKeys.series(r), queryFn: ({ signal }) => countOverTime(client, r, signal), staleTime: 60_000 });
}

/** Groups rows that are either groups (`count`) or raw records (one each) by the fields; largest first. */
export function countRows(rows: readonly Record<string, unknown>[], fields: readonly string[]): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const row of rows) {
    const values: Record<string, string> = {};
    for (const f of fields) values[f] = text(row[f]);
    const key = JSON.stringify(fields.map((f) => values[f]));
    const n = typeof row.count === 'number' ? row.count : 1;
    const g = groups.get(key);
    if (g) g.count += n;
    else groups.set(key, { values, count: n });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || JSON.stringify(a.values).localeCompare(JSON.stringify(b.values)));
}

export async function countBy(client: ApiClient, r: GroupCountRequest, signal?: AbortSignal): Promise<GroupCount[]> {
  const now = nowSeconds();
  const start = r.startTime ?? now - 86400 * (r.days ?? 30);
  const end = r.endTime ?? now;
  const rows = await search(client, {
    schema: r.schema,
    query: filterQuery(r),
    startTime: start,
    endTime: end,
    groupBy: r.fields.map((name) => ({ name })),
    ...(r.top !== undefined ? { orderBy: [{ name: 'count', ascending: false }] } : {}),
    outputFields: ['count', ...r.fields],
    limit: r.top ?? 100_000,
    signal,
  });
  const counts = countRows(rows, r.fields);
  return r.top !== undefined ? counts.slice(0, r.top) : counts;
}

export function countByQuery(client: ApiClient, r: GroupCountRequest) {
  return queryOptions({ queryKey: aggregateKeys.counts(r), queryFn: ({ signal }) => countBy(client, r, signal), staleTime: 60_000 });
}
