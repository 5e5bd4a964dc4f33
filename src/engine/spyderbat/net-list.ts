/**
 * An ingress or egress list (spyctl `NetworkNodeList`): parse, `internal_merge`
 * (fold nodes that contain each other), symmetric / asymmetric merge of another
 * list whose process ids were already mapped to the base's ids.
 *
 * spyctl runs one folding pass before and after each merge; a pass can leave
 * nodes that a second pass would fold (a node grown by a later fold is never
 * compared again with earlier ones), so merging the same input twice could
 * still change the policy. Here the pass is repeated until nothing folds.
 *
 * Speed: candidates come from an index (net-index.ts), and once a list is
 * folded, later passes look only at pairs involving a node that changed since
 * (two unchanged nodes did not fold before and will not now) as long as the
 * process tree's names and exes, which decide "comparable" processes, did not
 * change either.
 */
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';
import { NodeIndex } from './net-index.ts';
import { NetNode } from './net-node.ts';
import type { NetContext } from './net-node.ts';
import type { ProcForest } from './process-forest.ts';

const MAX_PASSES = 64;

interface FoldedState {
  procs: ProcForest;
  version: number;
  flags: string;
}

function bySeq(a: NetNode, b: NetNode): number {
  return a.seq - b.seq;
}

export class NetList {
  nodes: NetNode[] = [];
  /** Entries that were not network nodes (no `to` / `from`). */
  skipped = 0;
  /** Nodes changed since the list was last folded completely. */
  private readonly dirty = new Set<NetNode>();
  private folded: FoldedState | null = null;
  private index: NodeIndex | null = null;
  private nextSeq = 0;

  static parse(data: unknown): NetList {
    const list = new NetList();
    for (const d of Array.isArray(data) ? data : []) {
      const node = isRecord(d) ? NetNode.parse(d) : null;
      if (node === null) list.skipped++;
      else list.append(node);
    }
    return list;
  }

  private append(node: NetNode): void {
    node.seq = this.nextSeq++;
    this.nodes.push(node);
    this.index?.add(node);
  }

  private indexed(ctx: NetContext): NodeIndex {
    return (this.index ??= new NodeIndex(this.nodes, ctx.cmpId));
  }

  /**
   * One spyctl folding pass: each kept node absorbs every later node it contains
   * or that contains it, in order. With `dirty`, only pairs involving those nodes
   * are looked at. Returns the nodes that absorbed something.
   */
  private foldPass(ctx: NetContext, dirty: ReadonlySet<NetNode> | null): Set<NetNode> {
    const changed = new Set<NetNode>();
    if (this.nodes.length <= 1) {
      this.nodes[0]?.tidy(ctx);
      return changed;
    }
    const index = this.indexed(ctx);
    const partners = dirty !== null ? this.partnersOf(dirty, index, ctx) : null;
    const absorbed = new Set<NetNode>();
    const kept: NetNode[] = [];
    for (const node of this.nodes) {
      node.tidy(ctx);
      if (absorbed.has(node)) continue;
      kept.push(node);
      const first = partners !== null ? (partners.get(node) ?? null) : index.related(node, ctx);
      if (partners !== null && first === null) continue;
      this.absorb(node, first, index, absorbed, changed, ctx);
    }
    for (const node of absorbed) index.remove(node);
    this.nodes = kept;
    return changed;
  }

  /** For each node, the nodes that may relate to it through a dirty node. */
  private partnersOf(dirty: ReadonlySet<NetNode>, index: NodeIndex, ctx: NetContext): Map<NetNode, Set<NetNode>> {
    const out = new Map<NetNode, Set<NetNode>>();
    const add = (a: NetNode, b: NetNode): void => {
      const set = out.get(a);
      if (set === undefined) out.set(a, new Set([b]));
      else set.add(b);
    };
    for (const d of dirty) {
      for (const x of index.related(d, ctx) ?? this.nodes) {
        if (x === d) continue;
        add(x, d);
        add(d, x);
      }
    }
    return out;
  }

  /**
   * `node` absorbs the later nodes that relate to it, in order: those in
   * `first` (null: every later node); once it has grown, its new candidates too.
   */
  private absorb(
    node: NetNode,
    first: Set<NetNode> | null,
    index: NodeIndex,
    absorbed: Set<NetNode>,
    changed: Set<NetNode>,
    ctx: NetContext,
  ): void {
    let queue = [...(first ?? this.nodes)].filter((x) => x.seq > node.seq).sort(bySeq);
    for (let k = 0; k < queue.length; k++) {
      const other = queue[k] as NetNode;
      if (!other.contains(node, ctx) && !node.contains(other, ctx)) continue;
      node.merge(other, true, ctx);
      index.update(node);
      absorbed.add(other);
      changed.add(node);
      // The node grew: look again from here with its new ports and processes.
      queue = [...(index.related(node, ctx) ?? this.nodes)].filter((x) => x.seq > other.seq).sort(bySeq);
      k = -1;
    }
  }

  internalMerge(ctx: NetContext): void {
    const state: FoldedState = { procs: ctx.procs, version: ctx.procs.version, flags: `${String(ctx.ignorePrivate)}${String(ctx.ignorePublic)}${String(ctx.ignoreProcs)}` };
    const f = this.folded;
    const incremental = ctx.identityIds && f !== null && f.procs === state.procs && f.version === state.version && f.flags === state.flags;
    let dirty: ReadonlySet<NetNode> | null = incremental ? this.dirty : null;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const changed = this.foldPass(ctx, dirty);
      if (changed.size === 0) break;
      dirty = changed;
    }
    this.dirty.clear();
    this.folded = ctx.identityIds ? state : null;
  }

  /**
   * Drop nodes left without peers (filtered out by the private/public options).
   * spyctl drops them when it prints the list, i.e. between merges, but they take
   * part in the folding of the merge that emptied them.
   */
  dropEmpty(): void {
    const empty = this.nodes.filter((node) => node.peerCount === 0);
    if (empty.length === 0) return;
    for (const node of empty) this.index?.remove(node);
    this.nodes = this.nodes.filter((node) => node.peerCount > 0);
  }

  /** Merge every node of `other` (ids already mapped to ours) into this list. */
  mergeFrom(other: NetList, symmetric: boolean, ctx: NetContext): void {
    const index = this.indexed(ctx);
    for (const o of other.nodes) {
      let matched = false;
      const candidates = [...(index.related(o, ctx) ?? this.nodes)].sort(bySeq);
      for (const node of candidates) {
        if (node.contains(o, ctx)) {
          node.merge(o, symmetric, ctx);
          index.update(node);
          this.dirty.add(node);
          matched = true;
          break;
        }
        if (symmetric && o.contains(node, ctx)) {
          // spyctl keeps looking after this case, so `o` may feed several nodes.
          node.merge(o, true, ctx);
          index.update(node);
          this.dirty.add(node);
          matched = true;
        }
      }
      if (!matched) {
        this.append(o);
        this.dirty.add(o);
      }
    }
  }

  /**
   * Would an asymmetric merge of `other` (folded, ids mapped) leave this folded
   * list unchanged? Read-only: each node must land in a node that already holds
   * its peers and processes.
   */
  absorbsUnchanged(other: NetList, ctx: NetContext): boolean {
    const index = this.indexed(ctx);
    for (const o of other.nodes) {
      const candidates = [...(index.related(o, ctx) ?? this.nodes)].sort(bySeq);
      const home = candidates.find((node) => node.contains(o, ctx));
      if (home === undefined || !home.absorbsUnchanged(o, ctx)) return false;
    }
    return true;
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
