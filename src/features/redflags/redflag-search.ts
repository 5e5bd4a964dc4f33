/**
 * Red flags of a window, newest first (search `event_redflag`, up to LIST_LIMIT), with
 * the list's filters applied by the server; and the counts per severity (an aggregate).
 */
import { queryOptions } from '@tanstack/react-query';
import { countBy, filterQuery } from '../../api/aggregates.ts';
import { nowSeconds, type ApiClient } from '../../api/client.ts';
import { toRedFlag } from '../../api/mappers.ts';
import { search } from '../../api/search.ts';
import type { RedFlag } from '../../api/types.ts';

export const LIST_LIMIT = 2000;

export interface RedFlagSearch {
  days?: number;
  start?: number;
  end?: number;
  severity?: string;
  policyUid?: string;
  clusterName?: string;
  namespace?: string;
}

function windowOf(s: RedFlagSearch): { startTime: number; endTime: number } {
  if (s.start !== undefined && s.end !== undefined) return { startTime: s.start, endTime: s.end - 1 };
  const now = nowSeconds();
  return { startTime: now - 86400 * (s.days ?? 7), endTime: now };
}

function filters(s: RedFlagSearch) {
  return {
    ...(s.policyUid ? { policyUid: s.policyUid } : {}),
    ...(s.clusterName ? { clusterName: s.clusterName } : {}),
    ...(s.namespace ? { namespace: s.namespace } : {}),
  };
}

export async function searchRedFlags(client: ApiClient, s: RedFlagSearch, signal?: AbortSignal): Promise<RedFlag[]> {
  const rows = await search(client, {
    schema: 'event_redflag',
    query: filterQuery({ ...filters(s), ...(s.severity ? { where: { severity: s.severity } } : {}) }),
    ...windowOf(s),
    orderBy: [{ name: 'time', ascending: false }],
    outputFields: ['full_json'],
    limit: LIST_LIMIT,
    signal,
  });
  return rows.map(toRedFlag);
}

export function redFlagSearchQuery(client: ApiClient, s: RedFlagSearch) {
  return queryOptions({ queryKey: ['red-flags', 'search', s], queryFn: ({ signal }) => searchRedFlags(client, s, signal), staleTime: 30_000 });
}

/** Red flags per severity in the window, other filters applied (the severity filter is not, so every chip has a count). */
export function redFlagSeverityCountsQuery(client: ApiClient, s: RedFlagSearch) {
  const { severity: _ignored, ...rest } = s;
  return queryOptions({
    queryKey: ['red-flags', 'severity-counts', rest],
    queryFn: async ({ signal }) => {
      const groups = await countBy(client, { schema: 'event_redflag', fields: ['severity'], ...windowOf(rest), ...filters(rest) }, signal);
      return Object.fromEntries(groups.map((g) => [g.values.severity ?? '', g.count]));
    },
    staleTime: 30_000,
  });
}
