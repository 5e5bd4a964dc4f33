/**
 * Process trees compiled for matching process chains.
 *
 * A chain (root → leaf) matches when chain[0] matches a root node and each
 * following process matches a child of the node the previous one matched:
 * name by fnmatch, exe by fnmatch against any of the node's exes, euser by
 * fnmatch against any of the node's effective eusers (its own, else its
 * parent's; a root without `euser` — invalid — accepts any user).
 * Each level is a map exact name → nodes (scanned with === when the level is
 * small, to skip hashing) plus a list of glob-named nodes; candidates are tried
 * exact-first, then globs, each in document order, with backtracking, so any
 * path that fits is found.
 */
import type { ProcessNode } from '../model/types.ts';
import type { ProcessInfo } from '../match/selectors.ts';
import { compileGlob, hasGlob } from '../match/fnmatch.ts';

export interface Level {
  exact: Map<string, CompiledNode[]>;
  /** The exact-named nodes in document order, scanned with === when few (no hashing). */
  list: CompiledNode[];
  globs: CompiledNode[];
}

/** Up to this many exact names / exes / users, a linear === scan beats a hash lookup. */
const SCAN_LIMIT = 6;

export interface CompiledNode {
  id: string;
  /** Position in the tree's node list (and its counter). */
  slot: number;
  /** Ids root → this node. */
  path: readonly string[];
  /** Exact name (null for a glob name). */
  name: string | null;
  /** Slots root → this node. */
  pathSlots: readonly number[];
  nameGlob: RegExp | null;
  exeExact: ReadonlySet<string>;
  /** The exact exes, when few enough to scan. */
  exeList: readonly string[] | null;
  exeGlobs: readonly RegExp[];
  /** No euser constraint (a root without euser). */
  euserAny: boolean;
  euserExact: ReadonlySet<string>;
  euserList: readonly string[] | null;
  euserGlobs: readonly RegExp[];
  children: Level;
}

export interface CompiledTree {
  roots: Level;
  nodes: CompiledNode[];
  byId: Map<string, CompiledNode>;
}

/** Scratch state of one match: the deepest partial match, for deviation reports. */
export interface ChainMatchState {
  depth: number;
  node: CompiledNode | null;
}

function splitPatterns(patterns: readonly string[]): { exact: Set<string>; globs: RegExp[] } {
  const exact = new Set<string>();
  const globs: RegExp[] = [];
  for (const p of patterns) {
    if (hasGlob(p)) globs.push(compileGlob(p));
    else exact.add(p);
  }
  return { exact, globs };
}

function newLevel(): Level {
  return { exact: new Map(), list: [], globs: [] };
}

function addToLevel(level: Level, node: ProcessNode, compiled: CompiledNode): void {
  if (compiled.nameGlob !== null) {
    level.globs.push(compiled);
    return;
  }
  level.list.push(compiled);
  const list = level.exact.get(node.name);
  if (list) list.push(compiled);
  else level.exact.set(node.name, [compiled]);
}

export function compileTree(roots: readonly ProcessNode[] | undefined): CompiledTree {
  const tree: CompiledTree = { roots: newLevel(), nodes: [], byId: new Map() };
  const visit = (
    node: ProcessNode,
    level: Level,
    parentEuser: readonly string[] | null,
    parentPath: readonly string[],
    parentSlots: readonly number[],
  ): void => {
    const euser = node.euser ?? parentEuser;
    const exes = splitPatterns(Array.isArray(node.exe) ? node.exe : []);
    const users = splitPatterns(euser ?? []);
    const slot = tree.nodes.length;
    const name = String(node.name);
    const compiled: CompiledNode = {
      id: String(node.id),
      slot,
      path: [...parentPath, String(node.id)],
      name: hasGlob(name) ? null : name,
      pathSlots: [...parentSlots, slot],
      nameGlob: hasGlob(name) ? compileGlob(name) : null,
      exeExact: exes.exact,
      exeList: exes.exact.size <= SCAN_LIMIT ? [...exes.exact] : null,
      exeGlobs: exes.globs,
      euserAny: euser === null,
      euserExact: users.exact,
      euserList: users.exact.size <= SCAN_LIMIT ? [...users.exact] : null,
      euserGlobs: users.globs,
      children: newLevel(),
    };
    tree.nodes.push(compiled);
    if (!tree.byId.has(compiled.id)) tree.byId.set(compiled.id, compiled);
    addToLevel(level, node, compiled);
    for (const child of node.children ?? []) {
      visit(child, compiled.children, euser, compiled.path, compiled.pathSlots);
    }
  };
  for (const root of roots ?? []) visit(root, tree.roots, null, [], []);
  return tree;
}

