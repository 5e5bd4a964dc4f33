import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EgressRule, IngressRule, Peer, PortRange, ProcessNode, WorkloadIdentity, WorkloadPolicy } from '../model/types.ts';
import { fnmatch } from '../match/fnmatch.ts';
import { ipInCidr } from '../match/cidr.ts';
import { EventEvaluator } from './evaluator.ts';
import { eventFromPolicy, treePaths } from './generate-events.ts';
import { mulberry32, sampleGlob, sampleIp } from './sample.ts';

interface RawNode {
  name: string;
  exe: string[];
  euser: string[] | undefined;
  children: RawNode[];
}

const name = fc.constantFrom('sh', 'python', 'py*', 'node', 'n?de', '[ab]sh', 'java', 'x[!y]z');
const exe = fc.constantFrom('/bin/sh', '/usr/bin/*', '/opt/app/bin/x?', '/usr/local/bin/python3.1[01]', '/bin/[!a]ash');
const euser = fc.option(fc.array(fc.constantFrom('root', 'app', 'www-*', 'svc?'), { minLength: 1, maxLength: 3 }), { nil: undefined });

const node: fc.Memo<RawNode> = fc.memo((depth) =>
  fc.record({
    name,
    exe: fc.array(exe, { minLength: 1, maxLength: 3 }),
    euser,
    children: depth <= 1 ? fc.constant([]) : fc.array(node(depth - 1), { maxLength: 3 }),
  }),
);

function withIds(raw: RawNode[]): ProcessNode[] {
  let n = 0;
  const convert = (r: RawNode): ProcessNode => ({
    name: r.name,
    exe: r.exe,
    id: `n${n++}`,
    ...(r.euser !== undefined ? { euser: r.euser } : {}),
    ...(r.children.length > 0 ? { children: r.children.map(convert) } : {}),
  });
  return raw.map(convert);
}

const peer: fc.Arbitrary<Peer> = fc.constantFrom<Peer>(
  { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.0/24'] } },
  { ipBlock: { cidr: '192.168.1.0/24' } },
  { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
  { ipBlock: { cidr: '203.0.113.7/32' } },
  { ipBlock: { cidr: 'fd00::/8', except: ['fd00:1::/32'] } },
  { ipBlock: { cidr: '2001:db8::1/128' } },
  { dnsSelector: ['a.example.com', '*.svc.cluster.local'] },
  { dnsSelector: ['db-?.internal'] },
  { dnsSelector: ['x[0-9].net', 'printer.local'] },
);

const port: fc.Arbitrary<PortRange> = fc
  .record({ port: fc.integer({ min: 0, max: 65535 }), protocol: fc.constantFrom<'TCP' | 'UDP'>('TCP', 'UDP'), span: fc.option(fc.integer({ min: 1, max: 500 })) })
  .map(({ port: p, protocol, span }) => (span === null ? { port: p, protocol } : { port: p, protocol, endPort: Math.min(65535, p + span) }));

const rule = fc.record({
  peers: fc.array(peer, { minLength: 1, maxLength: 3 }),
  ports: fc.array(port, { minLength: 1, maxLength: 3 }),
  processes: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
});

const policyArb = fc
  .record({
    roots: fc.array(node(3), { minLength: 1, maxLength: 3 }),
    ingress: fc.array(rule, { maxLength: 3 }),
    egress: fc.array(rule, { maxLength: 3 }),
    mode: fc.constantFrom<'audit' | 'enforce'>('audit', 'enforce'),
  })
  .map(({ roots, ingress, egress, mode }): WorkloadPolicy => {
    const processPolicy = withIds(roots);
    const ids = treePaths(processPolicy).map((p) => p[p.length - 1]?.node.id ?? '');
    const procs = (sel: number[] | undefined): { processes?: string[] } =>
      sel === undefined ? {} : { processes: [...new Set(sel.map((i) => ids[i % ids.length] ?? ''))] };
    return {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatPolicy',
      metadata: { name: 'generated', type: 'container' },
      spec: {
        containerSelector: { image: 'img:*' },
        mode,
        processPolicy,
        networkPolicy: {
          ingress: ingress.map((r): IngressRule => ({ from: r.peers, ports: r.ports, ...procs(r.processes) })),
          egress: egress.map((r): EgressRule => ({ to: r.peers, ports: r.ports, ...procs(r.processes) })),
        },
        response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] },
      },
    };
  });

const workload: WorkloadIdentity = { type: 'container', container: { image: 'img:1.0' } };

describe('property: events drawn from a policy are allowed by it', () => {
  it('process and connection events sampled from the tree and rules never deviate', () => {
    fc.assert(
      fc.property(policyArb, fc.integer(), (policy, seed) => {
        const rng = mulberry32(seed);
        const ev = new EventEvaluator([policy]);
        for (let i = 0; i < 30; i++) {
          const e = eventFromPolicy(policy, workload, rng, i % 2 === 0 ? 'process' : 'connection');
          if (e === null) continue;
          const v = ev.evaluate(e);
          expect(v.covered).toBe(true);
          if (v.deviation) expect.fail(`deviation for ${JSON.stringify(e)}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('samplers', () => {
  it('sampleGlob yields strings the glob matches', () => {
    fc.assert(
      fc.property(fc.constantFrom('py*', 'n?de', '[ab]sh', 'x[!y]z', '*.svc.cluster.local', 'a[0-9]b*c?', 'plain'), fc.integer(), (g, seed) => {
        expect(fnmatch(sampleGlob(g, mulberry32(seed)), g)).toBe(true);
      }),
    );
  });

  it('sampleIp stays inside the block and out of its excepts', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 200; i++) {
      const ip = sampleIp({ cidr: '10.0.0.0/14', except: ['10.1.0.0/16'] }, rng) ?? '';
      expect(ipInCidr(ip, '10.0.0.0/14')).toBe(true);
      expect(ipInCidr(ip, '10.1.0.0/16')).toBe(false);
      expect(ipInCidr(sampleIp({ cidr: 'fd00::/8', except: ['fd00::/9'] }, rng) ?? '', 'fd80::/9')).toBe(true);
    }
    expect(sampleIp({ cidr: '10.0.0.0/24', except: ['10.0.0.0/24'] }, rng)).toBeNull();
  });

  it('mulberry32 is deterministic', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});
