/**
 * Finds where a JSON path sits in a parsed document. A map entry spans its key
 * and, when the value is a scalar or flow collection, the value; a block
 * collection is represented by its first line. A path that does not exist
 * resolves to its nearest existing ancestor (`exact: false`).
 */
import type { PMap, PNode } from './pos-tree.ts';
import type { Path } from './path.ts';

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Located extends SourceRange {
  /** True when the whole path exists in the document. */
  exact: boolean;
}

function isBlock(node: PNode): boolean {
  return node.t !== 0 && !node.flow;
}

function entryRange(map: PMap, i: number): SourceRange {
  const line = map.keyPos[i * 3] ?? map.line;
  const column = map.keyPos[i * 3 + 1] ?? map.col;
  const keyEnd = map.keyPos[i * 3 + 2] ?? column;
  const value = map.vals[i];
  if (value && !isBlock(value)) return { line, column, endLine: value.endLine, endColumn: value.endCol };
  return { line, column, endLine: line, endColumn: keyEnd };
}

/** The range of a node: scalars and flow collections whole, block ones by their first line. */
export function nodeRange(node: PNode): SourceRange {
  const start = { line: node.line, column: node.col };
  let cur: PNode = node;
  for (;;) {
    if (!isBlock(cur)) return { ...start, endLine: cur.endLine, endColumn: cur.endCol };
    if (cur.t === 1) {
      if (cur.keys.length === 0) return { ...start, endLine: start.line, endColumn: start.column + 1 };
      const first = entryRange(cur, 0);
      return { ...start, endLine: first.endLine, endColumn: first.endColumn };
    }
    const item = cur.t === 2 ? cur.items[0] : undefined;
    if (!item) return { ...start, endLine: start.line, endColumn: start.column + 1 };
    cur = item;
  }
}

export function locateInTree(tree: PNode | null, path: Path): Located | undefined {
  if (!tree) return undefined;
  let node: PNode = tree;
  let range = nodeRange(tree);
  for (const seg of path) {
    if (node.t === 1) {
      const i = node.keys.lastIndexOf(String(seg));
      const next = node.vals[i];
      if (i < 0 || !next) return { ...range, exact: false };
      range = entryRange(node, i);
      node = next;
    } else if (node.t === 2 && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      range = nodeRange(node);
    } else {
      return { ...range, exact: false };
    }
  }
  return { ...range, exact: true };
}
