/**
 * One ingress/egress node (spyctl `NetworkNode`): peers (ipBlocks and DNS
 * names), port ranges, process ids. Containment and merging follow reference §5
 * "Network", with these fixes:
 * - Merging unions the port ranges (a range already inside one of ours is
 *   skipped, nothing is widened). spyctl keeps only the base's ports, so when a
 *   single-port node absorbed a multi-port node that contained it, the extra
 *   ports were silently lost (reference §7 bug).
 * - An empty `processes` list means "any process" on both sides of a merge:
 *   the union with "any" stays "any". spyctl extends the list, so a node without
 *   `processes` became scoped to the processes merged into it, narrowing the
 *   policy and making a fully allowed fingerprint count as a deviation.
 */
import { fnmatch, hasGlob } from '../match/fnmatch.ts';
import type { ProcForest } from './process-forest.ts';
import { compareStrings } from './field-merge.ts';
import { BlockSet, parseBlock } from './ip-blocks.ts';
import type { Block } from './ip-blocks.ts';
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';
import { parsePorts, portsContain, portsToData } from './process-node.ts';
import type { Ports } from './process-node.ts';

export type NodeType = 'ingress' | 'egress';

function mapIds(ids: readonly string[], idMap: ReadonlyMap<string, string>): string[] {
  return [...new Set(ids.map((p) => idMap.get(p) ?? p))].sort(compareStrings);
}

/** Filters and process context shared by every node of a list during one merge. */
export interface NetContext {
  ignorePrivate: boolean;
  ignorePublic: boolean;
  ignoreProcs: boolean;
  /** The process tree the nodes' ids refer to, for "comparable process" containment. */
  procs: ProcForest;
  /**
   * The id to look for in a node's `processes`. Identity for the base list; for
   * the other side's list, folded before its ids are mapped, spyctl compares the
   * id each process was merged into against the node's unmapped ids.
   */
  cmpId: (id: string) => string;
  /** `cmpId` is the identity (allows indexed folding). */
  identityIds: boolean;
}

/** spyctl `is_private_dns`: a name ending in `.local`. */
export function isPrivateDns(name: string): boolean {
  return name.endsWith('.local');
}

export function keepBlock(ctx: NetContext, b: Block): boolean {
  return !(ctx.ignorePrivate && b.isPrivate) && !(ctx.ignorePublic && !b.isPrivate);
}

export function keepDns(ctx: NetContext, name: string): boolean {
  const priv = isPrivateDns(name);
  return !(ctx.ignorePrivate && priv) && !(ctx.ignorePublic && !priv);
}

/** Two process ids whose nodes contain one another (same name and exes, by glob). */
export function comparableProcesses(ctx: NetContext, a: string, b: string): boolean {
  return ctx.procs.comparable(a, b);
}

/** Every id of `ctx.procs` equal or comparable to `q`. */
export function comparableIds(ctx: NetContext, q: string): readonly string[] {
  return ctx.procs.comparableTo(q);
}

export class NetNode {
  /** Blocks as parsed, until a set is needed (most parsed nodes are only merged into others). */
  private rawBlocks: Block[] | null = null;
  private blockSet: BlockSet | null = null;

  /** The reduced set of blocks (built on first use). */
  get blocks(): BlockSet {
    if (this.blockSet === null) {
      this.blockSet = new BlockSet();
      for (const b of this.rawBlocks ?? []) this.blockSet.add(b);
      this.rawBlocks = null;
    }
    return this.blockSet;
  }

  /** The blocks, possibly with duplicates or contained ones (fine for merging from). */
  blockList(): Iterable<Block> {
    return this.blockSet?.values() ?? this.rawBlocks ?? [];
  }
  dns: string[] = [];
  private dnsExact: Set<string> | null = null;
  private dnsGlobs: string[] = [];
  ports: Ports[] = [];
  /** Cached `portKey` (net-index.ts); cleared when the ports change. */
  keyCache: string | null | undefined = undefined;
  processes: string[] = [];
  /** Peer entries holding both ipBlock and dnsSelector, skipped as spyctl does. */
  skippedAnded = 0;
  /** Position in its list (increasing; set by the list). */
  seq = 0;

  constructor(readonly type: NodeType) {}

  static parse(d: Json): NetNode | null {
    const peers = Array.isArray(d.to) ? d.to : Array.isArray(d.from) ? d.from : null;
    if (peers === null) return null;
    const node = new NetNode(Array.isArray(d.to) ? 'egress' : 'ingress');
    for (const peer of peers) {
      if (!isRecord(peer)) continue;
      if (peer.ipBlock !== undefined && peer.dnsSelector !== undefined) node.skippedAnded++;
      else if (peer.ipBlock !== undefined) {
        const b = parseBlock(peer.ipBlock);
        if (b !== null) (node.rawBlocks ??= []).push(b);
      } else if (Array.isArray(peer.dnsSelector)) {
        for (const n of peer.dnsSelector) if (typeof n === 'string') node.pushDns(n);
      }
    }
    for (const p of Array.isArray(d.ports) ? d.ports : []) {
      const parsed = parsePorts(p);
      if (parsed !== null) node.ports.push(parsed);
    }
    node.processes = Array.isArray(d.processes) ? d.processes.filter((p) => typeof p === 'string' || typeof p === 'number').map(String) : [];
    return node;
  }

