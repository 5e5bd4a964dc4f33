import { describe, expect, it } from 'vitest';
import { findDeviations, mergeIntoPolicy } from '../../../engine/index.ts';
import type { ProcessNode, WorkloadPolicy } from '../../../engine/model/types.ts';
import { candidatesFromItems, candidatesFromRecords, chainTo, draftShape, peerOf, recordToInput } from './merge-input.ts';
import { deviatingFingerprint, nginxPolicy, shRecord } from './test-fixtures.ts';

function node(policy: WorkloadPolicy, path: string[]): ProcessNode | undefined {
  let level: ProcessNode[] = policy.spec.processPolicy;
  let found: ProcessNode | undefined;
  for (const name of path) {
    found = level.find((n) => n.name === name);
    if (found === undefined) return undefined;
    level = found.children ?? [];
  }
  return found;
}

function items() {
  const policy = nginxPolicy();
  const [dev] = findDeviations(policy, [deviatingFingerprint()]);
  return { policy, items: dev?.items ?? [] };
}

describe('peerOf', () => {
  it('tells CIDRs and bare IPs from DNS names', () => {
    expect(peerOf('10.9.9.9/32')).toEqual({ ipBlock: { cidr: '10.9.9.9/32' } });
    expect(peerOf('10.9.9.9')).toEqual({ ipBlock: { cidr: '10.9.9.9/32' } });
    expect(peerOf('2001:db8::1')).toEqual({ ipBlock: { cidr: '2001:db8::1/128' } });
    expect(peerOf('api.example.com')).toEqual({ dnsSelector: ['api.example.com'] });
    expect(peerOf('*.example.com')).toEqual({ dnsSelector: ['*.example.com'] });
  });
});

describe('candidatesFromItems: one merge input per deviation item', () => {
  it('puts a new process under its existing parent (policyNode), and only that process', () => {
    const { policy, items: found } = items();
    const cands = candidatesFromItems(found, draftShape(policy), 'web-1');
    expect(cands.map((c) => c.kind)).toEqual(['process', 'ingress', 'egress']);
    const proc = cands[0];
    expect(proc?.input.spec.processPolicy).toEqual([{ policyNode: { id: 'nginx_1', children: [expect.objectContaining({ name: 'sh', id: 'sh_0' })] } }]);
    expect(proc?.title).toBe('process sh (/bin/sh) under nginx_1 with 1 child process');
    expect(proc?.note).toBe('Added process sh from web-1');
    const merged = mergeIntoPolicy(policy, [proc?.input as NonNullable<typeof proc>['input']]);
    expect(merged.changed).toBe(true);
    expect(node(merged.policy, ['nginx', 'nginx', 'sh', 'curl'])).toBeDefined();
    expect(merged.policy.spec.processPolicy).toHaveLength(1);
    expect(merged.policy.spec.networkPolicy.egress).toEqual([]);
    expect(merged.warnings).toEqual([]);
  });

  it('adds a new ingress peer to the existing process, nothing else', () => {
    const { policy, items: found } = items();
    const ingress = candidatesFromItems(found, draftShape(policy), 'web-1')[1];
    expect(ingress?.title).toBe('ingress from 10.9.9.9/32:443/TCP by nginx_1');
    const merged = mergeIntoPolicy(policy, [ingress?.input as NonNullable<typeof ingress>['input']]);
    expect(merged.changed).toBe(true);
    const peers = merged.policy.spec.networkPolicy.ingress.flatMap((r) => r.from.map((p) => ('ipBlock' in p ? p.ipBlock.cidr : '')));
    expect(peers).toContain('10.9.9.9/32');
    expect(node(merged.policy, ['nginx', 'nginx', 'sh'])).toBeUndefined();
  });

  it('carries a new process along with the connection it made', () => {
    const { policy, items: found } = items();
    const egress = candidatesFromItems(found, draftShape(policy), 'web-1')[2];
    expect(egress?.title).toBe('egress to api.example.com:443/TCP by curl_0 (with its new process sh)');
    const merged = mergeIntoPolicy(policy, [egress?.input as NonNullable<typeof egress>['input']]);
    const curl = node(merged.policy, ['nginx', 'nginx', 'sh', 'curl']);
    expect(curl).toBeDefined();
    const rule = merged.policy.spec.networkPolicy.egress[0];
    expect(rule?.to).toEqual([{ dnsSelector: ['api.example.com'] }]);
    expect(rule?.processes).toEqual([curl?.id]);
  });

  it('merged one after another, the items give the same policy as merging the fingerprint', () => {
    const { policy, items: found } = items();
    const cands = candidatesFromItems(found, draftShape(policy), 'web-1');
    let p = policy;
    for (const c of cands) p = mergeIntoPolicy(p, [c.input]).policy;
    const whole = mergeIntoPolicy(policy, [deviatingFingerprint()]).policy;
    expect(findDeviations(p, [deviatingFingerprint()])).toEqual([]);
    expect(p.spec.processPolicy).toEqual(whole.spec.processPolicy);
  });

  it('addresses the draft by uid so the merge does not skip it', () => {
    const policy = nginxPolicy({ uid: 'pol:abc' });
    const [dev] = findDeviations(policy, [deviatingFingerprint()]);
    const cands = candidatesFromItems(dev?.items ?? [], draftShape(policy), 'web-1');
    expect(cands[0]?.input.metadata).toEqual({ type: 'container', policy_uid: 'pol:abc' });
    expect(mergeIntoPolicy(policy, [cands[0]?.input as NonNullable<(typeof cands)[0]>['input']]).changed).toBe(true);
  });
});

