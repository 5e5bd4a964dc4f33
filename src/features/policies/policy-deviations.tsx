import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { uniqueDeviationsQuery } from '../../api/deviations.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { toYaml } from '../../engine/yaml/index.ts';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';

const DAYS = 30;

/** Deviations recorded for the policy (one per checksum), each with its evidence. */
export function PolicyDeviations({ policy }: { policy: SpyderbatPolicy }) {
  const client = useApiClient();
  const uid = policy.metadata.uid ?? '';
  const q = useQuery(uniqueDeviationsQuery(client, { policyUid: uid, days: DAYS }));
  const [open, setOpen] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const editUrl = (ids: readonly string[]): string => `/policies/${encodeURIComponent(uid)}/edit?merge=${ids.map(encodeURIComponent).join(',')}`;
  if (q.isPending) return <SkeletonRows label="Loading deviations" />;
  if (q.isError) return <ErrorState title="Could not load deviations" error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) {
    return <EmptyState title={`No deviations in the last ${DAYS} days`}>Everything this policy's workloads did was allowed by it.</EmptyState>;
  }
  return (
    <div>
      <div className="toolbar">
        <Link className="btn btn-primary" to={editUrl(['all'])}>
          Merge all into policy
        </Link>
        <Link className={`btn ${picked.size ? '' : 'disabled-link'}`} aria-disabled={picked.size === 0} to={picked.size ? editUrl([...picked]) : '#'} onClick={(e) => picked.size === 0 && e.preventDefault()}>
          Merge {picked.size} selected
        </Link>
        <span className="muted">Merging opens the editor with the change as a draft and its diff; nothing is applied until you apply it.</span>
      </div>
      <p className="muted">
        {q.data.length} distinct deviation{q.data.length === 1 ? '' : 's'} in the last {DAYS} days ({q.data.reduce((a, d) => a + d.count, 0)} occurrences).
      </p>
      <ul className="deviation-list" data-testid="deviation-list">
        {q.data.map((d) => (
          <li key={d.checksum || d.id} className="panel deviation-item">
            <input type="checkbox" aria-label={`Select deviation ${d.description}`} checked={picked.has(d.id)} onChange={() => setPicked((p) => { const n = new Set(p); if (n.has(d.id)) n.delete(d.id); else n.add(d.id); return n; })} />{' '}
            <button type="button" className="dt-sort deviation-head" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>
              <span aria-hidden="true">{open === d.id ? '▾' : '▸'}</span> {d.description}
            </button>
            <div className="muted row-note">
              seen {d.count}× · first <RelativeTime epochSeconds={d.firstTime} /> · last <RelativeTime epochSeconds={d.lastTime} />
              {d.clusterName && ` · cluster ${d.clusterName}`}
              {d.namespace && ` · namespace ${d.namespace}`}
            </div>
            {' '}
            <Link className="btn btn-ghost" to={editUrl([d.id])}>
              Merge into policy
            </Link>
            {open === d.id && <pre className="code-block">{toYaml(d.deviation)}</pre>}
          </li>
        ))}
      </ul>
    </div>
  );
}
