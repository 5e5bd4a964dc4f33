/**
 * Network rules compiled for matching connections.
 *
 * A connection is allowed by a rule of its direction when:
 * - a port range of the rule contains the port, with the same protocol;
 * - a peer contains the address (ipBlock, honouring `except`) or matches the
 *   DNS name by fnmatch;
 * - the rule has no `processes`, or the leaf process matched one of them.
 * Rules are bucketed by (port, protocol) for single ports; port ranges sit in
 * a short list. IPv4 blocks are numeric ranges; IPv6 blocks use cidr.ts.
 * The lowest-index allowing rule wins; within it, the first matching peer.
 */
import type { Direction, EgressRule, IngressRule, NetworkPolicy, Peer } from '../model/types.ts';
import type { Network } from '../match/cidr.ts';
import { networkContains, parseCidr } from '../match/cidr.ts';
import { compileGlob, hasGlob } from '../match/fnmatch.ts';
import type { CompiledTree } from './compile-process.ts';
import type { NetworkRuleMatch } from './types.ts';

const KIND_V4 = 0;
const KIND_V6 = 1;
const KIND_DNS = 2;
const KIND_NONE = 3;

export interface CompiledPeer {
  match: NetworkRuleMatch;
  /** Counter slot of the rule. */
  ruleSlot: number;
  kind: number;
  lo: number;
  hi: number;
  /** IPv4 except ranges as [lo0, hi0, lo1, hi1, …]. */
  except4: readonly number[];
  net6: Network | null;
  except6: readonly Network[];
  dnsExact: ReadonlySet<string>;
  /** The exact names when few (compared with ===, no hashing). */
  dnsList: readonly string[] | null;
  dnsGlobs: readonly RegExp[];
}

export interface CompiledRule {
  index: number;
  /** Counter slot (ingress rules first, then egress). */
  slot: number;
  /** Node slots allowed by `processes`; null when the rule has no `processes`. */
  procMask: Uint8Array | null;
  peers: readonly CompiledPeer[];
}

interface RangedPort {
  lo: number;
  hi: number;
  udp: boolean;
  rule: CompiledRule;
}

export interface DirectionRules {
  buckets: Map<number, CompiledRule[]>;
  ranged: RangedPort[];
  count: number;
  /** Some rule of this direction restricts processes. */
  hasProcessRules: boolean;
}

export interface CompiledNetwork {
  ingress: DirectionRules;
  egress: DirectionRules;
}

/** Parse dotted-quad IPv4 without allocating; -1 when not IPv4. */
export function parseIpv4(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // leading zero, rejected like Python
      part = part * 10 + (c - 48);
      digits += 1;
      if (part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots += 1;
    } else {
      return -1;
    }
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + part;
}

function v4Range(net: Network): [number, number] {
  const b = net.bytes;
  const base = (b[0] ?? 0) * 16777216 + (b[1] ?? 0) * 65536 + (b[2] ?? 0) * 256 + (b[3] ?? 0);
  const size = 2 ** (32 - net.prefix);
  const lo = base - (base % size);
  return [lo, lo + size - 1];
}

function compilePeer(peer: Peer, match: NetworkRuleMatch, ruleSlot: number): CompiledPeer {
  const out: CompiledPeer = {
    match,
    ruleSlot,
    kind: KIND_NONE,
    lo: 0,
    hi: -1,
    except4: [],
    net6: null,
    except6: [],
    dnsExact: new Set(),
    dnsList: null,
    dnsGlobs: [],
  };
  if ('ipBlock' in peer && peer.ipBlock) {
    const net = parseCidr(String(peer.ipBlock.cidr));
    if (net === null) return out;
    const excepts = (peer.ipBlock.except ?? []).map((e) => parseCidr(String(e))).filter((e): e is Network => e !== null);
    if (net.family === 4) {
      [out.lo, out.hi] = v4Range(net);
      out.except4 = excepts.filter((e) => e.family === 4).flatMap((e) => v4Range(e));
      out.kind = KIND_V4;
    } else {
      out.net6 = net;
      out.except6 = excepts.filter((e) => e.family === 6);
      out.kind = KIND_V6;
    }
  } else if ('dnsSelector' in peer && Array.isArray(peer.dnsSelector)) {
    const exact = new Set<string>();
    const globs: RegExp[] = [];
    for (const name of peer.dnsSelector) {
      const s = String(name);
      if (hasGlob(s)) globs.push(compileGlob(s));
      else exact.add(s);
    }
    out.dnsExact = exact;
    out.dnsList = exact.size <= 6 ? [...exact] : null;
    out.dnsGlobs = globs;
    out.kind = KIND_DNS;
  }
  return out;
}

