/**
 * Candidate lookup for network-node containment, so that folding and merging
 * lists of hundreds of nodes does not compare every pair.
 *
 * Two nodes can contain one another only if their ports can: a node with a
 * single exact port `p` relates only to nodes with that same single port, or to
 * nodes with several ports or a range ("misc"). And, unless one side has no
 * processes, some process of one must equal or be comparable to a process of
 * the other. Candidates are looked up by (direction, protocol, port) and process
 * id; every check on a candidate is still the full containment test.
 */
import { comparableIds } from './net-node.ts';
import type { NetContext, NetNode } from './net-node.ts';

/** `egress|TCP|443` for a node with exactly one non-range port, else null. */
export function portKey(n: NetNode): string | null {
  if (n.keyCache !== undefined) return n.keyCache;
  const p = n.ports.length === 1 ? n.ports[0] : undefined;
  n.keyCache = p !== undefined && p.endPort === p.port ? `${n.type}|${p.protocol}|${p.port}` : null;
  return n.keyCache;
}

function addAll(out: Set<NetNode>, from: ReadonlySet<NetNode> | undefined): void {
  if (from !== undefined) for (const x of from) out.add(x);
}

interface Entry {
  key: string | null;
  procs: readonly string[];
}

interface Bucket {
  all: Set<NetNode>;
  noProcs: Set<NetNode>;
  byProc: Map<string, Set<NetNode>>;
}

/** Kept up to date by the list as nodes are added, changed and removed. */
export class NodeIndex {
  private readonly misc = new Set<NetNode>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly entries = new Map<NetNode, Entry>();

  /**
   * `cmpId`: the id a process is compared as (net-node.ts `NetContext.cmpId`);
   * nodes are indexed under both their ids and those.
   */
  constructor(
    nodes: Iterable<NetNode>,
    private readonly cmpId: (id: string) => string,
  ) {
    for (const n of nodes) this.add(n);
  }

  private procKeys(n: NetNode): string[] {
    const out = new Set<string>();
    for (const p of n.processes) {
      out.add(p);
      out.add(this.cmpId(p));
    }
    return [...out];
  }

  add(n: NetNode): void {
    const key = portKey(n);
    const procs = n.processes.length === 0 ? [] : this.procKeys(n);
    this.entries.set(n, { key, procs });
    if (key === null) {
      this.misc.add(n);
      return;
    }
    let b = this.buckets.get(key);
    if (b === undefined) this.buckets.set(key, (b = { all: new Set(), noProcs: new Set(), byProc: new Map() }));
    b.all.add(n);
    if (procs.length === 0) b.noProcs.add(n);
    for (const p of procs) {
      const set = b.byProc.get(p);
      if (set === undefined) b.byProc.set(p, new Set([n]));
      else set.add(n);
    }
  }

  remove(n: NetNode): void {
    const e = this.entries.get(n);
    if (e === undefined) return;
    this.entries.delete(n);
    if (e.key === null) {
      this.misc.delete(n);
      return;
    }
    const b = this.buckets.get(e.key);
    if (b === undefined) return;
    b.all.delete(n);
    b.noProcs.delete(n);
    for (const p of e.procs) b.byProc.get(p)?.delete(n);
  }

  /** The node's ports or processes may have changed. */
  update(n: NetNode): void {
    const e = this.entries.get(n);
    if (e !== undefined && e.key === portKey(n) && e.procs.length === n.processes.length && e.procs.every((p, i) => p === n.processes[i])) return;
    this.remove(n);
    this.add(n);
  }

  /**
   * Nodes that may relate to `n` (contain it or be contained by it); null when
   * any node may. Unless processes are ignored, some process of one must be
   * (compared as) a process of the other, or comparable to one.
   */
  related(n: NetNode, ctx: NetContext): Set<NetNode> | null {
    const key = portKey(n);
    if (key === null) return null;
    const out = new Set<NetNode>(this.misc);
    const b = this.buckets.get(key);
    if (b === undefined) return out;
    if (ctx.ignoreProcs || n.processes.length === 0) {
      for (const x of b.all) out.add(x);
      return out;
    }
    for (const x of b.noProcs) out.add(x);
    for (const q of n.processes) {
      addAll(out, b.byProc.get(this.cmpId(q)));
      for (const p of comparableIds(ctx, q)) addAll(out, b.byProc.get(p));
    }
    return out;
  }
}
