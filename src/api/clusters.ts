/** Clusters (`GET …/cluster/`) and their namespaces (search `model_k8s_namespace`). */
import { queryOptions } from '@tanstack/react-query';
import { nowSeconds, orgPath, type ApiClient } from './client.ts';
import { toCluster, toNamespace } from './mappers.ts';
import { and, fullJson, quote, search } from './search.ts';
import type { Cluster, Namespace } from './types.ts';

export const clusterKeys = {
  all: ['clusters'] as const,
  list: () => [...clusterKeys.all, 'list'] as const,
  namespaces: (clusterUid?: string) => [...clusterKeys.all, 'namespaces', clusterUid ?? 'all'] as const,
};

export async function listClusters(client: ApiClient, signal?: AbortSignal): Promise<Cluster[]> {
  const items = await client.http.list('GET', orgPath(client, 'cluster/'), { signal });
  // spyctl skips "sub-clusters" whose uid holds a slash.
  return items.map(toCluster).filter((c) => !c.uid.includes('/'));
}

export async function listNamespaces(client: ApiClient, clusterUid?: string, signal?: AbortSignal): Promise<Namespace[]> {
  const now = nowSeconds();
  const rows = await search(client, {
    schema: 'model_k8s_namespace',
    query: and(clusterUid && `cluster_uid = ${quote(clusterUid)}`),
    startTime: now - 86400,
    endTime: now,
    outputFields: ['full_json'],
    signal,
  });
  return fullJson(rows)
    .map(toNamespace)
    .sort((a, b) => a.clusterName.localeCompare(b.clusterName) || a.name.localeCompare(b.name));
}

export function clusterListQuery(client: ApiClient) {
  return queryOptions({ queryKey: clusterKeys.list(), queryFn: ({ signal }) => listClusters(client, signal) });
}

export function namespaceListQuery(client: ApiClient, clusterUid?: string) {
  return queryOptions({ queryKey: clusterKeys.namespaces(clusterUid), queryFn: ({ signal }) => listNamespaces(client, clusterUid, signal) });
}
