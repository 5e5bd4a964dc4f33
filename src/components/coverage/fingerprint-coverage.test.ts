import { describe, expect, it } from 'vitest';
import { coverage } from '../../engine/impact/coverage.ts';
import { identityOfFingerprint } from '../../engine/evaluate/scope.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import { computeCoverage, coverageInline, flatten, hitsOf, slimPolicy } from './fingerprint-coverage.ts';

function fp(id: string, image: string, ns: string, cluster = 'c1'): SpyderbatFingerprint {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: image, type: 'container', id, cluster_name: cluster, namespace: ns },
    spec: { containerSelector: { image }, processPolicy: [], networkPolicy: { ingress: [], egress: [] } },
  };
}

function policy(name: string, spec: Record<string, unknown>, type: 'container' | 'cluster' = 'container'): SpyderbatPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name, type },
    spec: { mode: 'audit', processPolicy: [{ name: 'x', exe: ['/x'], id: 'x_0', euser: ['root'] }], networkPolicy: { ingress: [], egress: [] }, response: { default: [], actions: [] }, ...spec },
  } as unknown as SpyderbatPolicy;
}

const fps = Array.from({ length: 23 }, (_, i) => fp(`fprint:${i}`, i % 2 ? 'nginx:1' : 'redis:7', i % 3 ? 'web' : 'cache', i % 5 ? 'c1' : 'c2'));
const policies = [
  policy('nginx-web', { containerSelector: { image: 'nginx:*' }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } } }),
  policy('redis', { containerSelector: { image: 'redis:7' } }),
  policy('c2', { clusterSelector: { matchFields: { name: 'c2' } }, rulesets: [] }, 'cluster'),
];

describe('coverage of fingerprint lists', () => {
  const expected = coverage(policies, fps.map(identityOfFingerprint)).perWorkload;

  it('slices give the same answer as one engine call', async () => {
    const ids = fps.map(identityOfFingerprint);
    expect(await coverageInline(policies, ids, undefined, 4)).toEqual(expected);
    expect(await coverageInline(policies, [], undefined, 4)).toEqual([]);
  });

  it('slim policies (type and selectors) have the same scope', () => {
    expect(coverage(policies.map(slimPolicy), fps.map(identityOfFingerprint)).perWorkload).toEqual(expected);
    expect(Object.keys(slimPolicy(policies[0] as SpyderbatPolicy).spec).sort()).toEqual(['containerSelector', 'namespaceSelector']);
  });

  it('computes per fingerprint and per policy without a worker', async () => {
    const r = await computeCoverage(fps, policies, { useWorker: false });
    expect(fps.map((_, i) => [...hitsOf(r, i)])).toEqual(expected);
    expect(r.where).toBe('inline');
    expect([...hitsOf(r, 1)]).toEqual([0]); // nginx in web
    expect([...hitsOf(r, 0)]).toEqual([1, 2]); // redis in c2
    expect([...r.perPolicy]).toEqual(policies.map((_, i) => expected.filter((h) => h.includes(i)).length));
    expect(hitsOf(r, 99)).toHaveLength(0);
  });

  it('flattens hit lists into offsets and hits', () => {
    const f = flatten([[1, 2], [], [0]]);
    expect([...f.offsets]).toEqual([0, 2, 2, 3]);
    expect([...f.hits]).toEqual([1, 2, 0]);
    expect([...hitsOf(f, 1)]).toEqual([]);
    expect([...hitsOf(f, 2)]).toEqual([0]);
  });

  it('stops when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(computeCoverage(fps, policies, { signal: ctl.signal, useWorker: false })).rejects.toThrow(/aborted/);
  });
});
