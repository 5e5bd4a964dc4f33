import { describe, expect, it } from 'vitest';
import type { GuardianDeviation, SpyderbatPolicy } from '../../engine/model/types.ts';
import { enforceImpact } from '../../engine/impact/index.ts';
import { actionsSentence, brokenRules, connectionsOf, kindOf, policySeverity, processChains, workloadOf } from './evidence.ts';

const dev = (spec: GuardianDeviation['spec'], type: GuardianDeviation['metadata']['type'] = 'container'): GuardianDeviation => ({
  apiVersion: 'spyderbat/v1',
  kind: 'GuardianDeviation',
  metadata: { type },
  spec,
});

const processDev = dev({
  processPolicy: [
    { policyNode: { id: 'java_0', children: [{ name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['spring'], children: [{ name: 'jcmd', exe: ['/opt/java/bin/jcmd'], id: 'jcmd_0' }] }] } },
  ],
});
const egressDev = dev({
  processPolicy: [{ policyNode: { id: 'python_0', children: [] } }],
  networkPolicy: { egress: [{ to: [{ ipBlock: { cidr: '203.0.113.9/32' } }, { dnsSelector: ['pool.example.com'] }], ports: [{ port: 3333, protocol: 'TCP' }], processes: ['python_0'] }] },
});
const imageDev = dev({ rules: [{ target: 'container::image', verb: 'allow', values: ['nginx:1.27'], namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } } }] }, 'cluster');

describe('deviation evidence', () => {
  it('names the kind and the workload', () => {
    expect([kindOf(processDev), kindOf(egressDev), kindOf(imageDev), kindOf(dev({}))]).toEqual(['process', 'egress', 'image', 'other']);
    expect(workloadOf('Process "bash" in container image "ghcr.io/acme/x:1" ns:"a" cluster:"b" deviated')).toBe('ghcr.io/acme/x:1');
  });

  it('shows the process chain under the known parent', () => {
    expect(processChains(processDev)).toEqual([
      [
        { id: 'java_0', name: 'java_0', exe: '', euser: '', known: true, depth: 0 },
        { id: 'bash_0', name: 'bash', exe: '/bin/bash', euser: 'spring', known: false, depth: 1 },
        { id: 'jcmd_0', name: 'jcmd', exe: '/opt/java/bin/jcmd', euser: '', known: false, depth: 2 },
      ],
    ]);
    expect(processChains(egressDev)).toEqual([]);
  });

  it('lists connections with peers, ports and processes', () => {
    expect(connectionsOf(egressDev)).toEqual([{ direction: 'egress', peers: ['203.0.113.9/32', 'pool.example.com'], ports: ['3333/TCP'], processes: ['python_0'] }]);
  });

  it('says which rule was broken', () => {
    expect(brokenRules(processDev, 'billing')).toEqual(['The process policy of "billing" has no child "bash" (/bin/bash, user spring) under "java_0".']);
    expect(brokenRules(egressDev, 'p')).toEqual(['No egress rule of "p" allows connections to 203.0.113.9/32, pool.example.com on 3333/TCP for process python_0.']);
    expect(brokenRules(imageDev, 'c')).toEqual(['No allow rule for container::image in the rulesets of "c" lists nginx:1.27 in namespace web.']);
  });

  const policy = (mode: 'audit' | 'enforce'): SpyderbatPolicy => ({
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'p', type: 'container' },
    spec: {
      mode,
      containerSelector: { image: '*' },
      processPolicy: [],
      networkPolicy: { ingress: [], egress: [] },
      response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [{ agentKillPod: {}, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } } }] },
    },
  });

  it('says what the response did, or would have done in audit mode', () => {
    const occ = { time: 1, checksum: 'a', namespace: 'prod' };
    const p = policy('audit');
    const impact = enforceImpact(p, [occ]);
    expect(actionsSentence(impact, 'audit')).toBe('Audit mode: would have killed the pod; nothing was done.');
    const dev2 = enforceImpact(p, [{ ...occ, namespace: 'dev' }]);
    expect(actionsSentence(dev2, 'enforce')).toBe('Enforce mode: raised a high red flag.');
    expect(policySeverity(p)).toBe('high');
    expect(policySeverity(undefined)).toBeNull();
  });
});
