/** Organizations: `GET /api/v1/org/` (a JSON array; NDJSON accepted). */
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client.ts';
import { toOrg } from './mappers.ts';
import type { Org } from './types.ts';

export const orgKeys = {
  all: ['orgs'] as const,
  list: () => [...orgKeys.all, 'list'] as const,
};

/** Works without a selected org (used by Settings to offer the list). */
export async function listOrgs(client: Pick<ApiClient, 'http'>, signal?: AbortSignal): Promise<Org[]> {
  const items = await client.http.list('GET', '/api/v1/org/', { signal });
  return items.map(toOrg);
}

export function orgListQuery(client: ApiClient) {
  return queryOptions({ queryKey: orgKeys.list(), queryFn: ({ signal }) => listOrgs(client, signal), staleTime: 5 * 60_000 });
}
