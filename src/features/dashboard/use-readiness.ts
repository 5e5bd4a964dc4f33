/**
 * Per audit-mode policy: its daily deviations (30 daily buckets split by checksum, one
 * small aggregate) and its replica coverage (the engine's findDeviations over the
 * fingerprints in its scope, in the worker). Both run only for rows on screen.
 */
import { useQuery } from '@tanstack/react-query';
import { countOverTimeQuery } from '../../api/aggregates.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import { fingerprintListQuery } from '../../api/fingerprints.ts';
import { useEngineClient } from '../../components/engine/use-engine.ts';
import { identityOfFingerprint, scopeOf } from '../../engine/evaluate/scope.ts';
import type { SpyderbatPolicy, WorkloadPolicy } from '../../engine/model/types.ts';
import { dailyFromChecksumBuckets, readinessVerdict, wholeDays, type CoverageState, type Verdict } from './readiness.ts';
import { latestPerId, scopeFilters } from './readiness-scope.ts';

export const READINESS_DAYS = 30;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function epochOf(v: number | string | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v === '') return null;
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t / 1000 : null;
}

export function usePolicyCoverage(policy: SpyderbatPolicy): CoverageState {
  const client = useApiClient();
  const engine = useEngineClient();
  const filters = scopeFilters(policy);
  const fps = useQuery({ ...fingerprintListQuery(client, filters ?? {}), enabled: filters !== null, staleTime: 60_000 });
  const result = useQuery({
    queryKey: ['dashboard', 'replica-coverage', policy.metadata.uid, policy.metadata.version, filters, fps.dataUpdatedAt],
    enabled: filters !== null && fps.data !== undefined,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const replicas = latestPerId(fps.data ?? []);
      const inScope = scopeOf(policy, replicas.map(identityOfFingerprint)).flatMap((i) => (replicas[i] ? [replicas[i]] : []));
      if (inScope.length === 0) return { covered: 0, total: 0 };
      const found = await engine.findDeviations(policy as WorkloadPolicy, { fingerprints: inScope }, { key: null, signal });
      const deviating = new Set(found.filter((d) => d.items.length > 0).map((d) => d.fingerprintIndex));
      return { covered: inScope.length - deviating.size, total: inScope.length };
    },
  });
  if (filters === null) return { state: 'n/a' };
  if (fps.isError) return { state: 'error', message: message(fps.error) };
  if (result.isError) return { state: 'error', message: message(result.error) };
  return result.data ? { state: 'done', ...result.data } : { state: 'pending' };
}

export interface Readiness {
  verdict: Verdict | null;
  /** Deviations per day, last 14 days (oldest first). */
  recentDaily: number[] | null;
  coverage: CoverageState;
  error: unknown;
}

export function useReadiness(policy: SpyderbatPolicy, now: number): Readiness {
  const client = useApiClient();
  const series = useQuery(countOverTimeQuery(client, { schema: 'event_deviation', days: READINESS_DAYS, bucket: 'day', splitBy: 'checksum', policyUid: policy.metadata.uid ?? '' }));
  const coverage = usePolicyCoverage(policy);
  if (!series.data) return { verdict: null, recentDaily: null, coverage, error: series.error };
  const { daily, newDaily } = dailyFromChecksumBuckets(series.data);
  const created = epochOf(policy.metadata.creationTimestamp);
  const auditDays = created !== null ? wholeDays(created, now) : null;
  return { verdict: readinessVerdict({ daily, newDaily, auditDays, coverage }), recentDaily: daily.slice(-14), coverage, error: null };
}
