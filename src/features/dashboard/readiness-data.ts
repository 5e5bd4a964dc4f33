/**
 * Readiness data for a page of audit-mode policies, in three requests whatever the page
 * size: one aggregate (daily counts per policy and checksum, 30 days), one fingerprint
 * search (the union of the policies' scopes), and the engine's findDeviations per policy
 * in the worker (replica coverage).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { binEdges, bucketRows } from '../../api/aggregates.ts';
import { nowSeconds, type ApiClient } from '../../api/client.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import { fingerprintQuery } from '../../api/fingerprints.ts';
import { toFingerprint } from '../../api/mappers.ts';
import { fullJson, quote, search } from '../../api/search.ts';
import type { TimeBucket } from '../../api/types.ts';
import { useEngineClient } from '../../components/engine/use-engine.ts';
import { identityOfFingerprint, scopeOf } from '../../engine/evaluate/scope.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy, WorkloadPolicy } from '../../engine/model/types.ts';
import type { CoverageState } from './readiness.ts';
import { latestPerId, scopeFilters } from './readiness-scope.ts';

export const READINESS_DAYS = 30;

const uidOf = (p: SpyderbatPolicy): string => p.metadata.uid ?? '';
const or = (clauses: readonly string[]): string => (clauses.length <= 1 ? (clauses[0] ?? '') : clauses.map((c) => (/\b(AND|OR)\b/.test(c) ? `(${c})` : c)).join(' OR '));

/** Daily buckets split by checksum, per policy uid. */
export function readinessSeriesQuery(client: ApiClient, uids: readonly string[]) {
  return queryOptions({
    queryKey: ['dashboard', 'readiness-series', uids] as const,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<Record<string, TimeBucket[]>> => {
      const edges = binEdges(nowSeconds(), READINESS_DAYS, 'day');
      const rows = await search(client, {
        schema: 'event_deviation',
        query: or(uids.map((u) => `policy_uid = ${quote(u)}`)),
        startTime: edges[0] ?? 0,
        endTime: edges[edges.length - 1] ?? 0,
        groupBy: [{ name: 'time', bins: edges }, { name: 'policy_uid' }, { name: 'checksum' }],
        outputFields: ['time', 'count', 'policy_uid', 'checksum'],
        limit: 100_000,
        signal,
      });
      const byUid = new Map<string, Record<string, unknown>[]>();
      for (const r of rows) {
        const uid = typeof r.policy_uid === 'string' ? r.policy_uid : '';
        byUid.set(uid, [...(byUid.get(uid) ?? []), r]);
      }
      return Object.fromEntries(uids.map((u) => [u, bucketRows(byUid.get(u) ?? [], edges, 'checksum')]));
    },
  });
}

/** The search clause for a policy's scope (narrowed as far as the search can; the engine decides exactly). */
export function scopeClause(policy: SpyderbatPolicy): string | null {
  const f = scopeFilters(policy);
  if (!f) return null;
  const { days: _days, ...filters } = f;
  const base = fingerprintQuery(filters);
  if (policy.metadata.type !== 'linux-service') return base;
  const spec = policy.spec as { serviceSelector?: { cgroup?: unknown }; machineSelector?: { hostname?: unknown } };
  const cgroup = spec.serviceSelector?.cgroup;
  const host = spec.machineSelector?.hostname;
  const parts = [base];
  if (typeof cgroup === 'string' && cgroup) parts.push(/[*?[]/.test(cgroup) ? `cgroup ~= ${quote(cgroup)}` : `cgroup = ${quote(cgroup)}`);
  if (typeof host === 'string' && host) parts.push(/[*?[]/.test(host) ? `hostname ~= ${quote(host)}` : `hostname = ${quote(host)}`);
  return parts.filter(Boolean).join(' AND ');
}

/** The fingerprints in the union of the policies' scopes (one search). */
export function scopedFingerprintsQuery(client: ApiClient, clauses: readonly string[]) {
  return queryOptions({
    queryKey: ['dashboard', 'readiness-fingerprints', clauses] as const,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<SpyderbatFingerprint[]> => {
      if (clauses.length === 0) return [];
      const now = nowSeconds();
      const rows = await search(client, {
        schema: 'model_fingerprint',
        query: or([...new Set(clauses)]),
        startTime: now - READINESS_DAYS * 86400,
        endTime: now,
        outputFields: ['full_json'],
        limit: 100_000,
        signal,
      });
      return fullJson(rows).map(toFingerprint);
    },
  });
}

export interface ReadinessPageData {
  series: Record<string, TimeBucket[]> | undefined;
  seriesError: unknown;
  coverage: (policy: SpyderbatPolicy) => CoverageState;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useReadinessPage(policies: readonly SpyderbatPolicy[]): ReadinessPageData {
  const client = useApiClient();
  const engine = useEngineClient();
  const uids = policies.map(uidOf);
  const series = useQuery({ ...readinessSeriesQuery(client, uids), enabled: uids.length > 0 });
  const clauses = policies.flatMap((p) => {
    const c = scopeClause(p);
    return c === null ? [] : [c];
  });
  const fps = useQuery({ ...scopedFingerprintsQuery(client, clauses), enabled: clauses.length > 0 });
  const coverage = useQuery({
    queryKey: ['dashboard', 'readiness-coverage', policies.map((p) => `${uidOf(p)}@${p.metadata.version ?? 0}`), fps.dataUpdatedAt],
    enabled: fps.data !== undefined,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const replicas = latestPerId(fps.data ?? []);
      const ids = replicas.map(identityOfFingerprint);
      const out: Record<string, { covered: number; total: number }> = {};
      for (const p of policies) {
        if (p.metadata.type === 'cluster') continue;
        const inScope = scopeOf(p, ids).flatMap((i) => (replicas[i] ? [replicas[i]] : []));
        if (inScope.length === 0) {
          out[uidOf(p)] = { covered: 0, total: 0 };
          continue;
        }
        const found = await engine.findDeviations(p as WorkloadPolicy, { fingerprints: inScope }, { key: null, signal });
        const deviating = new Set(found.filter((d) => d.items.length > 0).map((d) => d.fingerprintIndex));
        out[uidOf(p)] = { covered: inScope.length - deviating.size, total: inScope.length };
      }
      return out;
    },
  });
  return {
    series: series.data,
    seriesError: series.error,
    coverage: (p) => {
      if (p.metadata.type === 'cluster') return { state: 'n/a' };
      if (fps.isError) return { state: 'error', message: message(fps.error) };
      if (coverage.isError) return { state: 'error', message: message(coverage.error) };
      const c = coverage.data?.[uidOf(p)];
      return c ? { state: 'done', ...c } : { state: 'pending' };
    },
  };
}
