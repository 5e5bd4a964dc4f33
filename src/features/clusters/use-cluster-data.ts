import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { clusterListQuery, namespaceListQuery } from '../../api/clusters.ts';
import { fingerprintListQuery } from '../../api/fingerprints.ts';
import { policyListQuery } from '../../api/policies.ts';
import { useFingerprintCoverage } from '../../components/coverage/use-fingerprint-coverage.ts';

/** Clusters plus the lists their counts are derived from (all shared with the other pages' caches). */
export function useClusterData() {
  const client = useApiClient();
  const clusters = useQuery(clusterListQuery(client));
  const namespaces = useQuery(namespaceListQuery(client));
  const fingerprints = useQuery(fingerprintListQuery(client));
  const policies = useQuery(policyListQuery(client));
  const coverage = useFingerprintCoverage(fingerprints.data, policies.data);
  return { clusters, namespaces, fingerprints, policies, coverage };
}
