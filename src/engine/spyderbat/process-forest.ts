/**
 * A processPolicy as a forest of {@link ProcNode}s, with spyctl's tree merges:
 * roots against roots, then children against children recursively; the first
 * matching node wins; an unmatched node is copied in as a new root or subtree,
 * renamed when its id is taken (ids.ts).
 *
 * Fix (spyctl bug, reference §7): spyctl gives a child without `euser` its
 * parent's list object, so a merge that adds users to the child also adds them
 * to the parent. Every node here owns its own list.
 */
import { hasGlob } from '../match/fnmatch.ts';
import { uniqueId } from './ids.ts';
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';
import { MAX_TREE_DEPTH, parsePorts, ProcNode, sortChildren } from './process-node.ts';
import type { Ports } from './process-node.ts';

function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export class ProcForest {
  roots: ProcNode[] = [];
  readonly byId = new Map<string, ProcNode>();
  readonly ids = new Set<string>();
  /** Things noticed while parsing (duplicate ids, unknown policyNode ids, …). */
  readonly problems: string[] = [];
  /** Bumped whenever an existing node's name or exes change (they decide "comparable" processes). */
  version = 0;
  /** Called for each symmetric node merge with the names before and after. */
  onRename: ((id: string, before: string, otherName: string, result: string) => void) | null = null;

  /**
   * Parse a processPolicy list. `base` resolves deviation `policyNode` entries
   * (new children under an existing node): the path from the root down to that
   * node is rebuilt from the base so the merge walks into the right place.
   */
  static parse(data: unknown, base: ProcForest | null = null): ProcForest {
    const f = new ProcForest();
    for (const item of Array.isArray(data) ? data : []) {
      const root = f.parseEntry(item, base);
      if (root !== null) f.roots.push(root);
    }
    return f;
  }

  private parseEntry(item: unknown, base: ProcForest | null): ProcNode | null {
    if (!isRecord(item)) return null;
    if (isRecord(item.policyNode)) return this.parsePolicyNode(item.policyNode, base);
    return this.parseNode(item, [], null, 0);
  }

  private register(node: ProcNode): void {
    if (this.ids.has(node.id)) {
      const renamed = uniqueId(node.id, this.ids);
      this.problems.push(`duplicate process id '${node.id}' renamed to '${renamed}'`);
      node.id = renamed;
    }
    this.ids.add(node.id);
    this.byId.set(node.id, node);
  }

  private parseNode(d: Json, inherited: readonly string[], parent: ProcNode | null, depth: number): ProcNode | null {
    if (depth > MAX_TREE_DEPTH) {
      this.problems.push('process tree too deep; cut off');
      return null;
    }
    const eusers = Array.isArray(d.euser) ? strings(d.euser) : [...inherited];
    const sockets = (Array.isArray(d.listeningSockets) ? d.listeningSockets : [])
      .map(parsePorts)
      .filter((p): p is Ports => p !== null);
    const node = new ProcNode(scalar(d.name), strings(d.exe), scalar(d.id), eusers, sockets, parent);
    if (parent === null && eusers.length === 0) this.problems.push(`root process '${node.id}' has no euser`);
    this.register(node);
    for (const c of Array.isArray(d.children) ? d.children : []) {
      if (!isRecord(c)) continue;
      const child = this.parseNode(c, node.eusers, node, depth + 1);
      if (child !== null) node.children.push(child);
    }
    return node;
  }

  private parsePolicyNode(pn: Json, base: ProcForest | null): ProcNode | null {
    const target = base?.byId.get(String(pn.id));
    if (target === undefined) {
      this.problems.push(`deviation process node id '${String(pn.id)}' is missing in the base policy`);
      return null;
    }
    const chain: ProcNode[] = [];
    for (let n: ProcNode | null = target; n !== null && chain.length <= MAX_TREE_DEPTH; n = n.parent) chain.unshift(n);
    let parent: ProcNode | null = null;
    let root: ProcNode | null = null;
    for (const b of chain) {
      const copy: ProcNode = new ProcNode(b.name, [...b.exes], b.id, [...b.eusers], b.sockets.map((s) => ({ ...s })), parent);
      this.register(copy);
      if (parent === null) root = copy;
      else parent.children.push(copy);
      parent = copy;
    }
    if (parent !== null) {
      for (const c of Array.isArray(pn.children) ? pn.children : []) {
        if (!isRecord(c)) continue;
        const child = this.parseNode(c, parent.eusers, parent, chain.length);
        if (child !== null) parent.children.push(child);
      }
    }
    return root;
  }

  /** Copy `other` (and its subtree) in, renaming taken ids; records `mergedId`. */
  private copyIn(other: ProcNode, parent: ProcNode | null, depth = 0): ProcNode {
    const node = new ProcNode(other.name, [...other.exes], uniqueId(other.id, this.ids), [...other.eusers], other.sockets.map((s) => ({ ...s })), parent);
    other.mergedId = node.id;
    this.ids.add(node.id);
    this.byId.set(node.id, node);
    if (depth < MAX_TREE_DEPTH) node.children = other.children.map((c) => this.copyIn(c, node, depth + 1));
    return node;
  }

  private mergeLevel(nodes: ProcNode[], others: readonly ProcNode[], parent: ProcNode | null, symmetric: boolean, depth: number): void {
    for (const o of others) {
      // `nodes` grows while we iterate: later siblings may match nodes copied in just now.
      const match = nodes.find((n) => (symmetric ? n.symmetricallyIn(o) || o.symmetricallyIn(n) : n.contains(o)));
      if (match === undefined) {
        nodes.push(this.copyIn(o, parent));
        continue;
      }
      const before = match.name;
      const exes = match.exes.length;
      if (symmetric) {
        match.mergeSymmetric(o);
        this.onRename?.(match.id, before, o.name, match.name);
      } else match.mergeAsymmetric(o);
      if (match.name !== before || match.exes.length !== exes) this.version++;
      if (depth < MAX_TREE_DEPTH) this.mergeLevel(match.children, o.children, match, symmetric, depth + 1);
    }
  }

  /**
   * Would an asymmetric merge of `other` change nothing? Read-only, except that
   * matched nodes of `other` get their `mergedId` as in a merge.
   */
  absorbsUnchanged(other: ProcForest): boolean {
    const level = (nodes: readonly ProcNode[], others: readonly ProcNode[], depth: number): boolean =>
      others.every((o) => {
        const match = nodes.find((n) => n.contains(o));
        if (match === undefined || !match.coversAll(o)) return false;
        o.mergedId = match.id;
        return depth >= MAX_TREE_DEPTH || level(match.children, o.children, depth + 1);
      });
    return level(this.roots, other.roots, 0);
  }

  merge(other: ProcForest, symmetric: boolean): void {
    this.byName = null;
    this.mergeLevel(this.roots, other.roots, null, symmetric, 0);
    sortChildren(this.roots);
  }

  /** Every node, depth first. */
  *nodes(): Generator<ProcNode> {
    const stack = [...this.roots].reverse();
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      yield n;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ProcNode);
    }
  }

  private byName: Map<string, ProcNode[]> | null = null;
  private globNamed: ProcNode[] = [];

  /** Nodes whose names could match `node`'s either way (same name, or a glob on either side). Call after merging. */
  candidatesFor(node: ProcNode): ProcNode[] {
    this.caches();
    if (this.byName === null) {
      this.byName = new Map();
      this.globNamed = [];
      for (const n of this.nodes()) {
        if (hasGlob(n.name)) this.globNamed.push(n);
        const list = this.byName.get(n.name);
        if (list === undefined) this.byName.set(n.name, [n]);
        else list.push(n);
      }
    }
    if (hasGlob(node.name)) return [...this.nodes()];
    return [...(this.byName.get(node.name) ?? []), ...this.globNamed];
  }

  private cacheVersion = -1;
  private cacheSize = -1;
  private pairCache = new Map<string, Map<string, boolean>>();
  private comparableCache = new Map<string, string[]>();

  /** Memos of comparability hold while no name or exe changed and no node was added. */
  private caches(): void {
    if (this.version === this.cacheVersion && this.ids.size === this.cacheSize) return;
    this.cacheVersion = this.version;
    this.cacheSize = this.ids.size;
    this.pairCache = new Map();
    this.comparableCache = new Map();
    this.byName = null;
  }

  /** The nodes with these ids contain one another (spyctl's "comparable" processes). */
  comparable(a: string, b: string): boolean {
    this.caches();
    let row = this.pairCache.get(a);
    if (row === undefined) this.pairCache.set(a, (row = new Map<string, boolean>()));
    let hit = row.get(b);
    if (hit === undefined) {
      const x = this.byId.get(a);
      const y = this.byId.get(b);
      hit = x !== undefined && y !== undefined && (x.contains(y) || y.contains(x));
      row.set(b, hit);
    }
    return hit;
  }

  /** `id` and every id comparable to it. */
  comparableTo(id: string): readonly string[] {
    this.caches();
    let hit = this.comparableCache.get(id);
    if (hit === undefined) {
      hit = [id];
      const node = this.byId.get(id);
      if (node !== undefined) for (const o of this.candidatesFor(node)) if (o.id !== id && this.comparable(id, o.id)) hit.push(o.id);
      this.comparableCache.set(id, hit);
    }
    return hit;
  }

  /** other id → base id, after a merge. */
  idMap(): Map<string, string> {
    const m = new Map<string, string>();
    for (const n of this.nodes()) m.set(n.id, n.mergedId ?? n.id);
    return m;
  }

  toData(): Json[] {
    return this.roots.map((r) => r.toData(null));
  }
}
