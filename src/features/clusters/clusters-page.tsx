import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { DataTable, type Column, type SortState } from '../../components/ui/data-table.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { useUrlDraft } from '../../components/ui/use-url-draft.ts';
import { hitsOf } from '../../components/coverage/fingerprint-coverage.ts';
import { CLUSTER_SORT_KEYS, clusterRows, sortClusterRows, type ClusterRow } from './cluster-model.ts';
import { HealthBadge } from './health-badge.tsx';
import { useClusterData } from './use-cluster-data.ts';

function count(v: number | undefined, failed: boolean) {
  if (v !== undefined) return v.toLocaleString();
  return failed ? <span className="muted" title="Could not be loaded">—</span> : <span className="muted" title="Loading">…</span>;
}

interface Failure {
  what: string;
  error: Error;
  retry: () => void;
}

function readSort(params: URLSearchParams): SortState {
  const key = params.get('sort') ?? 'name';
  return { key: (CLUSTER_SORT_KEYS as readonly string[]).includes(key) ? key : 'name', dir: params.get('dir') === 'desc' ? 'desc' : 'asc' };
}

export function ClustersPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const sort = readSort(params);
  const update = (next: { q?: string; sort?: SortState }): void => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const ns = next.sort ?? sort;
    if (nq) p.set('q', nq);
    if (ns.key !== 'name') p.set('sort', ns.key);
    if (ns.dir === 'desc') p.set('dir', 'desc');
    setParams(p, { replace: true });
  };
  const [qDraft, setQDraft] = useUrlDraft(q, (v) => update({ q: v }));
  const { clusters, namespaces, fingerprints, policies, coverage } = useClusterData();
  const [now] = useState(() => Math.floor(Date.now() / 1000));
  const rows = useMemo(() => {
    if (!clusters.data) return undefined;
    const c = coverage.data;
    return clusterRows(clusters.data, { namespaces: namespaces.data, fingerprints: fingerprints.data, policies: policies.data, coverage: c ? (i) => hitsOf(c, i) : undefined }, now);
  }, [clusters.data, namespaces.data, fingerprints.data, policies.data, coverage.data, now]);
  const visible = useMemo(() => {
    const needle = qDraft.trim().toLowerCase();
    const list = (rows ?? []).filter((r) => !needle || `${r.name}\n${r.uid}\n${r.clusterId}`.toLowerCase().includes(needle));
    return sortClusterRows(list, sort.key, sort.dir);
  }, [rows, qDraft, sort.key, sort.dir]);

  const policyFailed = policies.isError || coverage.isError;
  const columns: Column<ClusterRow>[] = [
    {
      key: 'name',
      header: 'Name',
      width: 'minmax(150px, 1.6fr)',
      sortable: true,
      render: (r) => (
        <Link to={`/clusters/${encodeURIComponent(r.uid)}`} onClick={(e) => e.stopPropagation()}>
          {r.name}
        </Link>
      ),
    },
    { key: 'uid', header: 'UID', width: 'minmax(130px, 1fr)', sortable: true, render: (r) => <code title={r.uid}>{r.uid}</code> },
    { key: 'clusterId', header: 'Cluster ID', width: 'minmax(120px, 1.3fr)', sortable: true, render: (r) => (r.clusterId ? <code title={r.clusterId}>{r.clusterId}</code> : <span className="muted">—</span>) },
    { key: 'firstSeen', header: 'First seen', width: '100px', sortable: true, render: (r) => <RelativeTime epochSeconds={r.firstSeen} /> },
    { key: 'lastData', header: 'Last data', width: '104px', sortable: true, render: (r) => <RelativeTime epochSeconds={r.lastData} /> },
    { key: 'health', header: 'Agent health', width: '118px', sortable: true, render: (r) => <HealthBadge health={r.health} /> },
    { key: 'namespaces', header: 'Namespaces', width: '118px', sortable: true, align: 'end', render: (r) => count(r.namespaces, namespaces.isError) },
    { key: 'fingerprints', header: 'Fingerprints', width: '108px', sortable: true, align: 'end', render: (r) => count(r.fingerprints, fingerprints.isError) },
    { key: 'policies', header: 'Policies', width: '80px', sortable: true, align: 'end', render: (r) => count(r.policies, policyFailed || fingerprints.isError) },
  ];

  const failures: Failure[] = [];
  if (namespaces.isError) failures.push({ what: 'namespaces', error: namespaces.error, retry: () => void namespaces.refetch() });
  if (fingerprints.isError) failures.push({ what: 'fingerprints', error: fingerprints.error, retry: () => void fingerprints.refetch() });
  if (policies.isError) failures.push({ what: 'policies', error: policies.error, retry: () => void policies.refetch() });
  if (coverage.isError) failures.push({ what: 'policy coverage', error: coverage.error, retry: () => void coverage.refetch() });

  let body;
  if (clusters.isPending) body = <SkeletonRows rows={4} label="Loading clusters" />;
  else if (clusters.isError) body = <ErrorState title="Could not load clusters" error={clusters.error} onRetry={() => void clusters.refetch()} />;
  else if (clusters.data.length === 0)
    body = (
      <EmptyState title="No clusters reporting" action={<Link className="btn" to="/settings">Check the data source</Link>}>
        Clusters appear once a Nano Agent reports from them: install the agent on a Kubernetes cluster or Linux host, or connect to the organization that has them.
      </EmptyState>
    );
  else if (visible.length === 0)
    body = (
      <EmptyState title={`No cluster matches “${qDraft}”`} action={<button type="button" className="btn" onClick={() => update({ q: '' })}>Clear search</button>}>
        Search looks at cluster names, UIDs and cluster IDs.
      </EmptyState>
    );
  else
    body = (
      <DataTable
        rows={visible}
        columns={columns}
        getRowId={(r) => r.uid}
        label="Clusters"
        sort={sort}
        onSortChange={(s) => update({ sort: s })}
        onRowClick={(r) => void navigate(`/clusters/${encodeURIComponent(r.uid)}`)}
      />
    );

  return (
    <>
      <PageHeader title="Clusters" description="Kubernetes clusters and Linux host fleets reporting to this organization." />
      <div className="toolbar" role="search" aria-label="Filter clusters">
        <input className="input toolbar-search" type="search" placeholder="Search name, UID or cluster ID  ( / )" aria-label="Search clusters" data-search value={qDraft} onChange={(e) => setQDraft(e.target.value)} />
        {rows && (
          <span className="muted" role="status">
            {visible.length} of {rows.length} clusters
          </span>
        )}
        {coverage.isFetching && <span className="muted">Counting covering policies…</span>}
      </div>
      {failures.map((f) => (
        <div key={f.what} className="alert-banner row gap" role="alert">
          <span>
            Counts of {f.what} are unavailable: {f.error.message}
          </span>
          <button type="button" className="btn" onClick={f.retry}>
            Retry
          </button>
        </div>
      ))}
      {body}
    </>
  );
}
