/**
 * Deviations: search `event_deviation` (full_json) over a window; `policy_uid = …` to
 * narrow to one policy. Records repeat per occurrence; `uniqueDeviations` keeps one
 * per checksum, as `spyctl get deviations` does.
 */
import { queryOptions } from '@tanstack/react-query';
import { nowSeconds, type ApiClient } from './client.ts';
import { toDeviationRecord } from './mappers.ts';
import { and, quote, search } from './search.ts';
import type { DeviationRecord, DeviationSummary } from './types.ts';

export interface DeviationFilters {
  policyUid?: string;
  clusterName?: string;
  namespace?: string;
  /** Days back from now (default 30). */
  days?: number;
  /** Maximum records (default 10,000, as spyctl). */
  limit?: number;
}

export const deviationKeys = {
  all: ['deviations'] as const,
  lists: () => [...deviationKeys.all, 'list'] as const,
  list: (filters: DeviationFilters = {}) => [...deviationKeys.all, 'list', filters] as const,
  unique: (filters: DeviationFilters = {}) => [...deviationKeys.all, 'unique', filters] as const,
};

export async function listDeviations(client: ApiClient, filters: DeviationFilters = {}, signal?: AbortSignal): Promise<DeviationRecord[]> {
  const now = nowSeconds();
  const rows = await search(client, {
    schema: 'event_deviation',
    query: and(
      filters.policyUid && `policy_uid = ${quote(filters.policyUid)}`,
      filters.clusterName && `cluster_name = ${quote(filters.clusterName)}`,
      filters.namespace && `namespace = ${quote(filters.namespace)}`,
    ),
    startTime: now - 86400 * (filters.days ?? 30),
    endTime: now,
    orderBy: [{ name: 'time', ascending: false }],
    outputFields: ['full_json'],
    limit: filters.limit ?? 10_000,
    signal,
  });
  return rows.map(toDeviationRecord);
}

/** One entry per checksum (the latest record), with occurrence counts; newest first. */
export function uniqueDeviations(records: readonly DeviationRecord[]): DeviationSummary[] {
  const byChecksum = new Map<string, DeviationSummary>();
  for (const r of records) {
    const key = `${r.policyUid}|${r.checksum || r.id}`;
    const s = byChecksum.get(key);
    if (!s) {
      byChecksum.set(key, { ...r, count: 1, firstTime: r.time, lastTime: r.time });
      continue;
    }
    s.count++;
    s.firstTime = Math.min(s.firstTime, r.time);
    if (r.time > s.lastTime) Object.assign(s, { ...r, count: s.count, firstTime: s.firstTime, lastTime: r.time });
  }
  return [...byChecksum.values()].sort((a, b) => b.lastTime - a.lastTime);
}

export function deviationListQuery(client: ApiClient, filters: DeviationFilters = {}) {
  return queryOptions({ queryKey: deviationKeys.list(filters), queryFn: ({ signal }) => listDeviations(client, filters, signal) });
}

/** Shares the list request; gives unique deviations. */
export function uniqueDeviationsQuery(client: ApiClient, filters: DeviationFilters = {}) {
  return queryOptions({ queryKey: deviationKeys.list(filters), queryFn: ({ signal }) => listDeviations(client, filters, signal), select: uniqueDeviations });
}
