import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clusterListQuery } from '../../api/clusters.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import { describeError } from '../../api/errors.ts';
import { policyStatus } from '../../api/mappers.ts';
import { policyListQuery } from '../../api/policies.ts';
import type { PolicyStatus } from '../../api/types.ts';

const STATUSES: readonly PolicyStatus[] = ['Enforcing', 'Auditing', 'Disabled'];

/** What the current data source holds: a quick check that the connection is the right one. */
export function DataOverview() {
  const client = useApiClient();
  const id = useId();
  const clusters = useQuery({ ...clusterListQuery(client), enabled: client.org !== null });
  const policies = useQuery({ ...policyListQuery(client), enabled: client.org !== null });
  if (client.org === null) return null;
  const counts = new Map<PolicyStatus, number>();
  for (const p of policies.data ?? []) counts.set(policyStatus(p), (counts.get(policyStatus(p)) ?? 0) + 1);
  const error = clusters.error ?? policies.error;
  const clusterList = clusters.data ?? [];
  const policyList = policies.data ?? [];
  return (
    <section className="panel" aria-labelledby={`${id}-overview`} data-testid="data-overview">
      <h2 id={`${id}-overview`}>What this source holds</h2>
      {error ? (
        <p className="result result-error" role="alert">
          Could not read the organization: <span className="mono">{describeError(error)}</span>
        </p>
      ) : !clusters.data || !policies.data ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <>
          <p data-testid="overview-counts">
            {clusterList.length} cluster{clusterList.length === 1 ? '' : 's'}, {policyList.length} polic{policyList.length === 1 ? 'y' : 'ies'}
            {policyList.length > 0 && ` (${STATUSES.map((s) => `${counts.get(s) ?? 0} ${s.toLowerCase()}`).join(', ')})`}.
          </p>
          {policyList.length > 0 && (
            <details>
              <summary>Policies</summary>
              <ul className="policy-names" aria-label="Policies">
                {policyList.map((p) => (
                  <li key={p.metadata.uid ?? p.metadata.name}>
                    {p.metadata.name} <span className="muted">· {p.metadata.type} · {policyStatus(p)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
