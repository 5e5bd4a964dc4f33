/** Rulesets: `/api/v1/org/{org}/analyticsruleset/` (body key `ruleset`), same pattern as policies. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { SpyderbatRuleset } from '../engine/model/types.ts';
import type { ApiClient } from './client.ts';
import { toRuleset } from './mappers.ts';
import { versionedResource, type UpdateOptions } from './versioned-resource.ts';

export interface RulesetFilters {
  type?: 'cluster' | 'container';
  /** Only rulesets used by this policy uid. */
  inPolicy?: string;
  nameOrUid?: string;
}

const resource = versionedResource<SpyderbatRuleset>({ path: 'analyticsruleset', bodyKey: 'ruleset', noun: 'ruleset', map: toRuleset });

export const rulesetKeys = {
  all: ['rulesets'] as const,
  lists: () => [...rulesetKeys.all, 'list'] as const,
  list: (filters: RulesetFilters = {}) => [...rulesetKeys.all, 'list', filters] as const,
  details: () => [...rulesetKeys.all, 'detail'] as const,
  detail: (uid: string) => [...rulesetKeys.all, 'detail', uid] as const,
};

export function listRulesets(client: ApiClient, filters: RulesetFilters = {}, signal?: AbortSignal): Promise<SpyderbatRuleset[]> {
  return resource.list(client, { type: filters.type, in_policy: filters.inPolicy, name_or_uid_contains: filters.nameOrUid }, signal);
}

export function getRuleset(client: ApiClient, uid: string, signal?: AbortSignal): Promise<SpyderbatRuleset> {
  return resource.get(client, uid, signal);
}

export function createRuleset(client: ApiClient, ruleset: SpyderbatRuleset, signal?: AbortSignal): Promise<SpyderbatRuleset> {
  return resource.create(client, ruleset, signal);
}

export function updateRuleset(client: ApiClient, ruleset: SpyderbatRuleset, options?: UpdateOptions): Promise<SpyderbatRuleset> {
  return resource.update(client, ruleset, options);
}

export function deleteRuleset(client: ApiClient, uid: string, signal?: AbortSignal): Promise<void> {
  return resource.remove(client, uid, signal);
}

export function rulesetListQuery(client: ApiClient, filters: RulesetFilters = {}) {
  return queryOptions({ queryKey: rulesetKeys.list(filters), queryFn: ({ signal }) => listRulesets(client, filters, signal) });
}

export function rulesetDetailQuery(client: ApiClient, uid: string) {
  return queryOptions({ queryKey: rulesetKeys.detail(uid), queryFn: ({ signal }) => getRuleset(client, uid, signal) });
}

export async function onRulesetSaved(queryClient: QueryClient, ruleset: SpyderbatRuleset): Promise<void> {
  if (ruleset.metadata.uid) queryClient.setQueryData(rulesetKeys.detail(ruleset.metadata.uid), ruleset);
  await queryClient.invalidateQueries({ queryKey: rulesetKeys.lists() });
}
