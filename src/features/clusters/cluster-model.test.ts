import { describe, expect, it } from 'vitest';
import type { Cluster, Namespace } from '../../api/types.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import { agentHealth, clusterPoliciesFor, clusterRows, sortClusterRows } from './cluster-model.ts';
import { hostSections, namespaceSections } from './cluster-workloads.ts';

const NOW = 1_800_000_000;
const clusters: Cluster[] = [
  { uid: 'clus:a', name: 'prod', platform: 'eks', clusterId: 'id-a', firstSeen: NOW - 86400 * 90, lastData: NOW - 60 },
  { uid: 'clus:b', name: 'dev', platform: 'kubernetes', lastData: NOW - 7200 },
  { uid: 'clus:c', name: 'edge', platform: 'linux', lastData: NOW - 86400 * 3 },
];
const namespaces: Namespace[] = [
  { clusterUid: 'clus:a', clusterName: 'prod', name: 'web', labels: { 'kubernetes.io/metadata.name': 'web', team: 'shop' } },
  { clusterUid: 'clus:a', clusterName: 'prod', name: 'empty', labels: {} },
  { clusterUid: 'clus:b', clusterName: 'dev', name: 'web', labels: {} },
];

function container(id: string, cluster: Cluster, ns: string, app: string, image: string, latest: number): SpyderbatFingerprint {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: image, type: 'container', id, cluster_uid: cluster.uid, cluster_name: cluster.name, namespace: ns, containerName: `${app}-c`, latestTimestamp: latest },
    spec: { containerSelector: { image }, podSelector: { matchLabels: { app } }, processPolicy: [], networkPolicy: { ingress: [], egress: [] } },
  };
}
function service(id: string, cluster: Cluster, host: string, unit: string): SpyderbatFingerprint {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: unit, type: 'linux-service', id, cluster_name: cluster.name, hostname: host },
    spec: { serviceSelector: { cgroup: `systemd:/system.slice/${unit}` }, processPolicy: [], networkPolicy: { ingress: [], egress: [] } },
  };
}
const [a, b, c] = clusters as [Cluster, Cluster, Cluster];
const fps = [
  container('f1', a, 'web', 'shop', 'shop:1', NOW - 50),
  container('f2', a, 'web', 'shop', 'shop:2', NOW - 10),
  container('f3', a, 'web', 'cart', 'cart:1', NOW - 99),
  container('f4', b, 'web', 'shop', 'shop:2', NOW),
  service('f5', c, 'h1', 'sshd.service'),
  service('f6', c, 'h2', 'sshd.service'),
  service('f7', c, 'h1', 'cron.service'),
];
const clusterPolicy = (name: string, sel: Record<string, unknown>) =>
  ({ apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: { name, type: 'cluster' }, spec: { clusterSelector: sel, mode: 'audit', rulesets: [], response: { default: [], actions: [] } } }) as unknown as SpyderbatPolicy;
const workloadPolicy = (name: string) => ({ apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: { name, type: 'container' }, spec: {} }) as unknown as SpyderbatPolicy;
const policies = [workloadPolicy('shop'), workloadPolicy('cart'), clusterPolicy('prod-rules', { matchFields: { name: 'prod' } }), clusterPolicy('all-but-dev', { matchFieldsExpressions: [{ key: 'name', operator: 'NotIn', values: ['dev'] }] })];
// f1, f2 covered by "shop"; f3 by "cart" and "shop"; services by nothing.
const hits = [[0], [0], [0, 1], [], [], [], []];
const coverage = (i: number) => hits[i] ?? [];

describe('agentHealth', () => {
  it('grades the age of the last data', () => {
    expect(agentHealth(NOW - 60, NOW)).toBe('healthy');
    expect(agentHealth(NOW - 15 * 60, NOW)).toBe('healthy');
    expect(agentHealth(NOW - 15 * 60 - 1, NOW)).toBe('delayed');
    expect(agentHealth(NOW - 86400, NOW)).toBe('delayed');
    expect(agentHealth(NOW - 86401, NOW)).toBe('offline');
    expect(agentHealth(undefined, NOW)).toBe('unknown');
  });
});

describe('clusterRows', () => {
  it('counts namespaces, fingerprints and covering policies per cluster', () => {
    const rows = clusterRows(clusters, { namespaces, fingerprints: fps, policies, coverage }, NOW);
    expect(rows.map((r) => [r.name, r.health, r.namespaces, r.fingerprints, r.policies])).toEqual([
      ['prod', 'healthy', 2, 3, 4], // shop, cart + both cluster policies
      ['dev', 'delayed', 1, 1, 0],
      ['edge', 'offline', 0, 3, 1], // matched by name only; the NotIn cluster policy
    ]);
  });

  it('leaves counts unknown until their lists arrive', () => {
    const rows = clusterRows(clusters, { fingerprints: fps, policies }, NOW);
    expect(rows.map((r) => [r.namespaces, r.fingerprints, r.policies])).toEqual([
      [undefined, 3, undefined],
      [undefined, 1, undefined],
      [undefined, 3, undefined],
    ]);
  });

  it('finds the cluster policies selecting a cluster', () => {
    expect(clusterPoliciesFor(a, policies)).toEqual([2, 3]);
    expect(clusterPoliciesFor(b, policies)).toEqual([]);
  });

  it('sorts by any column, unknown values last', () => {
    const rows = clusterRows(clusters, { fingerprints: fps }, NOW);
    expect(sortClusterRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['dev', 'edge', 'prod']);
    expect(sortClusterRows(rows, 'health', 'desc').map((r) => r.name)).toEqual(['edge', 'dev', 'prod']);
    expect(sortClusterRows(rows, 'clusterId', 'asc').map((r) => r.name)).toEqual(['prod', 'dev', 'edge']);
    expect(sortClusterRows(rows, 'fingerprints', 'desc').map((r) => r.name)).toEqual(['edge', 'prod', 'dev']);
  });
});

describe('cluster workloads', () => {
  const cov = coverage;
  const indexed = fps.map((fp, index) => ({ fp, index }));
  it('lists every namespace with its workloads, images, instances and policies', () => {
    const sections = namespaceSections(namespaces.filter((n) => n.clusterUid === 'clus:a'), indexed.slice(0, 3), cov);
    expect(sections.map((s) => [s.name, s.fingerprints, s.workloads.length])).toEqual([
      ['empty', 0, 0],
      ['web', 3, 2],
    ]);
    const web = sections[1]?.workloads;
    expect(web?.map((w) => [w.name, w.images, w.instances, w.latest, w.coveredCount, w.policies])).toEqual([
      ['cart', ['cart:1'], 1, NOW - 99, 1, [0, 1]],
      ['shop', ['shop:1', 'shop:2'], 2, NOW - 10, 2, [0]],
    ]);
    expect(sections[1]?.labels.team).toBe('shop');
  });

  it('has no policies while coverage is unknown', () => {
    const sections = namespaceSections([], indexed.slice(0, 1), undefined);
    expect(sections[0]?.workloads[0]?.policies).toBeUndefined();
  });

  it('groups Linux services by host', () => {
    const hosts = hostSections(indexed.slice(4), cov);
    expect(hosts.map((h) => [h.host, h.services.map((s) => s.name)])).toEqual([
      ['h1', ['cron.service', 'sshd.service']],
      ['h2', ['sshd.service']],
    ]);
  });
});
