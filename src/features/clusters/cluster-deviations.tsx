import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { uniqueDeviationsQuery } from '../../api/deviations.ts';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';

const SHOWN = 50;

/** Unique deviations of any policy on this cluster in the last 24 hours, newest first. */
export function ClusterDeviations({ clusterName }: { clusterName: string }) {
  const client = useApiClient();
  const q = useQuery(uniqueDeviationsQuery(client, { clusterName, days: 1 }));
  const total = q.data?.reduce((n, d) => n + d.count, 0) ?? 0;
  return (
    <section className="panel" aria-labelledby="dev-heading">
      <h2 id="dev-heading">
        Deviations in the last 24 h
        {q.data && <span className="muted"> · {q.data.length} unique, {total.toLocaleString()} occurrences</span>}
      </h2>
      {q.isPending && <SkeletonRows rows={3} label="Loading deviations" />}
      {q.isError && <ErrorState title="Could not load deviations" error={q.error} onRetry={() => void q.refetch()} />}
      {q.data?.length === 0 && <p className="muted">No policy on this cluster reported a deviation in the last 24 hours.</p>}
      {q.data && q.data.length > 0 && (
        <table className="plain-table" aria-label="Deviations in the last 24 hours">
          <thead>
            <tr>
              <th scope="col">Last seen</th>
              <th scope="col">Policy</th>
              <th scope="col">Deviation</th>
              <th scope="col">Namespace</th>
              <th scope="col" className="num">
                Count
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.slice(0, SHOWN).map((d) => (
              <tr key={`${d.policyUid}|${d.checksum || d.id}`}>
                <td className="nowrap">
                  <RelativeTime epochSeconds={d.lastTime} />
                </td>
                <td>{d.policyUid ? <Link to={`/policies/${encodeURIComponent(d.policyUid)}?tab=deviations`}>{d.policyName || d.policyUid}</Link> : d.policyName}</td>
                <td className="break">{d.description || <span className="muted">—</span>}</td>
                <td>{d.namespace ?? <span className="muted">—</span>}</td>
                <td className="num">{d.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.data && q.data.length > SHOWN && <p className="muted">Showing the {SHOWN} most recent of {q.data.length.toLocaleString()}; open a policy for all of its deviations.</p>}
    </section>
  );
}