describe('recorded deviations re-addressed to the draft', () => {
  it('keeps a policyNode the draft has, and takes the draft uid', () => {
    const policy = nginxPolicy({ uid: 'pol:draft' });
    const input = recordToInput(shRecord(), draftShape(policy), nginxPolicy({ uid: 'pol:nginx' }));
    expect(input.metadata.policy_uid).toBe('pol:draft');
    expect(input.spec.processPolicy).toEqual(shRecord().deviation.spec.processPolicy);
    const merged = mergeIntoPolicy(policy, [input]);
    expect(merged.changed).toBe(true);
    const sh = node(merged.policy, ['nginx', 'nginx', 'sh']);
    expect(sh).toBeDefined();
    expect(merged.policy.spec.networkPolicy.egress[0]?.processes).toEqual([sh?.id]);
  });

  it('expands a policyNode the draft lacks into the chain of the policy that recorded it', () => {
    const draft = nginxPolicy();
    draft.spec.processPolicy = [{ ...(draft.spec.processPolicy[0] as ProcessNode), id: 'web_0', children: [{ name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'web_1' }] }];
    const input = recordToInput(shRecord(), draftShape(draft), nginxPolicy({ uid: 'pol:nginx' }));
    const entry = input.spec.processPolicy?.[0] as ProcessNode;
    expect(entry.id).toBe('nginx_0');
    expect(entry.children?.[0]?.children?.[0]?.name).toBe('sh');
    const merged = mergeIntoPolicy(draft, [input]);
    expect(merged.changed).toBe(true);
    expect(node(merged.policy, ['nginx', 'nginx', 'sh'])).toBeDefined();
    expect(merged.policy.spec.processPolicy).toHaveLength(1);
  });

  it('lists one candidate per record with its kind and a note', () => {
    const [c] = candidatesFromRecords([shRecord()], draftShape(nginxPolicy()), [nginxPolicy({ uid: 'pol:nginx' })], 'web-1');
    expect(c).toMatchObject({ kind: 'process', key: 'dev-1', note: 'Added recorded deviation c0ffee00 from web-1' });
  });
});

describe('chainTo', () => {
  it('returns the nodes from the root down to the id, without other children', () => {
    const chain = chainTo(nginxPolicy().spec.processPolicy, 'nginx_1');
    expect(chain?.map((n) => n.id)).toEqual(['nginx_0', 'nginx_1']);
    expect(chain?.[0]?.children).toBeUndefined();
    expect(chainTo(nginxPolicy().spec.processPolicy, 'missing')).toBeNull();
  });
});
