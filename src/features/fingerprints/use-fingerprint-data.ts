import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { fingerprintListQuery } from '../../api/fingerprints.ts';
import { policyListQuery } from '../../api/policies.ts';
import { hitsOf } from '../../components/coverage/fingerprint-coverage.ts';
import { useFingerprintCoverage } from '../../components/coverage/use-fingerprint-coverage.ts';
import { toRecords } from './fingerprint-records.ts';
import type { CoverageLookup } from './fingerprint-view.ts';

/** The fingerprint list (last 30 days), its records, the policies and which policies cover which fingerprint. */
export function useFingerprintData() {
  const client = useApiClient();
  const fingerprints = useQuery(fingerprintListQuery(client));
  const policies = useQuery(policyListQuery(client));
  const records = useMemo(() => {
    if (!fingerprints.data) return undefined;
    // For the perf check: the list has arrived and the page starts deriving its rows.
    performance.mark('palisade:fingerprints:data', { detail: { count: fingerprints.data.length } });
    return toRecords(fingerprints.data);
  }, [fingerprints.data]);
  const coverage = useFingerprintCoverage(fingerprints.data, policies.data);
  const cov: CoverageLookup = useMemo(() => {
    const c = coverage.data;
    return c ? (i: number) => hitsOf(c, i) : undefined;
  }, [coverage.data]);
  return { fingerprints, policies, records, coverage, cov };
}
