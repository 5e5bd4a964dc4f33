import { describe, expect, it } from 'vitest';
import { groupFingerprints } from '../../api/fingerprints.ts';
import { generateDataset } from '../../engine/generate/index.ts';
import type { SpyderbatFingerprint } from '../../engine/model/types.ts';
import { DEFAULT_FILTERS, type FingerprintFilters } from './fingerprint-filters.ts';
import { fingerprintId, shortDigest, splitImage, toRecords } from './fingerprint-records.ts';
import { applyFilters, groupRecords, sortGroups, sortRecords, type CoverageLookup } from './fingerprint-view.ts';

function container(id: string, image: string, cluster: string, ns: string, latest: number): SpyderbatFingerprint {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: image, type: 'container', id, cluster_name: cluster, namespace: ns, firstTimestamp: latest - 100, latestTimestamp: latest, pod_name: `${id}-pod` },
    spec: { containerSelector: { image, imageID: `sha256:${image.length}` }, processPolicy: [], networkPolicy: { ingress: [], egress: [] } },
  };
}

function service(id: string, unit: string, cluster: string, latest: number): SpyderbatFingerprint {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: unit, type: 'linux-service', id, cluster_name: cluster, hostname: `host-${id}`, latestTimestamp: latest },
    spec: { serviceSelector: { cgroup: `systemd:/system.slice/${unit}` }, processPolicy: [], networkPolicy: { ingress: [], egress: [] } },
  };
}

const fps = [
  container('f1', 'nginx:1.25', 'prod', 'web', 500),
  container('f2', 'nginx:1.25', 'prod', 'web', 700),
  container('f3', 'nginx:1.25', 'dev', 'default', 300),
  container('f4', 'redis:7', 'prod', 'cache', 900),
  service('f5', 'sshd.service', 'edge', 800),
  service('f6', 'sshd.service', 'edge', 100),
];
const records = toRecords(fps);
const filters = (f: Partial<FingerprintFilters>): FingerprintFilters => ({ ...DEFAULT_FILTERS, ...f });
// f1, f4 and f5 are covered (by policy 0; f4 also by 1).
const covered: Record<number, number[]> = { 0: [0], 3: [0, 1], 4: [1] };
const cov: CoverageLookup = (i) => covered[i] ?? [];

