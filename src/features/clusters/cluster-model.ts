/**
 * Clusters: agent health from the age of the last data, and counts derived on the
 * client from the namespace, fingerprint and policy lists (fine for demo-sized orgs).
 */
import type { Cluster, Namespace } from '../../api/types.ts';
import { scopeOf } from '../../engine/evaluate/scope.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import type { PolicyHits } from '../../components/coverage/fingerprint-coverage.ts';

export type AgentHealth = 'healthy' | 'delayed' | 'offline' | 'unknown';

/** Seconds since the last data: up to 15 minutes is healthy, up to a day delayed, older offline. */
export const HEALTH_LIMITS = { healthy: 15 * 60, delayed: 24 * 3600 } as const;

export const HEALTH_LABEL: Record<AgentHealth, string> = { healthy: 'Healthy', delayed: 'Delayed', offline: 'Offline', unknown: 'Unknown' };

export function agentHealth(lastData: number | undefined, nowSeconds: number): AgentHealth {
  if (lastData === undefined || !Number.isFinite(lastData)) return 'unknown';
  const age = nowSeconds - lastData;
  if (age <= HEALTH_LIMITS.healthy) return 'healthy';
  if (age <= HEALTH_LIMITS.delayed) return 'delayed';
  return 'offline';
}

export function healthTitle(h: AgentHealth): string {
  switch (h) {
    case 'healthy':
      return 'Data received in the last 15 minutes';
    case 'delayed':
      return 'No data for more than 15 minutes (less than a day)';
    case 'offline':
      return 'No data for more than a day';
    default:
      return 'The agent has not reported data';
  }
}

/** Per-fingerprint `(cluster uid, cluster name)`. */
export function clusterOf(fp: SpyderbatFingerprint): { uid: string; name: string } {
  const m = fp.metadata as Record<string, unknown>;
  return { uid: typeof m.cluster_uid === 'string' ? m.cluster_uid : '', name: typeof m.cluster_name === 'string' ? m.cluster_name : '' };
}

export function belongsTo(fp: SpyderbatFingerprint, c: Cluster): boolean {
  const { uid, name } = clusterOf(fp);
  return uid ? uid === c.uid : name !== '' && name === c.name;
}

/** Cluster policies whose `clusterSelector` selects the cluster (their rulesets decide the rest). */
export function clusterPoliciesFor(c: Cluster, policies: readonly SpyderbatPolicy[]): number[] {
  const identity = [{ type: 'container' as const, cluster: { name: c.name, uid: c.uid } }];
  const out: number[] = [];
  policies.forEach((p, i) => {
    if (p.metadata.type === 'cluster' && scopeOf(p, identity).length > 0) out.push(i);
  });
  return out;
}

export interface ClusterRow {
  uid: string;
  name: string;
  clusterId: string;
  platform: Cluster['platform'];
  firstSeen: number | undefined;
  lastData: number | undefined;
  health: AgentHealth;
  namespaces: number | undefined;
  fingerprints: number | undefined;
  /** Policies covering at least one workload of the cluster, plus cluster policies selecting it. */
  policies: number | undefined;
  cluster: Cluster;
}

export interface ClusterInputs {
  namespaces?: readonly Namespace[] | undefined;
  fingerprints?: readonly SpyderbatFingerprint[] | undefined;
  policies?: readonly SpyderbatPolicy[] | undefined;
  /** Per fingerprint index: the covering policies (undefined while unknown). */
  coverage?: ((index: number) => PolicyHits) | undefined;
}

export function clusterRows(clusters: readonly Cluster[], inputs: ClusterInputs, nowSeconds: number): ClusterRow[] {
  const nsCount = new Map<string, number>();
  for (const ns of inputs.namespaces ?? []) nsCount.set(ns.clusterUid, (nsCount.get(ns.clusterUid) ?? 0) + 1);
  const byUid = new Map(clusters.map((c) => [c.uid, c]));
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const fpCount = new Map<string, number>();
  const covering = new Map<string, Set<number>>();
  (inputs.fingerprints ?? []).forEach((fp, i) => {
    const { uid, name } = clusterOf(fp);
    const c = (uid ? byUid.get(uid) : undefined) ?? (name ? byName.get(name) : undefined);
    if (!c) return;
    fpCount.set(c.uid, (fpCount.get(c.uid) ?? 0) + 1);
    const hits = inputs.coverage?.(i);
    if (hits && hits.length > 0) {
      let s = covering.get(c.uid);
      if (!s) covering.set(c.uid, (s = new Set()));
      for (const h of hits) s.add(h);
    }
  });
  return clusters.map((c) => {
    let policies: number | undefined;
    if (inputs.policies && inputs.coverage) {
      const s = new Set(covering.get(c.uid));
      for (const i of clusterPoliciesFor(c, inputs.policies)) s.add(i);
      policies = s.size;
    }
    return {
      uid: c.uid,
      name: c.name,
      clusterId: c.clusterId ?? '',
      platform: c.platform,
      firstSeen: c.firstSeen,
      lastData: c.lastData,
      health: agentHealth(c.lastData, nowSeconds),
      namespaces: inputs.namespaces ? (nsCount.get(c.uid) ?? 0) : undefined,
      fingerprints: inputs.fingerprints ? (fpCount.get(c.uid) ?? 0) : undefined,
      policies,
      cluster: c,
    };
  });
}

const HEALTH_ORDER: Record<AgentHealth, number> = { healthy: 0, delayed: 1, offline: 2, unknown: 3 };

export const CLUSTER_SORT_KEYS = ['name', 'uid', 'clusterId', 'firstSeen', 'lastData', 'health', 'namespaces', 'fingerprints', 'policies'] as const;

export function sortClusterRows(rows: readonly ClusterRow[], key: string, dir: 'asc' | 'desc'): ClusterRow[] {
  const value = (r: ClusterRow): string | number | undefined =>
    key === 'health' ? HEALTH_ORDER[r.health] : key === 'uid' || key === 'clusterId' || key === 'name' ? r[key].toLowerCase() : (r[key as keyof ClusterRow] as number | undefined);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return a.name.localeCompare(b.name);
    if (x === undefined || x === '') return 1;
    if (y === undefined || y === '') return -1;
    return (x < y ? -1 : 1) * sign;
  });
}
