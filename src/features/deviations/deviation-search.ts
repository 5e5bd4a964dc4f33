/**
 * The deviation occurrences of a window, newest first (search `event_deviation` with
 * full_json, up to LIST_LIMIT), and how many there are in all (an aggregate), with
 * the list's filters applied by the server.
 */
import { queryOptions } from '@tanstack/react-query';
import { countBy, filterQuery } from '../../api/aggregates.ts';
import { nowSeconds, type ApiClient } from '../../api/client.ts';
import { toDeviationRecord } from '../../api/mappers.ts';
import { search } from '../../api/search.ts';
import type { DeviationRecord } from '../../api/types.ts';

export const LIST_LIMIT = 2000;

export interface DeviationSearch {
  /** Relative window (the last N days), or an absolute [start, end). */
  days?: number;
  start?: number;
  end?: number;
  policyUid?: string;
  clusterName?: string;
  namespace?: string;
  where?: Record<string, string>;
}

function windowOf(s: DeviationSearch): { startTime: number; endTime: number } {
  if (s.start !== undefined && s.end !== undefined) return { startTime: s.start, endTime: s.end - 1 };
  const now = nowSeconds();
  return { startTime: now - 86400 * (s.days ?? 7), endTime: now };
}

export async function searchDeviations(client: ApiClient, s: DeviationSearch, signal?: AbortSignal): Promise<DeviationRecord[]> {
  const rows = await search(client, {
    schema: 'event_deviation',
    query: filterQuery(s),
    ...windowOf(s),
    orderBy: [{ name: 'time', ascending: false }],
    outputFields: ['full_json'],
    limit: LIST_LIMIT,
    signal,
  });
  return rows.map(toDeviationRecord);
}

export const deviationSearchKeys = {
  list: (s: DeviationSearch) => ['deviations', 'search', s] as const,
  count: (s: DeviationSearch) => ['deviations', 'search-count', s] as const,
};

export function deviationSearchQuery(client: ApiClient, s: DeviationSearch) {
  return queryOptions({ queryKey: deviationSearchKeys.list(s), queryFn: ({ signal }) => searchDeviations(client, s, signal), staleTime: 30_000 });
}

export interface DeviationCounts {
  /** Occurrences in the window. */
  total: number;
  /** Occurrences per deviation, keyed `policy uid|checksum`. */
  byDeviation: Map<string, number>;
}

/**
 * How often each deviation occurred in the window, with the same filters (one aggregate,
 * not a download): exact counts even when only the newest LIST_LIMIT occurrences are loaded.
 */
export function deviationCountQuery(client: ApiClient, s: DeviationSearch) {
  return queryOptions({
    queryKey: deviationSearchKeys.count(s),
    queryFn: async ({ signal }): Promise<DeviationCounts> => {
      const { policyUid, clusterName, namespace, where } = s;
      const filters = { ...(policyUid ? { policyUid } : {}), ...(clusterName ? { clusterName } : {}), ...(namespace ? { namespace } : {}), ...(where ? { where } : {}) };
      const groups = await countBy(client, { schema: 'event_deviation', fields: ['policy_uid', 'checksum'], ...windowOf(s), ...filters }, signal);
      const byDeviation = new Map(groups.map((g) => [`${g.values.policy_uid ?? ''}|${g.values.checksum ?? ''}`, g.count]));
      return { total: groups.reduce((n, g) => n + g.count, 0), byDeviation };
    },
    staleTime: 30_000,
  });
}
