/**
 * Candidate lookup for network-node containment, so that folding and merging
 * lists of hundreds of nodes does not compare every pair.
 *
 * Two nodes can contain one another only if their ports can: a node with a
 * single exact port `p` relates only to nodes with that same single port, or to
 * nodes with several ports or a range ("misc"). And, unless one side has no
 * processes, some process of one must equal or be comparable to a process of
 * the other. Candidates are therefore looked up by (direction, protocol, port)
 * and process id; every check on a candidate is still the full one.
 */
import { comparableProcesses } from './net-node.ts';
import type { NetContext, NetNode } from './net-node.ts';

/** `egress|TCP|443` for a node with exactly one non-range port, else null. */
export function portKey(n: NetNode): string | null {
  if (n.ports.length !== 1) return null;
  const p = n.ports[0];
  return p !== undefined && p.endPort === p.port ? `${n.type}|${p.protocol}|${p.port}` : null;
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else list.push(i);
}

/** Built over a list at the start of a folding pass (node contents after index i do not change before i is reached). */
export class FoldIndex {
  readonly keys: (string | null)[];
  private readonly misc: number[] = [];
  private readonly noProcs = new Map<string, number[]>();
  private readonly byProc = new Map<string, number[]>();
  private readonly procIds = new Set<string>();
  private readonly compatMemo = new Map<string, string[]>();

  constructor(
    nodes: readonly NetNode[],
    private readonly ctx: NetContext,
  ) {
    this.keys = nodes.map(portKey);
    nodes.forEach((n, i) => {
      const key = this.keys[i];
      if (key === null || key === undefined) this.misc.push(i);
      else if (n.processes.length === 0) push(this.noProcs, key, i);
      else for (const p of new Set(n.processes)) push(this.byProc, `${key}\u0000${p}`, i);
      for (const p of n.processes) this.procIds.add(p);
    });
  }

  /** Process ids of this list equal or comparable to `q`. */
  private compat(q: string): string[] {
    let hit = this.compatMemo.get(q);
    if (hit === undefined) {
      hit = [...this.procIds].filter((p) => p === q || comparableProcesses(this.ctx, p, q));
      this.compatMemo.set(q, hit);
    }
    return hit;
  }

  /** Indices that may relate to a node with port key `key` and these processes (not filtered by position). */
  candidates(key: string, procs: Iterable<string>, out: Set<number>): void {
    for (const i of this.misc) out.add(i);
    for (const i of this.noProcs.get(key) ?? []) out.add(i);
    for (const q of procs) for (const p of this.compat(q)) for (const i of this.byProc.get(`${key}\u0000${p}`) ?? []) out.add(i);
  }
}

/** Base-list index for merging another list in: port-key buckets, kept up to date as nodes change or are added. */
export class MergeIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly misc: number[] = [];
  private readonly keys: (string | null)[] = [];

  constructor(nodes: readonly NetNode[]) {
    nodes.forEach((n) => this.add(n));
  }

  add(n: NetNode): void {
    const i = this.keys.length;
    const key = portKey(n);
    this.keys.push(key);
    if (key === null) this.misc.push(i);
    else push(this.buckets, key, i);
  }

  /** Node `i` may have changed its ports. */
  update(i: number, n: NetNode): void {
    const old = this.keys[i] ?? null;
    const key = portKey(n);
    if (key === old) return;
    const from = old === null ? this.misc : (this.buckets.get(old) ?? []);
    const at = from.indexOf(i);
    if (at >= 0) from.splice(at, 1);
    this.keys[i] = key;
    const to = key === null ? this.misc : (this.buckets.get(key) ?? (this.buckets.set(key, []).get(key) as number[]));
    let k = to.length;
    while (k > 0 && (to[k - 1] as number) > i) k--;
    to.splice(k, 0, i);
  }

  /** Indices, ascending, of base nodes that may contain or be contained by `o`; null means all. */
  candidates(o: NetNode): number[] | null {
    const key = portKey(o);
    if (key === null) return null;
    const a = this.buckets.get(key) ?? [];
    const b = this.misc;
    const out: number[] = [];
    let x = 0;
    let y = 0;
    while (x < a.length || y < b.length) {
      const u = a[x];
      const v = b[y];
      if (v === undefined || (u !== undefined && u < v)) {
        out.push(u as number);
        x++;
      } else {
        out.push(v);
        y++;
      }
    }
    return out;
  }
}
