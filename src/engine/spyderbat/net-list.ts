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
import { NetNode } from './net-node.ts';
import type { NetContext } from './net-node.ts';

const MAX_PASSES = 64;

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

  /** One spyctl folding pass; true when something folded. */
  private foldPass(ctx: NetContext): boolean {
    const n = this.nodes.length;
    if (n <= 1) {
      this.nodes[0]?.tidy(ctx);
      return false;
    }
    const skip = new Set<number>();
    const kept: NetNode[] = [];
    for (let i = 0; i < n; i++) {
      const node = this.nodes[i] as NetNode;
      node.tidy(ctx);
      if (skip.has(i)) continue;
      kept.push(node);
      for (let j = i + 1; j < n; j++) {
        const other = this.nodes[j] as NetNode;
        if (other.contains(node, ctx) || node.contains(other, ctx)) {
          node.merge(other, true, ctx);
          skip.add(j);
        }
      }
    }
    this.nodes = kept;
    return skip.size > 0;
  }

  internalMerge(ctx: NetContext): void {
    for (let pass = 0; pass < MAX_PASSES && this.foldPass(ctx); pass++);
    this.nodes = this.nodes.filter((node) => node.peerCount > 0);
  }

  /** Merge every node of `other` (ids already mapped to ours) into this list. */
  mergeFrom(other: NetList, symmetric: boolean, ctx: NetContext): void {
    for (const o of other.nodes) {
      let matched = false;
      for (const node of this.nodes) {
        if (node.contains(o, ctx)) {
          node.merge(o, symmetric, ctx);
          matched = true;
          break;
        }
        if (symmetric && o.contains(node, ctx)) {
          // spyctl keeps looking after this case, so `o` may feed several nodes.
          node.merge(o, true, ctx);
          matched = true;
        }
      }
      if (!matched) this.nodes.push(o);
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
