/**
 * Pure helpers over a fingerprint's process tree (`spec.processPolicy`): indexing,
 * which rows are visible for a set of expanded nodes, and search.
 */
import type { PortRange, ProcessNode } from '../../engine/model/types.ts';

export interface IndexedNode {
  node: ProcessNode;
  parentId: string | null;
  depth: number;
  /** The effective euser: the node's own, else inherited from the nearest ancestor that has one. */
  euser: string[];
  inheritedEuser: boolean;
}

export interface TreeIndex {
  byId: Map<string, IndexedNode>;
  /** Depth-first order. */
  order: string[];
  /** Ids of nodes with children. */
  parents: Set<string>;
}

export function indexTree(roots: readonly ProcessNode[]): TreeIndex {
  const byId = new Map<string, IndexedNode>();
  const order: string[] = [];
  const parents = new Set<string>();
  const visit = (n: ProcessNode, parentId: string | null, depth: number, inherited: string[]): void => {
    const own = Array.isArray(n.euser) && n.euser.length > 0 ? n.euser : undefined;
    const euser = own ?? inherited;
    // Ids are unique in valid documents; keep the first occurrence if they are not.
    if (!byId.has(n.id)) byId.set(n.id, { node: n, parentId, depth, euser, inheritedEuser: own === undefined && euser.length > 0 });
    order.push(n.id);
    const kids = n.children ?? [];
    if (kids.length > 0) parents.add(n.id);
    for (const c of kids) visit(c, n.id, depth + 1, euser);
  };
  for (const r of roots) visit(r, null, 0, []);
  return { byId, order, parents };
}

/** Ids of the ancestors of `id`, root first. */
export function ancestorsOf(index: TreeIndex, id: string): string[] {
  const out: string[] = [];
  let cur = index.byId.get(id)?.parentId ?? null;
  while (cur !== null && !out.includes(cur)) {
    out.unshift(cur);
    cur = index.byId.get(cur)?.parentId ?? null;
  }
  return out;
}

export interface VisibleRow {
  id: string;
  node: ProcessNode;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows a reader sees, in order, when the nodes in `expanded` are open. */
export function visibleRows(roots: readonly ProcessNode[], expanded: ReadonlySet<string>): VisibleRow[] {
  const out: VisibleRow[] = [];
  const walk = (nodes: readonly ProcessNode[], depth: number): void => {
    for (const n of nodes) {
      const kids = n.children ?? [];
      const isOpen = kids.length > 0 && expanded.has(n.id);
      out.push({ id: n.id, node: n, depth, hasChildren: kids.length > 0, expanded: isOpen });
      if (isOpen) walk(kids, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

export function formatPort(p: PortRange): string {
  return `${p.protocol} ${p.port}${p.endPort !== undefined && p.endPort !== p.port ? `–${p.endPort}` : ''}`;
}

/** Text a search looks at for one node: name, exe paths, effective euser, id and listening ports. */
function haystack(n: IndexedNode): string {
  const ports = (n.node.listeningSockets ?? []).map(formatPort).join(' ');
  return [n.node.name, ...(n.node.exe ?? []), ...n.euser, n.node.id, ports].join('\n').toLowerCase();
}

export interface TreeSearch {
  /** Matching node ids, in tree order. */
  matches: string[];
  /** Nodes to open so every match is visible (their ancestors). */
  expand: Set<string>;
  /** Matches plus their ancestors: the nodes on a path to a match. */
  onPath: Set<string>;
}

/** Case-insensitive substring search over name, exe, euser, id and ports. */
export function searchTree(index: TreeIndex, query: string): TreeSearch {
  const q = query.trim().toLowerCase();
  const matches: string[] = [];
  const expand = new Set<string>();
  const onPath = new Set<string>();
  if (q === '') return { matches, expand, onPath };
  for (const id of index.order) {
    const entry = index.byId.get(id);
    if (!entry || entry.node.id !== id || matches.includes(id)) continue;
    if (!haystack(entry).includes(q)) continue;
    matches.push(id);
    onPath.add(id);
    for (const a of ancestorsOf(index, id)) {
      expand.add(a);
      onPath.add(a);
    }
  }
  return { matches, expand, onPath };
}

/** Initially open: every node down to `depth` levels (roots are level 0). */
export function expandedToDepth(index: TreeIndex, depth: number): Set<string> {
  const out = new Set<string>();
  for (const id of index.parents) if ((index.byId.get(id)?.depth ?? Infinity) < depth) out.add(id);
  return out;
}
