import { describe, expect, it } from 'vitest';
import { egress, fp, ingress, policyOf, proc } from '../__fixtures__/spyderbat/builders.ts';
import { createPolicy } from './create-policy.ts';
import { formatNetwork } from './ip-blocks.ts';
import { mergeIntoPolicy } from './merge-policy.ts';
import { parseCidr } from '../match/cidr.ts';
import type { Network } from '../match/cidr.ts';

const sh = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] })];
const two = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'], children: [proc('curl', '/usr/bin/curl', 'curl_0')] })];

function egressOf(inputs: Parameters<typeof fp>[0][]): unknown {
  return createPolicy(inputs.map(fp), { name: 'p' }).policy.spec.networkPolicy.egress;
}

describe('network merge', () => {
  it('collapses single-port nodes for the same processes without comparing peers', () => {
    expect(egressOf([{ processes: sh, egress: [egress(['1.1.1.1/32'], [443], ['sh_0'])] }, { processes: sh, egress: [egress(['2.2.2.2/32'], [443], ['sh_0'])] }])).toEqual([
      egress(['1.1.1.1/32', '2.2.2.2/32'], [443], ['sh_0']),
    ]);
  });
  it('merges multi-port nodes only when their peers are contained', () => {
    const a = egress(['10.0.0.1/32'], [80, 443], ['sh_0']);
    expect(egressOf([{ processes: sh, egress: [a] }, { processes: sh, egress: [egress(['10.0.0.2/32'], [80, 443], ['sh_0'])] }])).toEqual([
      a,
      egress(['10.0.0.2/32'], [80, 443], ['sh_0']),
    ]);
    expect(egressOf([{ processes: sh, egress: [a] }, { processes: sh, egress: [egress(['10.0.0.1/32'], [443], ['sh_0'])] }])).toEqual([a]);
  });
  it('keeps the ports of a multi-port node folded into a single-port one (spyctl lost them)', () => {
    const result = egressOf([
      { processes: sh, egress: [egress(['10.0.0.1/32'], [443], ['sh_0'])] },
      { processes: sh, egress: [egress(['10.0.0.1/32'], [443, 8443], ['sh_0'])] },
    ]);
    expect(result).toEqual([egress(['10.0.0.1/32'], [443, 8443], ['sh_0'])]);
  });
  it('never widens ports: neighbouring ports and a range stay as written', () => {
    const result = egressOf([
      { processes: sh, egress: [egress(['10.0.0.1/32'], [80], ['sh_0'])] },
      { processes: sh, egress: [egress(['10.0.0.1/32'], [81], ['sh_0'])] },
    ]);
    expect(result).toEqual([egress(['10.0.0.1/32'], [80], ['sh_0']), egress(['10.0.0.1/32'], [81], ['sh_0'])]);
  });
  it('absorbs a /32 into a wider block, honouring except', () => {
    const wide = { to: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.9.0/24'] } }], processes: ['sh_0'], ports: [{ protocol: 'TCP', port: 443 }] };
    const result = egressOf([
      { processes: sh, egress: [wide] },
      { processes: sh, egress: [egress(['10.244.3.7/32', '10.244.9.9/32'], [443], ['sh_0'])] },
    ]);
    expect(result).toEqual([
      { to: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.9.0/24'] } }, { ipBlock: { cidr: '10.244.9.9/32' } }], processes: ['sh_0'], ports: [{ protocol: 'TCP', port: 443 }] },
    ]);
  });
  it('prints peers as one dnsSelector per name (sorted), then IPv4 numerically, then IPv6', () => {
    const peers = ['2001:db8::1/128', '10.244.7.110/32', { dns: 'b.example.com' }, '10.244.7.16/32', { dns: 'a.example.com' }];
    const result = egressOf([{ processes: sh, egress: [egress(peers, [443], ['sh_0'])] }, { processes: sh, egress: [] }]);
    expect(result).toEqual([
      egress([{ dns: 'a.example.com' }, { dns: 'b.example.com' }, '10.244.7.16/32', '10.244.7.110/32', '2001:db8::1/128'], [443], ['sh_0']),
    ]);
  });
  it('deduplicates DNS names by glob', () => {
    const result = egressOf([
      { processes: sh, egress: [egress([{ dns: '*.example.com' }], [443], ['sh_0'])] },
      { processes: sh, egress: [egress([{ dns: 'api.example.com' }], [443], ['sh_0'])] },
    ]);
    expect(result).toEqual([egress([{ dns: '*.example.com' }], [443], ['sh_0'])]);
  });
  it('maps the other side\'s process ids to the base ids before comparing', () => {
    const base = [proc('sh', '/bin/sh', 'shell_7', { euser: ['root'] })];
    const result = egressOf([
      { processes: base, egress: [egress(['1.1.1.1/32'], [443], ['shell_7'])] },
      { processes: sh, egress: [egress(['2.2.2.2/32'], [443], ['sh_0'])] },
    ]);
    expect(result).toEqual([egress(['1.1.1.1/32', '2.2.2.2/32'], [443], ['shell_7'])]);
  });
  it('keeps separate nodes for processes that are not comparable', () => {
    const result = egressOf([
      { processes: two, egress: [egress(['1.1.1.1/32'], [443], ['sh_0'])] },
      { processes: two, egress: [egress(['1.1.1.1/32'], [443], ['curl_0'])] },
    ]);
    expect(result).toEqual([egress(['1.1.1.1/32'], [443], ['sh_0']), egress(['1.1.1.1/32'], [443], ['curl_0'])]);
  });
  it('a node without processes allows any process and stays so on merge (spyctl narrowed it)', () => {
    const policy = policyOf({ processPolicy: sh, networkPolicy: { ingress: [], egress: [egress(['1.1.1.1/32'], [443])] } });
    const res = mergeIntoPolicy(policy, [fp({ processes: sh, egress: [egress(['1.1.1.1/32'], [443], ['sh_0'])] })]);
    expect(res.changed).toBe(false);
    const wider = mergeIntoPolicy(policy, [fp({ processes: sh, egress: [egress(['3.3.3.3/32'], [443], ['sh_0'])] })]);
    expect(wider.policy.spec.networkPolicy.egress).toEqual([egress(['1.1.1.1/32', '3.3.3.3/32'], [443])]);
  });
});

describe('network options', () => {
  const fpWithPeers = fp({
    processes: sh,
    egress: [egress(['10.0.0.5/32', '8.8.8.8/32', { dns: 'db.svc.local' }, { dns: 'example.com' }], [443], ['sh_0'])],
    ingress: [ingress(['192.168.1.1/32'], [80], ['sh_0'])],
  });
  it('disablePrivateConnections drops private IPs and .local names', () => {
    const res = mergeIntoPolicy(policyOf({ processPolicy: sh, disablePrivateConnections: 'all' }), [fpWithPeers]);
    expect(res.policy.spec.networkPolicy).toEqual({ ingress: [], egress: [egress([{ dns: 'example.com' }, '8.8.8.8/32'], [443], ['sh_0'])] });
  });
  it('disablePublicConnections: egress keeps only private peers there', () => {
    const res = mergeIntoPolicy(policyOf({ processPolicy: sh, disablePublicConnections: 'egress' }), [fpWithPeers]);
    expect(res.policy.spec.networkPolicy.egress).toEqual([egress([{ dns: 'db.svc.local' }, '10.0.0.5/32'], [443], ['sh_0'])]);
    expect(res.policy.spec.networkPolicy.ingress).toEqual([ingress(['192.168.1.1/32'], [80], ['sh_0'])]);
  });
  it('disableConnections empties the lists it names', () => {
    const res = mergeIntoPolicy(policyOf({ processPolicy: sh, disableConnections: 'ingress' }), [fpWithPeers]);
    expect(res.policy.spec.networkPolicy.ingress).toEqual([]);
    expect(res.policy.spec.networkPolicy.egress).toHaveLength(1);
  });
  it('disableProcesses empties processPolicy and drops process scoping', () => {
    const res = mergeIntoPolicy(policyOf({ processPolicy: sh, disableProcesses: 'all' }), [fpWithPeers]);
    expect(res.policy.spec.processPolicy).toEqual([]);
    expect(res.policy.spec.networkPolicy.ingress).toEqual([ingress(['192.168.1.1/32'], [80])]);
  });
});

describe('CIDR text', () => {
  it('prints networks as Python does', () => {
    const net = (c: string): Network => parseCidr(c) as Network;
    expect(formatNetwork(net('2001:0db8:0000:0000:0000:0000:0000:0001/128'))).toBe('2001:db8::1/128');
    expect(formatNetwork(net('2001:db8:0:1:0:0:0:0/64'))).toBe('2001:db8:0:1::/64');
    expect(formatNetwork(net('10.0.0.1'))).toBe('10.0.0.1/32');
  });
});
