/**
 * An ingress or egress list (spyctl `NetworkNodeList`): parse, `internal_merge`
 * (fold nodes that contain each other), symmetric / asymmetric merge of another
 * list whose process ids were already mapped to the base's ids.
 *
 * spyctl runs one folding pass before and after each merge; a pass can leave
 * nodes that a second pass would fold (a node grown by a later fold is never
 * compared again with earlier ones), so merging the same input twice could
 * still change the policy. Here the pass is repeated until nothing folds.
 */
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';
import { FoldIndex, MergeIndex, portKey } from './net-index.ts';
import { NetNode } from './net-node.ts';
import type { NetContext } from './net-node.ts';

const MAX_PASSES = 64;
/** Lists longer than this fold through an index. */
const INDEX_MIN = 16;

export class NetList {
  nodes: NetNode[] = [];
  /** Entries that were not network nodes (no `to` / `from`). */
  skipped = 0;

  static parse(data: unknown, idMap: ReadonlyMap<string, string> | null): NetList {
    const list = new NetList();
    for (const d of Array.isArray(data) ? data : []) {
      const node = isRecord(d) ? NetNode.parse(d, idMap) : null;
      if (node === null) list.skipped++;
      else list.nodes.push(node);
    }
    return list;
  }

  /** One spyctl folding pass: each kept node absorbs every later node it contains or that contains it. */
  private foldPass(ctx: NetContext): boolean {
    const n = this.nodes.length;
    if (n <= 1) {
      this.nodes[0]?.tidy(ctx);
      return false;
    }
    const index = n > INDEX_MIN && ctx.identityIds && !ctx.ignoreProcs ? new FoldIndex(this.nodes, ctx) : null;
    const skip = new Set<number>();
    const kept: NetNode[] = [];
    for (let i = 0; i < n; i++) {
      const node = this.nodes[i] as NetNode;
      node.tidy(ctx);
      if (skip.has(i)) continue;
      kept.push(node);
      const key = index?.keys[i] ?? null;
      if (index !== null && key !== null && node.processes.length > 0) this.absorbIndexed(i, key, index, skip, ctx);
      else this.absorbFrom(i, i + 1, skip, ctx);
    }
    this.nodes = kept;
    return skip.size > 0;
  }

  private relate(node: NetNode, j: number, skip: Set<number>, ctx: NetContext): boolean {
    const other = this.nodes[j] as NetNode;
    if (!other.contains(node, ctx) && !node.contains(other, ctx)) return false;
    node.merge(other, true, ctx);
    skip.add(j);
    return true;
  }

  /** Compare node `i` with every node from `start` on, in order. */
  private absorbFrom(i: number, start: number, skip: Set<number>, ctx: NetContext): void {
    const node = this.nodes[i] as NetNode;
    for (let j = start; j < this.nodes.length; j++) this.relate(node, j, skip, ctx);
  }

  /** Same as {@link absorbFrom} but visiting only the candidates that can relate, in the same order. */
  private absorbIndexed(i: number, key: string, index: FoldIndex, skip: Set<number>, ctx: NetContext): void {
    const node = this.nodes[i] as NetNode;
    const seen = new Set<number>();
    let queue: number[] = [];
    let cursor = i;
    const enqueue = (procs: Iterable<string>): void => {
      const found = new Set<number>();
      index.candidates(key, procs, found);
      for (const j of found) if (j > cursor && !seen.has(j)) (seen.add(j), queue.push(j));
      queue.sort((a, b) => a - b);
    };
    enqueue(node.processes);
    while (queue.length > 0) {
      const j = queue.shift() as number;
      cursor = j;
      const before = new Set(node.processes);
      if (!this.relate(node, j, skip, ctx)) continue;
      if (portKey(node) !== key) {
        // The node's ports changed: the index no longer describes it.
        this.absorbFrom(i, j + 1, skip, ctx);
        return;
      }
      const grown = node.processes.filter((p) => !before.has(p));
      if (node.processes.length === 0) {
        this.absorbFrom(i, j + 1, skip, ctx);
        return;
      }
      if (grown.length > 0) enqueue(grown);
    }
  }

  internalMerge(ctx: NetContext): void {
    for (let pass = 0; pass < MAX_PASSES && this.foldPass(ctx); pass++);
    this.nodes = this.nodes.filter((node) => node.peerCount > 0);
  }

  /** Merge every node of `other` (ids already mapped to ours) into this list. */
  mergeFrom(other: NetList, symmetric: boolean, ctx: NetContext): void {
    const index = new MergeIndex(this.nodes);
    for (const o of other.nodes) {
      let matched = false;
      const candidates = index.candidates(o) ?? this.nodes.map((_, i) => i);
      for (const i of candidates) {
        const node = this.nodes[i] as NetNode;
        if (node.contains(o, ctx)) {
          node.merge(o, symmetric, ctx);
          index.update(i, node);
          matched = true;
          break;
        }
        if (symmetric && o.contains(node, ctx)) {
          // spyctl keeps looking after this case, so `o` may feed several nodes.
          node.merge(o, true, ctx);
          index.update(i, node);
          matched = true;
        }
      }
      if (!matched) {
        this.nodes.push(o);
        index.add(o);
      }
    }
  }

  toData(): Json[] {
    const out: Json[] = [];
    for (const node of this.nodes) {
      const d = node.toData();
      if (d !== null) out.push(d);
    }
    return out;
  }
}
