import { describe, expect, it } from 'vitest';
import { egress, fp, policyOf, proc } from '../__fixtures__/spyderbat/builders.ts';
import { mergeIntoPolicy } from './merge-policy.ts';

const sh = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] })];

describe('mergeIntoPolicy', () => {
  it('adds new activity and honours the policy\'s own globs', () => {
    const policy = policyOf({ processPolicy: [proc('python*', '/usr/bin/python3*', 'py_0', { euser: ['app'] })] });
    const res = mergeIntoPolicy(policy, [
      fp({ image: 'docker.io/library/web:2.1', processes: [proc('python3.12', '/usr/bin/python3.12', 'python_0', { euser: ['app'], children: [proc('curl', '/usr/bin/curl', 'curl_0')] })] }),
    ]);
    expect(res.changed).toBe(true);
    expect(res.policy.spec.containerSelector).toEqual({ image: 'docker.io/library/web:*' });
    expect(res.policy.spec.processPolicy).toEqual([
      { name: 'python*', exe: ['/usr/bin/python3*'], id: 'py_0', euser: ['app'], children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }] },
    ]);
  });
  it('an image outside the selector drops containerSelector, and says so', () => {
    const policy = policyOf({ containerSelector: { image: 'docker.io/x:1*' }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } }, processPolicy: sh });
    const res = mergeIntoPolicy(policy, [fp({ image: 'docker.io/x:2', namespace: 'default', processes: sh })]);
    expect(res.policy.spec.containerSelector).toBeUndefined();
    expect(res.warnings).toEqual([
      {
        code: 'selector-widened',
        path: 'spec.containerSelector.image',
        inputIndex: 0,
        message: "this fingerprint's image docker.io/x:2 is outside the policy's selector (docker.io/x:1*); merging widens the policy to every container in namespace default",
      },
      {
        code: 'selector-dropped',
        path: 'spec.containerSelector',
        inputIndex: 0,
        message: 'merging removes spec.containerSelector, so it covers every container in namespace default (the result no longer validates: a container policy needs it)',
      },
    ]);
  });
  it('skips inputs of the other type, and deviations of another policy', () => {
    const policy = policyOf({ processPolicy: sh }, { uid: 'pol:1' });
    const dev = { apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: { type: 'container', policy_uid: 'pol:2' }, spec: { processPolicy: [proc('x', '/x', 'x_0', { euser: ['root'] })] } };
    const res = mergeIntoPolicy(policy, [fp({ type: 'linux-service', processes: sh }), dev as never]);
    expect(res.changed).toBe(false);
    expect(res.warnings.map((w) => [w.code, w.inputIndex])).toEqual([
      ['type-mismatch', 0],
      ['type-mismatch', 1],
    ]);
  });
  it('merges a deviation whose policyNode adds children under an existing node', () => {
    const policy = policyOf({ processPolicy: sh }, { uid: 'pol:1' });
    const dev = { apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: { type: 'container', policy_uid: 'pol:1' }, spec: { processPolicy: [{ policyNode: { id: 'sh_0', children: [proc('cat', '/bin/cat', 'cat_0')] } }] } };
    const res = mergeIntoPolicy(policy, [dev as never]);
    expect(res.policy.spec.processPolicy).toEqual([{ ...sh[0], children: [{ name: 'cat', exe: ['/bin/cat'], id: 'cat_0' }] }]);
  });
  it('nothing new: unchanged, the policy as it was; with a clock, latestTimestamp is now', () => {
    const policy = policyOf({ processPolicy: sh }, { latestTimestamp: 100, tags: ['x'] });
    const same = mergeIntoPolicy(policy, [fp({ processes: sh, latestTimestamp: 200 })]);
    expect(same).toEqual({ policy, changed: false, warnings: [] });
    expect(mergeIntoPolicy(policy, [fp({ processes: sh })], { now: () => 1_700_000_000_000 }).policy.metadata.latestTimestamp).toBe(1_700_000_000);
  });
  it('normalisation counts as a change; unknown metadata such as tags is dropped', () => {
    const policy = policyOf({ processPolicy: [proc('sh', ['/bin/sh', '/bin/ash'], 'sh_0', { euser: ['root'] })] }, { tags: ['x'], latestTimestamp: 1 });
    const res = mergeIntoPolicy(policy, [fp({ processes: sh, latestTimestamp: 2 })]);
    expect(res.changed).toBe(true);
    expect(res.policy.metadata).toEqual({ name: 'p', type: 'container', latestTimestamp: 2 });
    expect(res.policy.spec.processPolicy[0]?.exe).toEqual(['/bin/ash', '/bin/sh']);
  });
  it('refuses an input when a root process has no euser, as spyctl does', () => {
    const policy = policyOf({ processPolicy: [proc('sh', '/bin/sh', 'sh_0')] });
    const res = mergeIntoPolicy(policy, [fp({ processes: sh, egress: [egress(['1.1.1.1/32'], [443], ['sh_0'])] })]);
    expect(res.changed).toBe(false);
    expect(res.warnings[0]?.code).toBe('skipped-input');
    expect(res.warnings[0]?.message).toMatch(/sh_0.*no euser/);
  });
  it('does not throw on odd input', () => {
    const policy = policyOf({ processPolicy: sh });
    const odd = [
      { kind: 'SpyderbatFingerprint', metadata: { type: 'container' }, spec: { processPolicy: 'nope', networkPolicy: { ingress: [{ nonsense: true }], egress: 7 } } },
      { kind: 'SpyderbatFingerprint', metadata: { type: 'container' }, spec: { processPolicy: [{ name: 'a', id: 'a', euser: ['r'], children: [{}] }], containerSelector: 'x' } },
      null,
    ];
    expect(() => mergeIntoPolicy(policy, odd as never)).not.toThrow();
  });
});
