import { Link } from 'react-router';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import type { WorkloadRow } from './cluster-workloads.ts';

function Policies({ row, policies }: { row: WorkloadRow; policies: readonly SpyderbatPolicy[] | undefined }) {
  if (row.policies === undefined) return <span className="muted">checking…</span>;
  if (row.policies.length === 0) return <span className="badge cov-none">Not covered</span>;
  return (
    <ul className="inline-list">
      {row.policies.map((i) => {
        const p = policies?.[i];
        if (!p) return null;
        return (
          <li key={i} className="row gap">
            <StatusBadge status={policyStatus(p)} />
            {p.metadata.uid ? <Link to={`/policies/${encodeURIComponent(p.metadata.uid)}`}>{p.metadata.name}</Link> : p.metadata.name}
          </li>
        );
      })}
      {row.coveredCount < row.instances && <li className="muted">{`${row.coveredCount} of ${row.instances} instances covered`}</li>}
    </ul>
  );
}

/** Workloads (or services) with their images, instances, last activity and covering policies. */
export function WorkloadTable({ rows, policies, label, kind, fingerprintsHref }: { rows: readonly WorkloadRow[]; policies: readonly SpyderbatPolicy[] | undefined; label: string; kind: 'workload' | 'service'; fingerprintsHref: (row: WorkloadRow) => string }) {
  return (
    <table className="plain-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{kind === 'workload' ? 'Workload' : 'Service'}</th>
          {kind === 'workload' && <th scope="col">Images</th>}
          <th scope="col" className="num">
            Instances
          </th>
          <th scope="col">Latest seen</th>
          <th scope="col">Covered by</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={w.key}>
            <td>
              <Link to={fingerprintsHref(w)}>{w.name}</Link>
            </td>
            {kind === 'workload' && (
              <td className="break">
                {w.images.map((img) => (
                  <div key={img}>{img}</div>
                ))}
              </td>
            )}
            <td className="num">{w.instances.toLocaleString()}</td>
            <td>
              <RelativeTime epochSeconds={w.latest} />
            </td>
            <td>
              <Policies row={w} policies={policies} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
