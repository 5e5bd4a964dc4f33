/**
 * A light tree of source positions mirroring a parsed YAML document, built by
 * both the fast parser and the `yaml`-package path, and walked by the locator.
 * Lines and columns are 1-based; `endCol` is exclusive (one past the last
 * character), as in the editor.
 */

export interface PosBase {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface PScalar extends PosBase {
  t: 0;
}

export interface PMap extends PosBase {
  t: 1;
  flow: boolean;
  keys: string[];
  /** Per key: line, start column, end column (three numbers per key). */
  keyPos: number[];
  vals: PNode[];
}

export interface PSeq extends PosBase {
  t: 2;
  flow: boolean;
  items: PNode[];
}

export type PNode = PScalar | PMap | PSeq;

export function pScalar(line: number, col: number, endLine: number, endCol: number): PScalar {
  return { t: 0, line, col, endLine, endCol };
}

export function pMap(line: number, col: number, flow: boolean): PMap {
  return { t: 1, flow, line, col, endLine: line, endCol: col, keys: [], keyPos: [], vals: [] };
}

export function pSeq(line: number, col: number, flow: boolean): PSeq {
  return { t: 2, flow, line, col, endLine: line, endCol: col, items: [] };
}
