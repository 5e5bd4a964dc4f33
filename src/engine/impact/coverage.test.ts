import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scopeOf } from '../evaluate/scope.ts';
import type { SpyderbatPolicy, WorkloadIdentity } from '../model/types.ts';
import { coverage } from './coverage.ts';

function pol(image: string, ns?: string): SpyderbatPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: image, type: 'container' },
    spec: {
      containerSelector: { image },
      ...(ns ? { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } } : {}),
      mode: 'audit',
      processPolicy: [],
      networkPolicy: { ingress: [], egress: [] },
      response: { default: [], actions: [] },
    },
  };
}
const wl = (image: string, ns: string): WorkloadIdentity => ({ type: 'container', container: { image }, namespaceLabels: { 'kubernetes.io/metadata.name': ns } });

describe('coverage', () => {
  it('matches exact, glob and namespace-scoped selectors', () => {
    const policies = [pol('nginx:1.25'), pol('nginx:*', 'prod'), pol('redis:7')];
    const workloads = [wl('nginx:1.25', 'prod'), wl('nginx:1.25', 'dev'), wl('nginx:1.27', 'prod'), wl('mongo:6', 'prod')];
    const c = coverage(policies, workloads);
    expect(c.perWorkload).toEqual([[0, 1], [0], [1], []]);
    expect(c.perPolicy).toEqual([2, 2, 0]);
  });

  it('agrees with scopeOf policy by policy', () => {
    const images = ['a:1', 'a:2', 'b:1', 'a:*', 'b:*', '*'];
    const nss = ['prod', 'dev'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...images), fc.option(fc.constantFrom(...nss), { nil: undefined })), { maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom('a:1', 'a:2', 'b:1', 'c:9'), fc.constantFrom(...nss)), { maxLength: 12 }),
        (ps, ws) => {
          const policies = ps.map(([i, n]) => pol(i, n));
          const workloads = ws.map(([i, n]) => wl(i, n));
          const c = coverage(policies, workloads);
          policies.forEach((p, pi) => {
            const expected = scopeOf(p, workloads);
            expect(c.perPolicy[pi]).toBe(expected.length);
            expected.forEach((wi) => expect(c.perWorkload[wi]).toContain(pi));
          });
        },
      ),
    );
  });
});
