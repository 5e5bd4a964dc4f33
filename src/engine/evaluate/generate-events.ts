/**
 * Deterministic synthetic events for benchmarks and tests (no Math.random).
 * `eventFromPolicy` samples an event the policy allows (a path of its process
 * tree, or a connection its network rules allow); `generateEvents` draws a
 * stream over a generated fleet with a given share of deviations.
 */
import type { EgressRule, IngressRule, Peer, ProcessNode, WorkloadIdentity, WorkloadPolicy } from '../model/types.ts';
import type { ProcessInfo } from '../match/selectors.ts';
import type { GeneratedFleet } from './generate-policies.ts';
import type { Rng } from './sample.ts';
import { mulberry32, pick, randInt, sampleGlob, sampleIp } from './sample.ts';
import type { EngineEvent, EventConnection } from './types.ts';

export { generatePolicies } from './generate-policies.ts';
export type { GeneratedFleet } from './generate-policies.ts';
export { mulberry32, sampleGlob, sampleIp } from './sample.ts';

interface PathEntry {
  node: ProcessNode;
  euser: readonly string[] | undefined;
}

/** Every root → node path of a tree, with effective eusers. */
export function treePaths(roots: readonly ProcessNode[]): PathEntry[][] {
  const out: PathEntry[][] = [];
  const walk = (n: ProcessNode, prefix: PathEntry[], inherited: readonly string[] | undefined): void => {
    const path = [...prefix, { node: n, euser: n.euser ?? inherited }];
    out.push(path);
    for (const c of n.children ?? []) walk(c, path, n.euser ?? inherited);
  };
  for (const r of roots) walk(r, [], undefined);
  return out;
}

function chainOf(path: readonly PathEntry[], rng: Rng): ProcessInfo[] {
  return path.map(({ node, euser }) => ({
    name: sampleGlob(node.name, rng),
    exe: sampleGlob(node.exe.length > 0 ? pick(rng, node.exe) : '/bin/unknown', rng),
    euser: euser !== undefined && euser.length > 0 ? sampleGlob(pick(rng, euser), rng) : 'root',
  }));
}

function peerTarget(peer: Peer, rng: Rng): { ip?: string; dns?: string } | null {
  if ('ipBlock' in peer) {
    const ip = sampleIp(peer.ipBlock, rng);
    return ip === null ? null : { ip };
  }
  if (peer.dnsSelector.length === 0) return null;
  return { dns: sampleGlob(pick(rng, peer.dnsSelector), rng) };
}

/** An event the policy allows, for `workload` (null when the policy allows nothing of that kind). */
export function eventFromPolicy(
  policy: WorkloadPolicy,
  workload: WorkloadIdentity,
  rng: Rng,
  kind: 'process' | 'connection',
  time = 0,
): EngineEvent | null {
  const paths = treePaths(policy.spec.processPolicy);
  if (kind === 'process') {
    if (paths.length === 0) return null;
    return { time, workload, kind, process: { chain: chainOf(pick(rng, paths), rng) } };
  }
  const net = policy.spec.networkPolicy;
  const rules: { direction: 'ingress' | 'egress'; rule: IngressRule | EgressRule; peers: Peer[] }[] = [
    ...net.ingress.map((rule) => ({ direction: 'ingress' as const, rule, peers: rule.from })),
    ...net.egress.map((rule) => ({ direction: 'egress' as const, rule, peers: rule.to })),
  ];
  for (let attempt = 0; attempt < 8 && rules.length > 0; attempt++) {
    const { direction, rule, peers } = pick(rng, rules);
    if (peers.length === 0 || rule.ports.length === 0) continue;
    const target = peerTarget(pick(rng, peers), rng);
    if (target === null) continue;
    let candidates = paths;
    if (rule.processes !== undefined) {
      const ids = new Set(rule.processes);
      candidates = paths.filter((p) => ids.has(p[p.length - 1]?.node.id ?? ''));
    }
    if (candidates.length === 0) continue;
    const range = pick(rng, rule.ports);
    const connection: EventConnection = {
      direction,
      ...target,
      port: randInt(rng, range.port, range.endPort ?? range.port),
      protocol: range.protocol,
    };
    return { time, workload, kind, process: { chain: chainOf(pick(rng, candidates), rng) }, connection };
  }
  return null;
}

export interface EventGenOptions {
  seed?: number;
  /** Share of events made to deviate (default 0.01). */
  deviationRate?: number;
  /** Share of connection events (default 0.4). */
  connectionRate?: number;
  /** Share of events from workloads no generated policy covers (default 0). */
  uncoveredRate?: number;
  startTime?: number;
}

const UNCOVERED: WorkloadIdentity = { type: 'container', container: { image: 'docker.io/library/unknown:latest' } };

/** Make an allowed event deviate: an unknown leaf executable, or a connection to an unexpected port. */
function deviate(e: EngineEvent): EngineEvent {
  if (e.connection !== undefined) {
    return { ...e, connection: { ...e.connection, ip: '203.0.113.7', port: 4444, protocol: 'TCP' } };
  }
  const chain = e.process.chain.map((p, i, all) => (i === all.length - 1 ? { ...p, exe: '/tmp/.cache/xmrig' } : p));
  return { ...e, process: { chain } };
}

/** `m` events over the fleet's workloads (seeded, deterministic). */
export function* generateEvents(fleet: GeneratedFleet, m: number, opts: EventGenOptions = {}): Generator<EngineEvent> {
  const rng = mulberry32(opts.seed ?? 7);
  const deviationRate = opts.deviationRate ?? 0.01;
  const connectionRate = opts.connectionRate ?? 0.4;
  const uncoveredRate = opts.uncoveredRate ?? 0;
  const start = opts.startTime ?? 1_700_000_000;
  for (let i = 0; i < m; i++) {
    const time = start + i / 1000;
    const kind = rng() < connectionRate ? 'connection' : 'process';
    if (rng() < uncoveredRate) {
      yield { time, workload: UNCOVERED, kind: 'process', process: { chain: [{ name: 'sh', exe: '/bin/sh', euser: 'root' }] } };
      continue;
    }
    const w = randInt(rng, 0, fleet.workloads.length - 1);
    const policy = fleet.policies[fleet.owners[w] ?? 0];
    const workload = fleet.workloads[w];
    if (policy === undefined || workload === undefined) return;
    const e = eventFromPolicy(policy, workload, rng, kind, time) ?? eventFromPolicy(policy, workload, rng, 'process', time);
    if (e === null) continue;
    yield rng() < deviationRate ? deviate(e) : e;
  }
}

/** NDJSON text lines for events. */
export function toNdjsonLines(events: Iterable<EngineEvent>): string[] {
  const out: string[] = [];
  for (const e of events) out.push(JSON.stringify(e));
  return out;
}
