/**
 * Policies: `/api/v1/org/{org}/analyticspolicy/`. Create = POST, update = PUT with
 * metadata.uid and the edited version (conflicts surface as ConflictError), delete.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PolicyType, SpyderbatPolicy } from '../engine/model/types.ts';
import type { ApiClient } from './client.ts';
import { toPolicy } from './mappers.ts';
import { versionedResource, type UpdateOptions } from './versioned-resource.ts';

export interface PolicyFilters {
  type?: PolicyType;
  /** Substring of the name or uid (server-side). */
  nameOrUid?: string;
}

const resource = versionedResource<SpyderbatPolicy>({ path: 'analyticspolicy', bodyKey: 'policy', noun: 'policy', map: toPolicy });

export const policyKeys = {
  all: ['policies'] as const,
  lists: () => [...policyKeys.all, 'list'] as const,
  list: (filters: PolicyFilters = {}) => [...policyKeys.all, 'list', filters] as const,
  details: () => [...policyKeys.all, 'detail'] as const,
  detail: (uid: string) => [...policyKeys.all, 'detail', uid] as const,
  versions: (uid: string) => [...policyKeys.all, 'versions', uid] as const,
};

export function listPolicies(client: ApiClient, filters: PolicyFilters = {}, signal?: AbortSignal): Promise<SpyderbatPolicy[]> {
  return resource.list(client, { type: filters.type, name_or_uid_contains: filters.nameOrUid }, signal);
}

/** Earlier versions of a policy (`from_archive=true`), newest first. */
export async function listPolicyVersions(client: ApiClient, uid: string, signal?: AbortSignal): Promise<SpyderbatPolicy[]> {
  const all = await resource.list(client, { from_archive: true, name_or_uid_contains: uid }, signal);
  return all.filter((p) => p.metadata.uid === uid).sort((a, b) => (b.metadata.version ?? 0) - (a.metadata.version ?? 0));
}

export function getPolicy(client: ApiClient, uid: string, signal?: AbortSignal): Promise<SpyderbatPolicy> {
  return resource.get(client, uid, signal);
}

/** POST; returns the stored policy (with uid and version 1). */
export function createPolicy(client: ApiClient, policy: SpyderbatPolicy, signal?: AbortSignal): Promise<SpyderbatPolicy> {
  return resource.create(client, policy, signal);
}

/**
 * PUT the policy the user edited. `baseVersion` (default `metadata.version`) is the
 * version they started from; if the server has moved on, nothing is written and a
 * ConflictError carries the server's current policy.
 */
export function updatePolicy(client: ApiClient, policy: SpyderbatPolicy, options?: UpdateOptions): Promise<SpyderbatPolicy> {
  return resource.update(client, policy, options);
}

/** `spyctl apply`: PUT when metadata.uid exists, else POST. */
export function applyPolicy(client: ApiClient, policy: SpyderbatPolicy, options?: UpdateOptions): Promise<SpyderbatPolicy> {
  return policy.metadata.uid ? updatePolicy(client, policy, options) : createPolicy(client, policy, options?.signal);
}

export function deletePolicy(client: ApiClient, uid: string, signal?: AbortSignal): Promise<void> {
  return resource.remove(client, uid, signal);
}

export function policyListQuery(client: ApiClient, filters: PolicyFilters = {}) {
  return queryOptions({ queryKey: policyKeys.list(filters), queryFn: ({ signal }) => listPolicies(client, filters, signal) });
}

export function policyDetailQuery(client: ApiClient, uid: string) {
  return queryOptions({ queryKey: policyKeys.detail(uid), queryFn: ({ signal }) => getPolicy(client, uid, signal) });
}

export function policyVersionsQuery(client: ApiClient, uid: string) {
  return queryOptions({ queryKey: policyKeys.versions(uid), queryFn: ({ signal }) => listPolicyVersions(client, uid, signal) });
}

/** After a write: put the stored policy in the cache and refetch lists. */
export async function onPolicySaved(queryClient: QueryClient, policy: SpyderbatPolicy): Promise<void> {
  if (policy.metadata.uid) queryClient.setQueryData(policyKeys.detail(policy.metadata.uid), policy);
  await queryClient.invalidateQueries({ queryKey: policyKeys.lists() });
  if (policy.metadata.uid) await queryClient.invalidateQueries({ queryKey: policyKeys.versions(policy.metadata.uid) });
}

export async function onPolicyDeleted(queryClient: QueryClient, uid: string): Promise<void> {
  queryClient.removeQueries({ queryKey: policyKeys.detail(uid) });
  await queryClient.invalidateQueries({ queryKey: policyKeys.lists() });
}
