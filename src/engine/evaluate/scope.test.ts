import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type {
  ClusterPolicy,
  ContainerSelector,
  LabelSelector,
  SpyderbatFingerprint,
  WorkloadIdentity,
  WorkloadPolicy,
} from '../model/types.ts';
import { matchesSelectors } from '../match/selectors.ts';
import { EventEvaluator } from './evaluator.ts';
import { identityOfFingerprint, scopeOf, serviceNameOfCgroup } from './scope.ts';

function policy(type: 'container' | 'linux-service', selectors: Partial<WorkloadPolicy['spec']>, enabled?: boolean): WorkloadPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'p', type },
    spec: {
      ...selectors,
      ...(enabled === undefined ? {} : { enabled }),
      mode: 'audit',
      processPolicy: [{ name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['root'] }],
      networkPolicy: { ingress: [], egress: [] },
      response: { default: [], actions: [] },
    },
  };
}

const workloads: WorkloadIdentity[] = [
  { type: 'container', cluster: { name: 'prod' }, namespaceLabels: { team: 'a' }, container: { image: 'nginx:1.25', containerName: 'web-1' } },
  { type: 'container', cluster: { name: 'dev' }, namespaceLabels: { team: 'b' }, container: { image: 'nginx:1.27', containerName: 'web-2' } },
  { type: 'container', container: { image: 'redis:7' } },
  { type: 'linux-service', cluster: { name: 'prod' }, service: { cgroup: 'systemd:/system.slice/nginx.service', name: 'nginx.service' } },
];

describe('scopeOf', () => {
  it('container policies cover only matching containers', () => {
    expect(scopeOf(policy('container', { containerSelector: { image: 'nginx:*' } }), workloads)).toEqual([0, 1]);
    expect(scopeOf(policy('container', { containerSelector: { image: 'nginx:1.25' } }), workloads)).toEqual([0]);
    expect(
      scopeOf(policy('container', { containerSelector: { image: '*' }, namespaceSelector: { matchLabels: { team: 'b' } } }), workloads),
    ).toEqual([1]);
  });

  it('linux-service policies cover only services', () => {
    expect(scopeOf(policy('linux-service', { serviceSelector: { cgroup: 'systemd:/system.slice/*' } }), workloads)).toEqual([3]);
    expect(scopeOf(policy('linux-service', { machineSelector: { hostname: '*' } }), workloads)).toEqual([]);
  });

  it('cluster policies cover both types by clusterSelector only', () => {
    const cluster: ClusterPolicy = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatPolicy',
      metadata: { name: 'c', type: 'cluster' },
      spec: { clusterSelector: { matchFields: { name: 'prod' } }, mode: 'audit', rulesets: [], response: { default: [], actions: [] } },
    };
    expect(scopeOf(cluster, workloads)).toEqual([0, 3]);
  });

  it('ignores enabled: false (scope is static)', () => {
    expect(scopeOf(policy('container', { containerSelector: { image: 'redis:*' } }, false), workloads)).toEqual([2]);
  });
});

