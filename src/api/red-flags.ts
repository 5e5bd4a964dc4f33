/** Red flags: search `event_redflag` over a window. */
import { queryOptions } from '@tanstack/react-query';
import type { Severity } from '../engine/model/types.ts';
import { nowSeconds, type ApiClient } from './client.ts';
import { toRedFlag } from './mappers.ts';
import { and, quote, search } from './search.ts';
import type { RedFlag } from './types.ts';

export interface RedFlagFilters {
  policyUid?: string;
  clusterName?: string;
  severity?: Severity;
  days?: number;
  limit?: number;
}

export const redFlagKeys = {
  all: ['red-flags'] as const,
  list: (filters: RedFlagFilters = {}) => [...redFlagKeys.all, 'list', filters] as const,
};

export async function listRedFlags(client: ApiClient, filters: RedFlagFilters = {}, signal?: AbortSignal): Promise<RedFlag[]> {
  const now = nowSeconds();
  const rows = await search(client, {
    schema: 'event_redflag',
    query: and(
      filters.policyUid && `policy_uid = ${quote(filters.policyUid)}`,
      filters.clusterName && `cluster_name = ${quote(filters.clusterName)}`,
      filters.severity && `severity = ${quote(filters.severity)}`,
    ),
    startTime: now - 86400 * (filters.days ?? 30),
    endTime: now,
    orderBy: [{ name: 'time', ascending: false }],
    outputFields: ['full_json'],
    limit: filters.limit ?? 10_000,
    signal,
  });
  return rows.map(toRedFlag);
}

export function redFlagListQuery(client: ApiClient, filters: RedFlagFilters = {}) {
  return queryOptions({ queryKey: redFlagKeys.list(filters), queryFn: ({ signal }) => listRedFlags(client, filters, signal) });
}
