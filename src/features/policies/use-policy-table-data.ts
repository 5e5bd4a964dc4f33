import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyListQuery } from '../../api/policies.ts';
import { fingerprintListQuery } from '../../api/fingerprints.ts';
import { countOverTimeQuery } from '../../api/aggregates.ts';
import { coverage } from '../../engine/impact/index.ts';
import { identityOfFingerprint } from '../../engine/evaluate/scope.ts';
import { toRows, type PolicyRow } from './policy-rows.ts';

/** Policies with their 24 h deviation sparkline and covered-workload counts. */
export function usePolicyTableData() {
  const client = useApiClient();
  const policies = useQuery(policyListQuery(client));
  const fingerprints = useQuery(fingerprintListQuery(client));
  const spark = useQuery(countOverTimeQuery(client, { schema: 'event_deviation', days: 1, bucket: 'hour', splitBy: 'policy_uid' }));
  const covered = useMemo(() => {
    if (!policies.data || !fingerprints.data) return undefined;
    return coverage(policies.data, fingerprints.data.map(identityOfFingerprint)).perPolicy;
  }, [policies.data, fingerprints.data]);
  const rows: PolicyRow[] | undefined = useMemo(() => (policies.data ? toRows(policies.data, spark.data, covered) : undefined), [policies.data, spark.data, covered]);
  return { policies, rows };
}