describe('identityOfFingerprint', () => {
  it('derives the seed 000 fingerprint identity from selectors and metadata', () => {
    const fp: SpyderbatFingerprint = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatFingerprint',
      metadata: {
        name: 'docker.io/library/nginx:latest',
        type: 'container',
        cluster_name: 'demo_cluster',
        containerName: 'latencytest2',
        namespace: 'default',
      },
      spec: {
        containerSelector: { image: 'docker.io/library/nginx:latest', imageID: 'sha256:10d1f5b5' },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } },
        podSelector: { matchLabels: { run: 'latencytest2' } },
        processPolicy: [],
        networkPolicy: { ingress: [], egress: [] },
      },
    };
    expect(identityOfFingerprint(fp)).toEqual({
      type: 'container',
      cluster: { name: 'demo_cluster' },
      namespaceLabels: { 'kubernetes.io/metadata.name': 'default' },
      podLabels: { run: 'latencytest2' },
      container: { image: 'docker.io/library/nginx:latest', imageID: 'sha256:10d1f5b5', containerName: 'latencytest2' },
    });
  });

  it('takes machine / service fields; no namespace for services', () => {
    const fp: SpyderbatFingerprint = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatFingerprint',
      metadata: { name: 'nginx', type: 'linux-service', namespace: 'ignored-for-services', muid: 'mach:9' },
      spec: {
        serviceSelector: { cgroup: 'systemd:/system.slice/nginx.service' },
        machineSelector: { hostname: ['db-1', 'db-2'] },
        processPolicy: [],
        networkPolicy: { ingress: [], egress: [] },
      },
    };
    expect(identityOfFingerprint(fp)).toEqual({
      type: 'linux-service',
      machine: { hostname: 'db-1', uid: 'mach:9' },
      service: { cgroup: 'systemd:/system.slice/nginx.service', name: 'nginx.service' },
    });
  });

  it('a policy created from a fingerprint covers the fingerprint’s workload', () => {
    const fp: SpyderbatFingerprint = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatFingerprint',
      metadata: { name: 'x', type: 'container', namespace: 'shop' },
      spec: {
        containerSelector: { image: 'python_webserver:1.2' },
        podSelector: { matchLabels: { app: 'web' } },
        processPolicy: [],
        networkPolicy: { ingress: [], egress: [] },
      },
    };
    const p = policy('container', { containerSelector: { image: 'python_webserver:*' }, podSelector: { matchLabels: { app: 'web' } } });
    expect(scopeOf(p, [identityOfFingerprint(fp)])).toEqual([0]);
    expect(identityOfFingerprint(fp).namespaceLabels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
  });

  it('service names come from the last cgroup segment', () => {
    expect(serviceNameOfCgroup('systemd:/system.slice/sshd.service')).toBe('sshd.service');
    expect(serviceNameOfCgroup('plain')).toBe('plain');
  });
});

describe('the evaluator index agrees with brute-force selector matching', () => {
  const image = fc.constantFrom('nginx:1.25', 'nginx:1.27', 'redis:7', 'nginx:*', 'redis:?', '*');
  const label = fc.constantFrom('a', 'b', 'a*');
  const selectors = fc.record(
    {
      containerSelector: fc.oneof(
        image.map((i): ContainerSelector => ({ image: i })),
        fc.record<ContainerSelector>({ containerName: fc.constantFrom('web-1', 'web-*') }),
        fc.constant<ContainerSelector>({ matchFieldsExpressions: [{ key: 'image', operator: 'NotIn', values: ['redis:*'] }] }),
      ),
      namespaceSelector: fc.oneof(
        label.map((v): LabelSelector => ({ matchLabels: { team: v } })),
        fc.constant<LabelSelector>({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }),
      ),
      clusterSelector: fc.constantFrom('prod', 'dev', 'pr*').map((n) => ({ matchFields: { name: n } })),
    },
    { requiredKeys: [] },
  );
  const identity = fc.record(
    {
      type: fc.constantFrom<'container' | 'linux-service'>('container', 'container', 'linux-service'),
      cluster: fc.constantFrom('prod', 'dev').map((name) => ({ name })),
      namespaceLabels: label.map((team) => ({ team })),
      container: fc.record({ image: fc.constantFrom('nginx:1.25', 'nginx:1.27', 'redis:7'), containerName: fc.constantFrom('web-1', 'web-2') }),
    },
    { requiredKeys: ['type'] },
  );

  it('covered policies = policies whose type and selectors match', () => {
    fc.assert(
      fc.property(fc.array(selectors, { maxLength: 8 }), fc.array(identity, { minLength: 1, maxLength: 5 }), (sels, ids) => {
        const policies = sels.map((s, i) => policy(i % 5 === 4 ? 'linux-service' : 'container', s));
        const ev = new EventEvaluator(policies);
        for (const id of ids) {
          const v = ev.evaluate({ time: 0, workload: id, kind: 'process', process: { chain: [{ name: 'sh', exe: '/bin/sh', euser: 'root' }] } });
          const expected = policies.flatMap((p, i) => (p.metadata.type === id.type && matchesSelectors(p.spec, id) ? [i] : []));
          expect(v.policies.map((p) => p.policyIndex)).toEqual(expected);
          expect(policies.flatMap((p, i) => (scopeOf(p, [id]).length > 0 ? [i] : []))).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
