/**
 * Streaming evaluation of process / connection events against workload
 * policies (format in ./types.ts).
 *
 * - Only enabled container / linux-service policies are evaluated; cluster
 *   policies need their rulesets and are left to the ruleset evaluator.
 * - A policy covers an event when its selectors match the event's workload
 *   (see match/selectors.ts) and its type equals the workload's type.
 * - Process event: the chain must match a path of the process tree
 *   (compile-process.ts) unless `disableProcesses: all`.
 * - Connection event: allowed by `disableConnections` / `disablePrivate…` /
 *   `disablePublic…` for its direction, or by a network rule
 *   (compile-network.ts). When some rule of that direction has `processes`,
 *   the chain is matched to find the leaf's node (and `processPath` is set);
 *   when the leaf can match several nodes, each is tried. A connection event
 *   does not report process deviations.
 * - Counters: process nodes count process-event matches (every node on the
 *   matched path); network rules count the connections they allowed.
 *
 * `evaluate()` returns a verdict object that is REUSED by the next call (no
 * allocation per allowed event); keep one with {@link cloneVerdict}.
 */
import type { SpyderbatPolicy } from '../model/types.ts';
import type { ProcessInfo } from '../match/selectors.ts';
import type { Network } from '../match/cidr.ts';
import { isPrivateNetwork, parseIp } from '../match/cidr.ts';
import { firedActions } from './actions.ts';
import type { ChainMatchState, CompiledNode } from './compile-process.ts';
import { allLeafMatches, matchChain } from './compile-process.ts';
import type { CompiledPeer, ConnectionProbe } from './compile-network.ts';
import { matchConnection, parseIpv4 } from './compile-network.ts';
import type { CompiledPolicy } from './policy-index.ts';
import { compilePolicy, isEvaluable, PolicyIndex } from './policy-index.ts';
import { coverageOf } from './summary.ts';
import type {
  DefaultActionsMode,
  EngineEvent,
  EvaluationSummary,
  EvaluatorOptions,
  EventConnection,
  EventVerdict,
  PolicyVerdict,
} from './types.ts';

const NO_ACTIONS: readonly never[] = Object.freeze([]);
const CACHE_LIMIT = 4096;

function blankVerdict(): PolicyVerdict {
  return {
    policyIndex: -1,
    name: '',
    uid: undefined,
    mode: 'audit',
    allowed: true,
    deviation: null,
    skipped: null,
    processPath: null,
    deviationDepth: -1,
    networkRule: null,
    actions: NO_ACTIONS,
  };
}

export class EventEvaluator {
  private readonly compiled: CompiledPolicy[];
  private readonly index: PolicyIndex;
  private readonly candidates: CompiledPolicy[] = [];
  private readonly pool: PolicyVerdict[] = [];
  private readonly verdict: EventVerdict;
  private readonly state: ChainMatchState = { depth: 0, node: null };
  private readonly probe: ConnectionProbe = { ip4: -1, ip6: null, dns: undefined, leaf: -1 };
  private readonly privateCache = new Map<string, boolean>();
  private readonly v6Cache = new Map<string, Network | null>();
  private readonly counts = { events: 0, processEvents: 0, connectionEvents: 0, uncovered: 0, allowed: 0, deviations: 0 };

  private readonly defaultActions: DefaultActionsMode;

  constructor(policies: readonly SpyderbatPolicy[], opts: EvaluatorOptions = {}) {
    this.defaultActions = opts.defaultActions ?? 'fallback';
    this.compiled = [];
    policies.forEach((p, i) => {
      if (isEvaluable(p)) this.compiled.push(compilePolicy(p, i));
    });
    this.index = new PolicyIndex(this.compiled);
    this.verdict = { event: undefined as unknown as EngineEvent, covered: false, deviation: false, policies: [] };
  }

  /** Policies checked for every event whatever its workload (no `In` constraint to index them by). */
  get residualPolicies(): number {
    return this.index.residualSize;
  }

  evaluate(event: EngineEvent): EventVerdict {
    const v = this.verdict;
    const c = this.counts;
    v.event = event;
    v.deviation = false;
    c.events += 1;
    const conn = event.kind === 'connection' ? event.connection : undefined;
    if (conn !== undefined) c.connectionEvents += 1;
    else c.processEvents += 1;
    const cands = this.candidates;
    const policies = v.policies;
    const n = this.index.lookup(event.workload, cands);
    v.covered = n > 0;
    if (n === 0) {
      if (policies.length !== 0) policies.length = 0;
      c.uncovered += 1;
      return v;
    }
    if (conn !== undefined) this.prepareProbe(conn);
    let privacy = -1;
    for (let i = 0; i < n; i++) {
      const p = cands[i] as CompiledPolicy;
      let pv = this.pool[i];
      if (pv === undefined) this.pool.push((pv = blankVerdict()));
      pv.policyIndex = p.index;
      pv.name = p.name;
      pv.uid = p.uid;
      pv.mode = p.mode;
      pv.allowed = true;
      pv.deviation = null;
      pv.skipped = null;
      pv.processPath = null;
      pv.deviationDepth = -1;
      pv.networkRule = null;
      pv.actions = NO_ACTIONS;
      p.events += 1;
      if (conn === undefined) {
        this.evalProcess(p, event, pv);
      } else {
        const bit = conn.direction === 'ingress' ? 1 : 2;
        if ((p.disableConnections & bit) !== 0) {
          pv.skipped = 'connections-disabled';
        } else if (((p.disablePrivate | p.disablePublic) & bit) !== 0) {
          if (privacy < 0) privacy = this.isPrivate(conn) ? 1 : 0;
          if (privacy === 1 && (p.disablePrivate & bit) !== 0) pv.skipped = 'private-connections-disabled';
          else if (privacy === 0 && (p.disablePublic & bit) !== 0) pv.skipped = 'public-connections-disabled';
        }
        if (pv.skipped === null) this.evalConnection(p, event, conn, pv);
      }
      if (!pv.allowed) {
        v.deviation = true;
        p.deviations += 1;
        pv.actions = firedActions(p.response, event.workload, leafOf(event), this.defaultActions);
      }
      policies[i] = pv;
    }
    if (policies.length !== n) policies.length = n;
    if (v.deviation) c.deviations += 1;
    else c.allowed += 1;
    return v;
  }

