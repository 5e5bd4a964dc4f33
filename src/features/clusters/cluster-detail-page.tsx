import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { hitsOf } from '../../components/coverage/fingerprint-coverage.ts';
import { agentHealth, belongsTo, clusterPoliciesFor } from './cluster-model.ts';
import { hostSections, namespaceSections, type IndexedFingerprint } from './cluster-workloads.ts';
import { ClusterNamespaces } from './cluster-namespaces.tsx';
import { ClusterDeviations } from './cluster-deviations.tsx';
import { HealthBadge } from './health-badge.tsx';
import { useClusterData } from './use-cluster-data.ts';

const PLATFORM: Record<string, string> = { eks: 'Amazon EKS', kubernetes: 'Kubernetes', linux: 'Linux hosts', unknown: 'Unknown platform' };

/** Where "Create cluster policy" leads: the rulesets flow, with the cluster preselected. */
export function createClusterPolicyHref(clusterUid: string): string {
  return `/rulesets/new?cluster=${encodeURIComponent(clusterUid)}`;
}

export function ClusterDetailPage() {
  const { uid = '' } = useParams();
  const { clusters, namespaces, fingerprints, policies, coverage } = useClusterData();
  const [now] = useState(() => Math.floor(Date.now() / 1000));
  const cluster = clusters.data?.find((c) => c.uid === uid);

  const mine = useMemo(() => {
    if (!cluster || !fingerprints.data) return undefined;
    const containers: IndexedFingerprint[] = [];
    const services: IndexedFingerprint[] = [];
    fingerprints.data.forEach((fp, index) => {
      if (!belongsTo(fp, cluster)) return;
      (fp.metadata.type === 'container' ? containers : services).push({ fp, index });
    });
    return { containers, services };
  }, [cluster, fingerprints.data]);

  const cov = useMemo(() => {
    const c = coverage.data;
    return c ? (i: number) => hitsOf(c, i) : undefined;
  }, [coverage.data]);

  const sections = useMemo(() => {
    if (!cluster || !mine) return undefined;
    const ns = (namespaces.data ?? []).filter((n) => n.clusterUid === cluster.uid);
    return { namespaces: namespaceSections(ns, mine.containers, cov), hosts: hostSections(mine.services, cov) };
  }, [cluster, mine, namespaces.data, cov]);

  const covering = useMemo(() => {
    if (!cluster || !policies.data || !mine || !cov) return undefined;
    const counts = new Map<number, number>();
    for (const { index } of [...mine.containers, ...mine.services]) for (const p of cov(index)) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const p of clusterPoliciesFor(cluster, policies.data)) if (!counts.has(p)) counts.set(p, 0);
    return [...counts.entries()]
      .map(([i, n]) => ({ policy: policies.data[i], workloads: n }))
      .filter((x): x is { policy: SpyderbatPolicy; workloads: number } => x.policy !== undefined)
      .sort((a, b) => b.workloads - a.workloads || a.policy.metadata.name.localeCompare(b.policy.metadata.name));
  }, [cluster, policies.data, mine, cov]);

  if (clusters.isPending) return <SkeletonRows rows={6} label="Loading cluster" />;
  if (clusters.isError) {
    return (
      <>
        <PageHeader title="Cluster" />
        <ErrorState title={`Could not load cluster ${uid}`} error={clusters.error} onRetry={() => void clusters.refetch()} />
      </>
    );
  }
  if (!cluster) {
    return (
      <>
        <p className="crumbs">
          <Link to="/clusters">Clusters</Link> /
        </p>
        <PageHeader title="Cluster not found" />
        <EmptyState title={`No cluster ${uid} in this organization`} action={<Link className="btn" to="/clusters">Back to clusters</Link>}>
          It may have been removed, or belong to another organization than the one the console is connected to.
        </EmptyState>
      </>
    );
  }

  const total = (mine?.containers.length ?? 0) + (mine?.services.length ?? 0);
  return (
    <>
      <p className="crumbs">
        <Link to="/clusters">Clusters</Link> /
      </p>
      <PageHeader
        title={cluster.name}
        description={
          <span className="row gap wrap">
            <HealthBadge health={agentHealth(cluster.lastData, now)} />
            <span>{PLATFORM[cluster.platform] ?? cluster.platform}</span>
            <code className="uid">{cluster.uid}</code>
          </span>
        }
        actions={
          <>
            <Link className="btn" to={`/fingerprints?${new URLSearchParams({ cluster: cluster.name }).toString()}`}>
              Fingerprints
            </Link>
            <Link className="btn btn-primary" to={createClusterPolicyHref(cluster.uid)}>
              Create cluster policy
            </Link>
          </>
        }
      />
      <div className="detail-grid">
        <section className="panel" aria-label="Cluster">
          <h2>Cluster</h2>
          <dl className="kv">
            <dt>UID</dt>
            <dd>
              <code>{cluster.uid}</code>
            </dd>
            <dt>Cluster ID</dt>
            <dd>{cluster.clusterId ? <code>{cluster.clusterId}</code> : '—'}</dd>
            <dt>First seen</dt>
            <dd>
              <RelativeTime epochSeconds={cluster.firstSeen} />
            </dd>
            <dt>Last data</dt>
            <dd>
              <RelativeTime epochSeconds={cluster.lastData} />
            </dd>
            <dt>Fingerprints</dt>
            <dd>{fingerprints.isPending ? '…' : fingerprints.isError ? '—' : total.toLocaleString()}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="cov-heading">
          <h2 id="cov-heading">Policies covering this cluster{covering ? ` (${covering.length})` : ''}</h2>
          {policies.isError || coverage.isError ? (
            <ErrorState title="Could not work out policy coverage" error={policies.error ?? coverage.error} onRetry={() => void (policies.isError ? policies.refetch() : coverage.refetch())} />
          ) : covering === undefined ? (
            <SkeletonRows rows={3} label="Checking policy coverage" />
          ) : covering.length === 0 ? (
            <p className="muted">No policy covers a workload of this cluster yet. Create a cluster policy, or build workload policies from its fingerprints.</p>
          ) : (
            <ul className="policy-list">
              {covering.map(({ policy, workloads }) => (
                <li key={policy.metadata.uid ?? policy.metadata.name} className="row gap">
                  <StatusBadge status={policyStatus(policy)} />
                  {policy.metadata.uid ? <Link to={`/policies/${encodeURIComponent(policy.metadata.uid)}`}>{policy.metadata.name}</Link> : policy.metadata.name}
                  <span className="muted">
                    {policy.metadata.type === 'cluster' ? 'cluster policy' : `${policy.metadata.type} · ${workloads.toLocaleString()} fingerprint${workloads === 1 ? '' : 's'}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {fingerprints.isError ? (
        <ErrorState title="Could not load this cluster's workloads" error={fingerprints.error} onRetry={() => void fingerprints.refetch()} />
      ) : sections === undefined ? (
        <SkeletonRows rows={6} label="Loading namespaces and workloads" />
      ) : (
        <ClusterNamespaces cluster={cluster.name} namespaces={sections.namespaces} hosts={sections.hosts} policies={policies.data} />
      )}
      {namespaces.isError && (
        <div className="alert-banner row gap" role="alert">
          <span>Namespace labels are unavailable: {namespaces.error.message}</span>
          <button type="button" className="btn" onClick={() => void namespaces.refetch()}>
            Retry
          </button>
        </div>
      )}
      <ClusterDeviations clusterName={cluster.name} />
    </>
  );
}