function anyGlob(globs: readonly RegExp[], s: string): boolean {
  for (let i = 0; i < globs.length; i++) {
    if ((globs[i] as RegExp).test(s)) return true;
  }
  return false;
}

function inList(list: readonly string[], s: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === s) return true;
  return false;
}

function hasExact(list: readonly string[] | null, set: ReadonlySet<string>, s: string): boolean {
  return list !== null ? inList(list, s) : set.has(s);
}

/** Does one process fit one node (its name already matched when the node is exact-named)? */
function fits(n: CompiledNode, p: ProcessInfo): boolean {
  if (n.nameGlob !== null && !n.nameGlob.test(p.name)) return false;
  if (!hasExact(n.exeList, n.exeExact, p.exe) && !anyGlob(n.exeGlobs, p.exe)) return false;
  if (n.euserAny) return true;
  return hasExact(n.euserList, n.euserExact, p.euser) || anyGlob(n.euserGlobs, p.euser);
}

function descend(n: CompiledNode, chain: readonly ProcessInfo[], depth: number, st: ChainMatchState): CompiledNode | null {
  if (depth + 1 > st.depth) {
    st.depth = depth + 1;
    st.node = n;
  }
  if (depth + 1 === chain.length) return n;
  return matchLevel(n.children, chain, depth + 1, st);
}

function matchLevel(level: Level, chain: readonly ProcessInfo[], depth: number, st: ChainMatchState): CompiledNode | null {
  const p = chain[depth] as ProcessInfo;
  const name = p.name;
  const list = level.list;
  if (list.length <= SCAN_LIMIT) {
    for (let i = 0; i < list.length; i++) {
      const n = list[i] as CompiledNode;
      if (n.name === name && fits(n, p)) {
        const r = descend(n, chain, depth, st);
        if (r !== null) return r;
      }
    }
  } else {
    const bucket = level.exact.get(name);
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const n = bucket[i] as CompiledNode;
        if (fits(n, p)) {
          const r = descend(n, chain, depth, st);
          if (r !== null) return r;
        }
      }
    }
  }
  const globs = level.globs;
  for (let i = 0; i < globs.length; i++) {
    const n = globs[i] as CompiledNode;
    if (fits(n, p)) {
      const r = descend(n, chain, depth, st);
      if (r !== null) return r;
    }
  }
  return null;
}

/**
 * The node the chain's leaf matches, or null. `st` is reset and receives the
 * deepest partial match (number of chain entries matched and the last node).
 */
export function matchChain(tree: CompiledTree, chain: readonly ProcessInfo[], st: ChainMatchState): CompiledNode | null {
  st.depth = 0;
  st.node = null;
  if (chain.length === 0) return null;
  return matchLevel(tree.roots, chain, 0, st);
}

function collect(level: Level, chain: readonly ProcessInfo[], depth: number, out: CompiledNode[]): void {
  const p = chain[depth] as ProcessInfo;
  const visit = (n: CompiledNode): void => {
    if (!fits(n, p)) return;
    if (depth + 1 === chain.length) {
      if (!out.includes(n)) out.push(n);
    } else {
      collect(n.children, chain, depth + 1, out);
    }
  };
  for (const n of level.exact.get(p.name) ?? []) visit(n);
  for (const n of level.globs) visit(n);
}

/** Every node the chain's leaf can match through some path (slow path; allocates). */
export function allLeafMatches(tree: CompiledTree, chain: readonly ProcessInfo[]): CompiledNode[] {
  const out: CompiledNode[] = [];
  if (chain.length > 0) collect(tree.roots, chain, 0, out);
  return out;
}