describe('records', () => {
  it('derive ids, names and groups', () => {
    expect(records.map((r) => r.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
    expect(records[4]).toMatchObject({ name: 'sshd.service', groupKey: 's|systemd:/system.slice/sshd.service', namespace: '', host: 'host-f5' });
    expect(records[0]).toMatchObject({ groupKey: 'c|nginx:1.25|sha256:10', namespace: 'web', pod: 'f1-pod' });
    const noId = { ...fps[0], metadata: { ...fps[0]?.metadata, id: undefined, checksum: 'abc' } } as unknown as SpyderbatFingerprint;
    expect(fingerprintId(noId, 3)).toBe('checksum:abc');
    expect(splitImage('docker.io/library/nginx:1.25')).toEqual({ registry: 'docker.io', repo: 'nginx:1.25' });
    expect(splitImage('602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1')).toEqual({ registry: '602401143452.dkr.ecr.us-west-2.amazonaws.com', repo: 'eks/coredns:v1' });
    expect(splitImage('acme/app:1')).toEqual({ registry: '', repo: 'acme/app:1' });
    expect(splitImage('localhost:5000/app')).toEqual({ registry: 'localhost:5000', repo: 'app' });
    expect(shortDigest('sha256:3f0cd3cdbd6a47a28405a418665ffcd42987afefd07b66eecf6935b9d9c542cf')).toBe('sha256:3f0cd3cdbd6a');
  });
});

describe('applyFilters', () => {
  it('filters by cluster and namespace and counts each facet with the other filters applied', () => {
    const { visible, facets } = applyFilters(records, filters({ clusters: ['prod'], namespaces: ['web'] }), cov);
    expect(visible.map((r) => r.id)).toEqual(['f1', 'f2']);
    expect(facets.cluster).toEqual([{ value: 'prod', count: 2 }]); // namespace web only exists in prod
    expect(facets.namespace).toEqual([
      { value: 'web', count: 2 },
      { value: 'cache', count: 1 },
    ]);
    expect(facets.coverage).toEqual([
      { value: 'covered', count: 1, label: 'Covered by a policy' },
      { value: 'uncovered', count: 1, label: 'Not covered' },
    ]);
  });

  it('keeps selected values in the facet even when nothing matches them', () => {
    const { visible, facets } = applyFilters(records, filters({ clusters: ['gone'] }), cov);
    expect(visible).toEqual([]);
    expect(facets.cluster.find((o) => o.value === 'gone')).toEqual({ value: 'gone', count: 0 });
  });

  it('filters by type, coverage and text', () => {
    expect(applyFilters(records, filters({ types: ['linux-service'] }), cov).visible.map((r) => r.id)).toEqual(['f5', 'f6']);
    expect(applyFilters(records, filters({ coverage: ['uncovered'] }), cov).visible.map((r) => r.id)).toEqual(['f2', 'f3', 'f6']);
    expect(applyFilters(records, filters({ coverage: ['covered', 'uncovered'] }), cov).visible).toHaveLength(6);
    expect(applyFilters(records, filters({ q: ' REDIS ' }), cov).visible.map((r) => r.id)).toEqual(['f4']);
    expect(applyFilters(records, filters({ q: 'system.slice/sshd' }), cov).visible).toHaveLength(2);
  });

  it('ignores the coverage filter (and has no coverage facet) while coverage is unknown', () => {
    const r = applyFilters(records, filters({ coverage: ['covered'] }), undefined);
    expect(r.visible).toHaveLength(6);
    expect(r.facets.coverage).toEqual([{ value: 'covered', count: 0, label: 'Covered by a policy' }]);
  });
});

describe('groupRecords', () => {
  it('groups by image + image id or cgroup with counts, times and coverage', () => {
    const groups = sortGroups(groupRecords(records, cov), { key: 'name', dir: 'asc' });
    expect(groups.map((g) => [g.name, g.records.length, g.clusters, g.namespaces, g.first, g.latest, g.coverage, g.policies])).toEqual([
      ['nginx:1.25', 3, ['dev', 'prod'], ['default', 'web'], 200, 700, 'partial', [0]],
      ['redis:7', 1, ['prod'], ['cache'], 800, 900, 'full', [0, 1]],
      ['sshd.service', 2, ['edge'], [], undefined, 800, 'partial', [1]],
    ]);
    expect(groupRecords(records, undefined).every((g) => g.coverage === 'unknown')).toBe(true);
  });

  it('puts the policy covering most of the group first', () => {
    const c: CoverageLookup = (i) => ({ 0: [2], 1: [1, 2], 2: [1, 2] })[i] ?? [];
    expect(groupRecords(records.slice(0, 3), c)[0]?.policies).toEqual([2, 1]);
  });

  it('agrees with the data layer grouping on a generated org', () => {
    const ds = generateDataset({ seed: 7, scale: 0.2, now: 1_750_000_000 });
    const mine = groupRecords(toRecords(ds.fingerprints), undefined);
    const theirs = groupFingerprints(ds.fingerprints);
    expect(mine).toHaveLength(theirs.length);
    const size = (xs: number[]) => xs.sort((a, b) => a - b);
    expect(size(mine.map((g) => g.records.length))).toEqual(size(theirs.map((g) => g.data.fingerprints.length)));
  });
});

describe('sorting', () => {
  it('sorts groups by a column both ways, missing values last', () => {
    const groups = groupRecords(records, cov);
    expect(sortGroups(groups, { key: 'instances', dir: 'desc' }).map((g) => g.name)).toEqual(['nginx:1.25', 'sshd.service', 'redis:7']);
    expect(sortGroups(groups, { key: 'first', dir: 'asc' }).map((g) => g.name)).toEqual(['nginx:1.25', 'redis:7', 'sshd.service']);
    expect(sortGroups(groups, { key: 'first', dir: 'desc' }).map((g) => g.name)).toEqual(['redis:7', 'nginx:1.25', 'sshd.service']);
    expect(sortGroups(groups, { key: 'coverage', dir: 'asc' }).map((g) => g.name)).toEqual(['nginx:1.25', 'sshd.service', 'redis:7']); // 1/3, 1/2, all
  });

  it('sorts fingerprints by name both ways, keeping list order within a name', () => {
    expect(sortRecords(records, { key: 'name', dir: 'asc' }, cov).map((r) => r.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
    expect(sortRecords(records, { key: 'name', dir: 'desc' }, cov).map((r) => r.id)).toEqual(['f5', 'f6', 'f4', 'f1', 'f2', 'f3']);
  });

  it('sorts fingerprints', () => {
    expect(sortRecords([...records], { key: 'latest', dir: 'desc' }, cov).map((r) => r.id)).toEqual(['f4', 'f5', 'f2', 'f1', 'f3', 'f6']);
    expect(sortRecords([...records], { key: 'coverage', dir: 'desc' }, cov).map((r) => r.id)[0]).toBe('f4');
    expect(sortRecords([...records], { key: 'cluster', dir: 'asc' }, cov).map((r) => r.cluster)).toEqual(['dev', 'edge', 'edge', 'prod', 'prod', 'prod']);
  });
});
