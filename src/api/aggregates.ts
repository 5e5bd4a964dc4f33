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
}

export const aggregateKeys = {
  all: ['aggregates'] as const,
  series: (r: AggregateRequest) => [...aggregateKeys.all, r] as const,
};

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
  const edges = binEdges(now, r.days, r.bucket);
  const rows = await search(client, {
    schema: r.schema,
    query: and(r.policyUid && `policy_uid = ${quote(r.policyUid)}`, r.clusterName && `cluster_name = ${quote(r.clusterName)}`),
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
