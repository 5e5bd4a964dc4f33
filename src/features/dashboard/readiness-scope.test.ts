import { describe, expect, it } from 'vitest';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import { latestPerId, scopeFilters } from './readiness-scope.ts';

const policy = (type: 'container' | 'linux-service' | 'cluster', spec: Record<string, unknown>): SpyderbatPolicy =>
  ({ apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: { name: 'p', type }, spec: { mode: 'audit', ...spec } }) as unknown as SpyderbatPolicy;

describe('readiness scope', () => {
  it('narrows the fingerprint search by image, namespace and cluster', () => {
    expect(
      scopeFilters(
        policy('container', {
          containerSelector: { image: 'nginx:*' },
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } },
          clusterSelector: { matchFields: { name: 'eks' } },
        }),
      ),
    ).toEqual({
      type: 'container',
      days: 30,
      image: 'nginx:*',
      namespace: 'prod',
      clusterName: 'eks',
    });
    expect(scopeFilters(policy('container', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod-*' } } }))).toEqual({ type: 'container', days: 30 });
    expect(scopeFilters(policy('linux-service', { serviceSelector: { cgroup: 'systemd:/system.slice/ssh.service' } }))).toEqual({ type: 'linux-service', days: 30 });
    expect(scopeFilters(policy('cluster', {}))).toBeNull();
  });

  it('keeps the latest version of each fingerprint', () => {
    const fp = (id: string, latest: number) => ({ metadata: { id, latestTimestamp: latest } }) as unknown as SpyderbatFingerprint;
    expect(latestPerId([fp('a', 1), fp('b', 5), fp('a', 3), fp('a', 2)]).map((f) => [f.metadata.id, f.metadata.latestTimestamp])).toEqual([
      ['a', 3],
      ['b', 5],
    ]);
  });
});
