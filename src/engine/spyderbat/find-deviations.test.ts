import { describe, expect, it } from 'vitest';
import { egress, fp, policyOf, proc } from '../__fixtures__/spyderbat/builders.ts';
import { findDeviations } from './find-deviations.ts';

const tree = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'], children: [proc('py', '/bin/py', 'py_0')] })];
const network = { ingress: [], egress: [egress(['1.1.1.1/32'], [443], ['py_0'])] };

describe('findDeviations', () => {
  it('a fingerprint the policy allows does not deviate, even when the policy is not normalised', () => {
    const policy = policyOf({ processPolicy: [proc('sh', ['/bin/sh', '/bin/ash'], 'sh_0', { euser: ['root'], children: [proc('py', '/bin/py', 'py_0', { euser: ['root'] })] })], networkPolicy: network });
    expect(findDeviations(policy, [fp({ processes: tree, egress: [egress(['1.1.1.1/32'], [443], ['py_0'])] })])).toEqual([]);
  });
  it('lists new processes (with their path) and new network atoms', () => {
    const policy = policyOf({ processPolicy: tree, networkPolicy: network });
    const f = fp({
      name: 'web-7',
      processes: [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'], children: [proc('py', '/bin/py', 'py_0', { children: [proc('curl', '/usr/bin/curl', 'curl_0')] })] })],
      egress: [egress(['1.1.1.1/32', '2.2.2.2/32'], [443], ['py_0']), egress([{ dns: 'evil.example' }], [{ port: 8000, endPort: 8010 }], ['curl_0'])],
    });
    const [dev] = findDeviations(policy, [fp({ processes: tree }), f]);
    expect(dev?.fingerprintIndex).toBe(1);
    expect(dev?.name).toBe('web-7');
    expect(dev?.items).toEqual([
      { kind: 'process', path: ['sh', 'py', 'curl'], node: { name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }, parentId: 'py_0' },
      { kind: 'egress', peer: '2.2.2.2/32', port: 443, protocol: 'TCP', process: 'py_0' },
      { kind: 'egress', peer: 'evil.example', port: 8000, endPort: 8010, protocol: 'TCP', process: 'curl_0' },
    ]);
  });
  it('reports a changed node (new exe) without its children', () => {
    const policy = policyOf({ processPolicy: tree, networkPolicy: network });
    const [dev] = findDeviations(policy, [fp({ processes: [proc('sh', ['/bin/sh', '/usr/bin/sh'], 'sh_0', { euser: ['root'] })] })]);
    expect(dev?.items).toEqual([{ kind: 'process', path: ['sh'], node: { name: 'sh', exe: ['/bin/sh', '/usr/bin/sh'], id: 'sh_0', euser: ['root'] } }]);
  });
  it('fires the default response when no scoped action applies; audit mode marks them would-have', () => {
    const policy = policyOf({ processPolicy: tree, networkPolicy: network });
    const [dev] = findDeviations(policy, [fp({ processes: [proc('bash', '/bin/bash', 'bash_0', { euser: ['root'] })] })]);
    expect(dev?.actions).toEqual([{ action: 'makeRedFlag', severity: 'high', scoped: false, wouldHave: true, description: 'Red flag (high severity)' }]);
  });
  it('fires scoped actions whose selectors match, instead of the defaults (seed 001)', () => {
    const policy = policyOf({
      mode: 'enforce',
      processPolicy: tree,
      networkPolicy: network,
      response: {
        default: [{ makeRedFlag: { severity: 'high' } }],
        actions: [{ agentKillProcess: { podSelector: { matchLabels: { env: 'dev' } } } }, { agentKillPod: { podSelector: { matchLabels: { env: 'prod' } } } }],
      },
    });
    const [dev] = findDeviations(policy, [fp({ labels: { env: 'dev' }, processes: [proc('bash', '/bin/bash', 'bash_0', { euser: ['root'] })] })]);
    expect(dev?.actions).toEqual([{ action: 'agentKillProcess', scoped: true, wouldHave: false, description: 'Kill the process' }]);
  });
  it('by default skips fingerprints outside the policy\'s selectors or of the other type; a scope replaces that', () => {
    const policy = policyOf({ containerSelector: { image: 'docker.io/library/web:1.*' }, processPolicy: tree, networkPolicy: network });
    const outside = fp({ image: 'docker.io/library/web:2.0', processes: [proc('bash', '/bin/bash', 'bash_0', { euser: ['root'] })] });
    const service = fp({ type: 'linux-service', processes: [proc('bash', '/bin/bash', 'bash_0', { euser: ['root'] })] });
    expect(findDeviations(policy, [outside, service])).toEqual([]);
    expect(findDeviations(policy, [outside, service], { scope: () => true }).map((d) => d.fingerprintIndex)).toEqual([0]);
  });
  it('a deviation policyNode entry is not needed: new children under a known node are found by matching', () => {
    const policy = policyOf({ processPolicy: tree, networkPolicy: network });
    const f = fp({ processes: [proc('sh', '/bin/sh', 'x_9', { euser: ['root'], children: [proc('cat', '/bin/cat', 'cat_0')] })] });
    expect(findDeviations(policy, [f])[0]?.items).toEqual([
      { kind: 'process', path: ['sh', 'cat'], node: { name: 'cat', exe: ['/bin/cat'], id: 'cat_0' }, parentId: 'sh_0' },
    ]);
  });
});
