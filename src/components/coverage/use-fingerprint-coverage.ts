import { useQuery } from '@tanstack/react-query';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import { computeCoverage, type FingerprintCoverage } from './fingerprint-coverage.ts';

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A stable number per array instance, so the cache entry follows the lists the query cache holds. */
function refId(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

export const coverageKeys = {
  all: ['derived', 'fingerprint-coverage'] as const,
};

/**
 * Coverage of the fingerprint list by the policy list, computed once per pair of lists
 * (off the main thread) and shared by every page that shows it.
 */
export function useFingerprintCoverage(fingerprints: readonly SpyderbatFingerprint[] | undefined, policies: readonly SpyderbatPolicy[] | undefined) {
  return useQuery<FingerprintCoverage>({
    queryKey: [...coverageKeys.all, refId(fingerprints), refId(policies)],
    queryFn: ({ signal }) => computeCoverage(fingerprints ?? [], policies ?? [], { signal }),
    enabled: fingerprints !== undefined && policies !== undefined,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
}