  /** Map process ids to the base's (spyctl `converted`): deduplicated, sorted (spyctl: set order). */
  mapProcesses(idMap: ReadonlyMap<string, string>): void {
    this.processes = mapIds(this.processes, idMap);
  }

  /** DNS names are kept unique (spyctl turns them into a set on every internal merge). */
  private pushDns(name: string): void {
    const exact = (this.dnsExact ??= new Set());
    if (exact.has(name)) return;
    this.dns.push(name);
    exact.add(name);
    if (hasGlob(name)) this.dnsGlobs.push(name);
  }

  get peerCount(): number {
    return (this.blockSet?.size ?? this.rawBlocks?.length ?? 0) + this.dns.length;
  }

  containsDns(name: string): boolean {
    return this.dnsExact?.has(name) === true || this.dnsGlobs.some((g) => fnmatch(name, g));
  }

  /** Which private/public filter the peers already passed (merges filter what they add). */
  private filtered = '';

  /**
   * spyctl `internal_merge` of one node: private/public filters (DNS names are
   * unique already). With `disableProcesses: all` every node loses its
   * `processes`: processPolicy is emptied then, so the ids would dangle (spyctl
   * clears them only on nodes that merged something, leaving an invalid policy).
   */
  tidy(ctx: NetContext): void {
    if (ctx.ignoreProcs) this.processes = [];
    const key = `${ctx.ignorePrivate ? 'v' : ''}${ctx.ignorePublic ? 'p' : ''}`;
    if (key === '' || key === this.filtered) return;
    this.filtered = key;
    this.blocks.filter((b) => keepBlock(ctx, b));
    const names = this.dns.filter((n) => keepDns(ctx, n));
    if (names.length !== this.dns.length) this.resetDns(names);
  }

  private resetDns(names: readonly string[]): void {
    this.dns = [];
    this.dnsExact = null;
    this.dnsGlobs = [];
    for (const n of names) this.pushDns(n);
  }

  private containsProcess(ctx: NetContext, id: string): boolean {
    if (this.processes.includes(ctx.cmpId(id))) return true;
    return this.processes.some((pid) => comparableProcesses(ctx, pid, id));
  }

  /** `other in self` (spyctl `NetworkNode.__contains__`). */
  contains(other: NetNode, ctx: NetContext): boolean {
    if (this.type !== other.type) return false;
    if (!other.ports.every((p) => this.ports.some((q) => portsContain(q, p)))) return false;
    if (this.ports.length > 1 || other.ports.length > 1) {
      // Several ports likely mean a different service: peers must be contained too.
      for (const b of other.blockList()) if (keepBlock(ctx, b) && !this.blocks.contains(b)) return false;
      for (const n of other.dns) if (keepDns(ctx, n) && !this.containsDns(n)) return false;
    }
    if (this.processes.length === 0 || ctx.ignoreProcs) return true;
    return other.processes.every((p) => this.containsProcess(ctx, p));
  }

  private mergeDns(name: string, symmetric: boolean): void {
    if (this.containsDns(name)) return;
    if (symmetric && hasGlob(name)) {
      const i = this.dns.findIndex((d) => fnmatch(d, name));
      if (i >= 0) {
        // A glob covering one of ours replaces it (spyctl replaces the first one).
        const names = [...this.dns];
        names[i] = name;
        this.resetDns(names);
        return;
      }
    }
    this.pushDns(name);
  }

  merge(other: NetNode, symmetric: boolean, ctx: NetContext): void {
    const mine = this.blocks;
    for (const b of other.blockList()) if (keepBlock(ctx, b)) mine.add(b);
    for (const n of other.dns) if (keepDns(ctx, n)) this.mergeDns(n, symmetric);
    for (const p of other.ports) {
      if (!this.ports.some((q) => portsContain(q, p))) {
        this.ports.push({ ...p });
        this.keyCache = undefined;
      }
    }
    if (ctx.ignoreProcs) this.processes = [];
    else if (this.processes.length > 0 && other.processes.length > 0) {
      this.processes = [...new Set([...this.processes, ...other.processes])].sort(compareStrings);
    } else this.processes = [];
  }

  /** Merging `other` (already contained) in would change nothing. */
  absorbsUnchanged(other: NetNode, ctx: NetContext): boolean {
    for (const b of other.blockList()) if (keepBlock(ctx, b) && !this.blocks.contains(b)) return false;
    for (const n of other.dns) if (keepDns(ctx, n) && !this.containsDns(n)) return false;
    if (ctx.ignoreProcs || this.processes.length === 0) return true;
    return other.processes.length > 0 && other.processes.every((p) => this.processes.includes(p));
  }

  /** spyctl `as_dict`; null when no peer is left. */
  toData(): Json | null {
    const peers: Json[] = [...new Set(this.dns)].sort(compareStrings).map((n) => ({ dnsSelector: [n] }));
    peers.push(...this.blocks.toData());
    if (peers.length === 0) return null;
    const out: Json = { [this.type === 'egress' ? 'to' : 'from']: peers };
    if (this.processes.length > 0) out.processes = [...this.processes].sort(compareStrings);
    out.ports = this.ports.map(portsToData);
    return out;
  }
}