function compileDirection(
  direction: Direction,
  rules: readonly (IngressRule | EgressRule)[],
  slotBase: number,
  tree: CompiledTree,
): DirectionRules {
  const dir: DirectionRules = { buckets: new Map(), ranged: [], count: rules.length, hasProcessRules: false };
  rules.forEach((rule, index) => {
    const peersIn: readonly Peer[] | undefined = 'from' in rule ? rule.from : rule.to;
    const peers = (peersIn ?? []).map((p, peerIndex) =>
      compilePeer(p, Object.freeze({ direction, ruleIndex: index, peerIndex }), slotBase + index),
    );
    let procMask: Uint8Array | null = null;
    if (Array.isArray(rule.processes)) {
      procMask = new Uint8Array(tree.nodes.length);
      for (const id of rule.processes) {
        for (const n of tree.nodes) if (n.id === id) procMask[n.slot] = 1;
      }
      dir.hasProcessRules = true;
    }
    const compiled: CompiledRule = { index, slot: slotBase + index, procMask, peers };
    for (const pr of rule.ports ?? []) {
      const lo = Number(pr.port);
      const hi = pr.endPort === undefined ? lo : Number(pr.endPort);
      const protocol: unknown = pr.protocol;
      if (protocol !== 'UDP' && protocol !== 'TCP') continue;
      const udp = protocol === 'UDP';
      if (lo === hi) {
        const key = lo * 2 + (udp ? 1 : 0);
        const list = dir.buckets.get(key);
        if (list === undefined) dir.buckets.set(key, [compiled]);
        else if (list[list.length - 1] !== compiled) list.push(compiled);
      } else if (hi > lo) {
        dir.ranged.push({ lo, hi, udp, rule: compiled });
      }
    }
  });
  return dir;
}

export function compileNetwork(policy: Partial<NetworkPolicy> | undefined, tree: CompiledTree): CompiledNetwork {
  const ingress = Array.isArray(policy?.ingress) ? policy.ingress : [];
  const egress = Array.isArray(policy?.egress) ? policy.egress : [];
  return {
    ingress: compileDirection('ingress', ingress, 0, tree),
    egress: compileDirection('egress', egress, ingress.length, tree),
  };
}

/** The connection being matched, pre-parsed once per event. */
export interface ConnectionProbe {
  ip4: number;
  /** Parsed IPv6 address, or null (also for IPv4 / no address). */
  ip6: Network | null;
  dns: string | undefined;
  /** Slot of the leaf process node, or -1 when the chain matched nothing. */
  leaf: number;
}

function peerMatches(p: CompiledPeer, probe: ConnectionProbe): boolean {
  switch (p.kind) {
    case KIND_V4: {
      const ip = probe.ip4;
      if (ip < p.lo || ip > p.hi) return false;
      const ex = p.except4;
      for (let i = 0; i < ex.length; i += 2) {
        if (ip >= (ex[i] as number) && ip <= (ex[i + 1] as number)) return false;
      }
      return true;
    }
    case KIND_V6: {
      const ip = probe.ip6;
      if (ip === null || p.net6 === null || !networkContains(p.net6, ip)) return false;
      for (const e of p.except6) if (networkContains(e, ip)) return false;
      return true;
    }
    case KIND_DNS: {
      const name = probe.dns;
      if (name === undefined) return false;
      const list = p.dnsList;
      if (list !== null) {
        for (let i = 0; i < list.length; i++) if (list[i] === name) return true;
      } else if (p.dnsExact.has(name)) {
        return true;
      }
      const globs = p.dnsGlobs;
      for (let i = 0; i < globs.length; i++) if ((globs[i] as RegExp).test(name)) return true;
      return false;
    }
    default:
      return false;
  }
}

function ruleMatch(rule: CompiledRule, probe: ConnectionProbe): CompiledPeer | null {
  const mask = rule.procMask;
  if (mask !== null && (probe.leaf < 0 || mask[probe.leaf] !== 1)) return null;
  const peers = rule.peers;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i] as CompiledPeer;
    if (peerMatches(p, probe)) return p;
  }
  return null;
}

/** The first peer of the lowest-index rule allowing the connection, or null. */
export function matchConnection(dir: DirectionRules, port: number, udp: boolean, probe: ConnectionProbe): CompiledPeer | null {
  let best: CompiledPeer | null = null;
  const bucket = dir.buckets.get(port * 2 + (udp ? 1 : 0));
  if (bucket !== undefined) {
    for (let i = 0; i < bucket.length; i++) {
      best = ruleMatch(bucket[i] as CompiledRule, probe);
      if (best !== null) break;
    }
  }
  const ranged = dir.ranged;
  for (let i = 0; i < ranged.length; i++) {
    const rp = ranged[i] as RangedPort;
    if (best !== null && rp.rule.index >= best.match.ruleIndex) break;
    if (rp.udp !== udp || port < rp.lo || port > rp.hi) continue;
    const peer = ruleMatch(rp.rule, probe);
    if (peer !== null) return peer;
  }
  return best;
}
