import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fp, proc } from '../__fixtures__/spyderbat/builders.ts';
import type { SpyderbatFingerprint } from '../model/types.ts';
import { createPolicy } from './create-policy.ts';
import { dumpYaml } from './yaml-dump.ts';

const FIX = join(import.meta.dirname, '../__fixtures__/spyderbat');
const seedFp = parse(readFileSync(join(FIX, 'seed-000-nginx-fingerprint.yaml'), 'utf8')) as SpyderbatFingerprint;
const seedPolicy = parse(readFileSync(join(FIX, 'seed-000-nginx-policy.yaml'), 'utf8')) as Record<string, unknown>;

describe('createPolicy', () => {
  it('seed 000: the nginx fingerprint gives the seed policy, minus the IPs of other instances', () => {
    const { policy } = createPolicy([seedFp], { name: 'nginx', mode: 'enforce' });
    const expectedIngress = structuredClone(seedPolicy.networkPolicy) as { ingress: { from: unknown[] }[] };
    const from = expectedIngress.ingress[0]?.from ?? [];
    from.splice(3, 2);
    expect(policy.spec.containerSelector).toEqual(seedPolicy.containerSelector);
    expect(policy.spec.processPolicy).toEqual(seedPolicy.processPolicy);
    expect(policy.spec.networkPolicy).toEqual(expectedIngress);
    expect(policy.spec.response).toEqual(seedPolicy.response);
    expect(policy.spec.mode).toBe('enforce');
  });
  it('one input is copied through: key order kept, unknown metadata and imageID dropped', () => {
    const { policy } = createPolicy([seedFp], { name: 'nginx' });
    const text = dumpYaml(policy);
    expect(text).toContain('  - name: nginx\n    exe:\n    - /usr/sbin/nginx\n    euser:\n    - root\n    id: nginx_0\n');
    expect(policy.metadata).toEqual({ name: 'nginx', type: 'container' });
    expect(Object.keys(policy.spec)).toEqual(['containerSelector', 'namespaceSelector', 'podSelector', 'mode', 'processPolicy', 'networkPolicy', 'response']);
    expect(policy.spec.mode).toBe('audit');
  });
  it('several inputs are normalised (sorted exes, euser only where it differs)', () => {
    const a = fp({ processes: [proc('sh', ['/bin/sh', '/bin/ash'], 'sh_0', { euser: ['root'], children: [proc('cat', '/bin/cat', 'cat_0', { euser: ['root'] })] })] });
    const { policy } = createPolicy([a, a], { name: 'p' });
    expect(policy.spec.processPolicy).toEqual([
      { name: 'sh', exe: ['/bin/ash', '/bin/sh'], id: 'sh_0', euser: ['root'], children: [{ name: 'cat', exe: ['/bin/cat'], id: 'cat_0' }] },
    ]);
  });
  it('wildcards images from their longest common part and says which tags it covers', () => {
    const images = ['docker.io/library/nginx:1.25', 'docker.io/library/nginx:1.27', 'docker.io/library/nginx:latest'];
    const { policy, wildcards } = createPolicy(images.map((image) => fp({ image })), { name: 'p' });
    expect(policy.spec.containerSelector).toEqual({ image: 'docker.io/library/nginx:*' });
    expect(wildcards).toEqual([{ path: 'spec.containerSelector.image', value: 'docker.io/library/nginx:*', from: images }]);
  });
  it('notes process names generalised into a glob', () => {
    const a = fp({ processes: [proc('iptables', '/usr/sbin/xtables-legacy-multi', 'iptables_0', { euser: ['root'] })] });
    const b = fp({ processes: [proc('ip6tables', '/usr/sbin/xtables-legacy-multi', 'ip6tables_0', { euser: ['root'] })] });
    const { policy, wildcards } = createPolicy([a, b], { name: 'p' });
    expect(policy.spec.processPolicy[0]?.name).toBe('*tables');
    expect(wildcards).toEqual([{ path: 'spec.processPolicy[iptables_0].name', value: '*tables', from: ['iptables', 'ip6tables'] }]);
  });
  it('keeps only the labels every input shares; drops a selector left empty, with a warning', () => {
    const { policy, warnings } = createPolicy(
      [fp({ labels: { app: 'web', hash: 'a' }, namespace: 'shop' }), fp({ labels: { app: 'web', hash: 'b' } })],
      { name: 'p' },
    );
    expect(policy.spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
    expect(policy.spec.namespaceSelector).toBeUndefined();
    expect(warnings.map((w) => w.code)).toContain('selector-dropped');
  });
  it('latestTimestamp is the maximum, dropped when an input lacks it', () => {
    expect(createPolicy([fp({ latestTimestamp: 5 }), fp({ latestTimestamp: 9 })], { name: 'p' }).policy.metadata.latestTimestamp).toBe(9);
    expect(createPolicy([fp({ latestTimestamp: 5 }), fp()], { name: 'p' }).policy.metadata.latestTimestamp).toBeUndefined();
  });
  it('drops imageID unless asked to keep it', () => {
    const inputs = [fp({ imageID: 'sha256:a' }), fp({ imageID: 'sha256:a' })];
    expect(createPolicy(inputs, { name: 'p' }).policy.spec.containerSelector).toEqual({ image: 'docker.io/library/web:1.0' });
    expect(createPolicy(inputs, { name: 'p', keepImageId: true }).policy.spec.containerSelector).toEqual({ image: 'docker.io/library/web:1.0', imageID: 'sha256:a' });
  });
  it('skips an input of the other workload type with a warning', () => {
    const { policy, warnings } = createPolicy([fp(), fp({ type: 'linux-service', processes: [proc('x', '/x', 'x_0', { euser: ['root'] })] })], { name: 'p' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'type-mismatch', inputIndex: 1 })]);
    expect(policy.spec.processPolicy.map((n) => n.id)).toEqual(['sh_0']);
  });
  it('takes FingerprintGroups and items lists, and reports what it cannot use', () => {
    const group = { apiVersion: 'spyderbat/v1', kind: 'FingerprintGroup', metadata: {}, data: { fingerprints: [fp(), fp()] } };
    const items = { apiVersion: 'spyderbat/v1', items: [fp(), { kind: 'Unknown' }] };
    const { warnings } = createPolicy([group, items] as never, { name: 'p' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'skipped-input', inputIndex: 1 })]);
  });
  it('keeps an input policy\'s mode and response', () => {
    const pol = { ...fp(), kind: 'SpyderbatPolicy', spec: { ...fp().spec, mode: 'enforce', response: { default: [], actions: [] } } };
    const { policy } = createPolicy([pol as never], { name: 'p', mode: 'audit' });
    expect(policy.spec.mode).toBe('enforce');
    expect(policy.spec.response).toEqual({ default: [], actions: [] });
  });
  it('throws only when there is nothing to build from', () => {
    expect(() => createPolicy([], { name: 'p' })).toThrow(/Nothing to build/);
  });
});