  private evalProcess(p: CompiledPolicy, event: EngineEvent, pv: PolicyVerdict): void {
    if (p.disableProcesses) {
      pv.skipped = 'processes-disabled';
      return;
    }
    const st = this.state;
    const leaf = matchChain(p.tree, event.process.chain, st);
    if (leaf !== null) {
      pv.processPath = leaf.path;
      const counts = p.nodeCounts;
      const slots = leaf.pathSlots;
      for (let k = 0; k < slots.length; k++) counts[slots[k] as number] = (counts[slots[k] as number] as number) + 1;
      return;
    }
    pv.allowed = false;
    pv.deviation = 'process';
    pv.processPath = st.node === null ? null : st.node.path;
    pv.deviationDepth = st.depth;
    p.processDeviations += 1;
  }

  private evalConnection(p: CompiledPolicy, event: EngineEvent, conn: EventConnection, pv: PolicyVerdict): void {
    const dir = conn.direction === 'ingress' ? p.network.ingress : p.network.egress;
    const udp = conn.protocol === 'UDP';
    const probe = this.probe;
    const chain = event.process.chain;
    // The chain only matters to rules with `processes`.
    const leaf: CompiledNode | null = dir.hasProcessRules ? matchChain(p.tree, chain, this.state) : null;
    probe.leaf = leaf === null ? -1 : leaf.slot;
    if (leaf !== null) pv.processPath = leaf.path;
    let peer: CompiledPeer | null = matchConnection(dir, conn.port, udp, probe);
    if (peer === null && leaf !== null && dir.hasProcessRules) {
      // The leaf may also fit other nodes (globs): try each of them.
      for (const alt of allLeafMatches(p.tree, chain)) {
        if (alt === leaf) continue;
        probe.leaf = alt.slot;
        peer = matchConnection(dir, conn.port, udp, probe);
        if (peer !== null) {
          pv.processPath = alt.path;
          break;
        }
      }
    }
    if (peer !== null) {
      pv.networkRule = peer.match;
      p.ruleCounts[peer.ruleSlot] = (p.ruleCounts[peer.ruleSlot] as number) + 1;
      return;
    }
    pv.allowed = false;
    pv.deviation = 'connection';
    p.connectionDeviations += 1;
  }

  private prepareProbe(conn: EventConnection): void {
    const probe = this.probe;
    const ip = conn.ip;
    probe.dns = conn.dns;
    probe.ip4 = -1;
    probe.ip6 = null;
    if (ip !== undefined) {
      probe.ip4 = parseIpv4(ip);
      // Only strict dotted quads are IPv4 (as Python's ipaddress); anything with ':' may be IPv6.
      if (probe.ip4 < 0 && ip.includes(':')) probe.ip6 = this.parseV6(ip);
    }
  }

  private parseV6(ip: string): Network | null {
    let hit = this.v6Cache.get(ip);
    if (hit === undefined) {
      const parsed = parseIp(ip);
      hit = parsed !== null && parsed.family === 6 ? parsed : null;
      if (this.v6Cache.size >= CACHE_LIMIT) this.v6Cache.clear();
      this.v6Cache.set(ip, hit);
    }
    return hit;
  }

  /** Private peer: the IP is private (Python `is_private`); without an IP, the name ends in `.local`. */
  private isPrivate(conn: EventConnection): boolean {
    if (conn.ip === undefined) return conn.dns !== undefined && conn.dns.endsWith('.local');
    let hit = this.privateCache.get(conn.ip);
    if (hit === undefined) {
      hit = isPrivateNetwork(conn.ip);
      if (this.privateCache.size >= CACHE_LIMIT) this.privateCache.clear();
      this.privateCache.set(conn.ip, hit);
    }
    return hit;
  }

  summary(): EvaluationSummary {
    return { ...this.counts, policies: this.compiled.map(coverageOf) };
  }
}

function leafOf(event: EngineEvent): ProcessInfo | undefined {
  const chain = event.process.chain;
  return chain[chain.length - 1];
}

/** A verdict that survives the next `evaluate()` call. */
export function cloneVerdict(v: EventVerdict): EventVerdict {
  return { event: v.event, covered: v.covered, deviation: v.deviation, policies: v.policies.map((p) => ({ ...p })) };
}
