/**
 * Properties of create / merge / diff / deviations over generated fingerprints
 * (fast-check): a policy covers the fingerprints it was made from; merging is
 * idempotent; a policy diffed with itself is unchanged; the cheap "would this
 * change the policy?" check agrees with a real merge; odd input never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessNode, SpyderbatFingerprint } from '../model/types.ts';
import { createPolicy } from './create-policy.ts';
import { diffPolicy } from './diff-policy.ts';
import { findDeviations } from './find-deviations.ts';
import { jsonEqual } from './inputs.ts';
import type { Json } from './inputs.ts';
import { mergeIntoPolicy } from './merge-policy.ts';
import { MergeState } from './merge-state.ts';

/** A template tree: index, name, exe, parent index. Names and exes are distinct among siblings. */
const TEMPLATE: readonly [string, string, number][] = [
  ['sh', '/bin/sh', -1],
  ['nginx', '/usr/sbin/nginx', -1],
  ['python3', '/usr/bin/python3', 0],
  ['curl', '/usr/bin/curl', 2],
  ['cat', '/bin/cat', 0],
  ['nginx', '/usr/sbin/nginx', 1],
  ['iptables', '/usr/sbin/iptables-legacy', 0],
  ['ip6tables', '/usr/sbin/iptables-legacy', 4],
  ['git', '/usr/bin/git', 2],
];
const USERS = ['root', 'app', 'www-data'];
const PEERS = ['10.0.0.1/32', '10.0.0.2/32', '10.1.0.0/24', '10.1.0.9/32', '192.168.0.7/32', '2001:db8::5/128', 'pypi.org', 'db.svc.local', '*.example.com', 'api.example.com'];

const nodeChoice = fc.record({
  present: fc.boolean(),
  users: fc.subarray(USERS, { minLength: 1, maxLength: 2 }),
  extraExe: fc.boolean(),
  socket: fc.option(fc.constantFrom(80, 443, 8080), { nil: undefined }),
});

const netNode = fc.record({
  egress: fc.boolean(),
  peers: fc.subarray(PEERS, { minLength: 1, maxLength: 3 }),
  ports: fc.subarray([80, 443, 5432], { minLength: 1, maxLength: 2 }),
  procs: fc.array(fc.nat(TEMPLATE.length - 1), { minLength: 1, maxLength: 2 }),
});

const fingerprint = fc
  .record({
    tag: fc.constantFrom('1.25', '1.27', 'latest'),
    nodes: fc.array(nodeChoice, { minLength: TEMPLATE.length, maxLength: TEMPLATE.length }),
    net: fc.array(netNode, { maxLength: 4 }),
  })
  .map(({ tag, nodes, net }): SpyderbatFingerprint => {
    const built = new Map<number, ProcessNode>();
    const roots: ProcessNode[] = [];
    TEMPLATE.forEach(([name, exe, parent], i) => {
      const c = nodes[i];
      if (c === undefined || (!c.present && i > 0)) return;
      const up = parent >= 0 ? built.get(parent) : undefined;
      if (parent >= 0 && up === undefined) return;
      const node: ProcessNode = { name, exe: c.extraExe ? [exe, `/opt/${name}`] : [exe], id: `${name}_${i}` };
      if (up === undefined || c.users.join() !== (up.euser ?? []).join() || i % 3 === 0) node.euser = [...c.users];
      if (c.socket !== undefined) node.listeningSockets = [{ port: c.socket, protocol: 'TCP' }];
      built.set(i, node);
      if (up === undefined) roots.push(node);
      else (up.children ??= []).push(node);
    });
    const ids = [...built.values()].map((n) => n.id);
    const lists = { ingress: [] as unknown[], egress: [] as unknown[] };
    for (const n of net) {
      const peers = n.peers.map((p) => (/^[0-9a-f:.]+\/\d+$/.test(p) ? { ipBlock: { cidr: p } } : { dnsSelector: [p] }));
      const processes = [...new Set(n.procs.map((k) => ids[k % ids.length] as string))];
      const ports = n.ports.map((port) => ({ protocol: 'TCP', port }));
      (n.egress ? lists.egress : lists.ingress).push(n.egress ? { to: peers, processes, ports } : { from: peers, processes, ports });
    }
    const image = `docker.io/library/web:${tag}`;
    return {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatFingerprint',
      metadata: { name: image, type: 'container' },
      spec: { containerSelector: { image }, processPolicy: roots, networkPolicy: lists } as unknown as SpyderbatFingerprint['spec'],
    };
  });

const RUNS = { numRuns: 150 };

describe('merge properties', () => {
  it('(a) a policy created from fingerprints has no deviations against them', () => {
    fc.assert(
      fc.property(fc.array(fingerprint, { minLength: 1, maxLength: 5 }), (fps) => {
        const { policy } = createPolicy(fps, { name: 'p' });
        expect(findDeviations(policy, fps)).toEqual([]);
      }),
      RUNS,
    );
  });
  it('(b) merging the same fingerprint twice changes nothing the second time', () => {
    fc.assert(
      fc.property(fingerprint, fingerprint, (base, f) => {
        const { policy } = createPolicy([base], { name: 'p' });
        const once = mergeIntoPolicy(policy, [f]).policy;
        expect(mergeIntoPolicy(once, [f]).changed).toBe(false);
      }),
      RUNS,
    );
  });
  it('(c) a normalised policy diffed with itself is unchanged', () => {
    fc.assert(
      fc.property(fc.array(fingerprint, { minLength: 2, maxLength: 4 }), (fps) => {
        const { policy } = createPolicy(fps, { name: 'p' });
        const res = diffPolicy(policy, [policy]);
        expect(res.changed).toBe(false);
        expect(res.text).toBe('');
      }),
      RUNS,
    );
  });
  it('the cheap no-change check agrees with a real merge', () => {
    fc.assert(
      fc.property(fc.array(fingerprint, { minLength: 1, maxLength: 3 }), fingerprint, (fps, f) => {
        const { policy } = createPolicy(fps, { name: 'p' });
        const normal = new MergeState(policy as unknown as Json);
        normal.merge({ kind: 'SpyderbatFingerprint', metadata: { type: 'container' }, spec: { processPolicy: [], networkPolicy: { ingress: [], egress: [] } } }, false);
        const before = normal.toData().spec as Json;
        const full = new MergeState(normal.toData());
        full.merge(f as unknown as Json, false);
        const after = full.toData().spec as Json;
        const changed = !jsonEqual(before.processPolicy, after.processPolicy) || !jsonEqual(before.networkPolicy, after.networkPolicy);
        expect(normal.wouldChange(f as unknown as Json)).toBe(changed);
      }),
      RUNS,
    );
  });
  it('never throws on odd but well-formed input', () => {
    const junk = fc.anything({ maxDepth: 4 });
    const oddFp = fc.record({ processPolicy: junk, networkPolicy: fc.record({ ingress: junk, egress: junk }), containerSelector: junk }).map((spec) => ({
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatFingerprint',
      metadata: { name: 'x', type: 'container' },
      spec,
    }));
    fc.assert(
      fc.property(fingerprint, oddFp, (base, odd) => {
        const { policy } = createPolicy([base], { name: 'p' });
        expect(() => mergeIntoPolicy(policy, [odd as never])).not.toThrow();
        expect(() => createPolicy([base, odd as never], { name: 'p' })).not.toThrow();
        expect(() => diffPolicy(policy, [odd as never])).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
