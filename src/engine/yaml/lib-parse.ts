/**
 * The general path: the `yaml` package (YAML 1.1 with PyYAML's scalar typing),
 * for everything the fast parser declines. Its AST is converted, without
 * recursion, into the shared position tree.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node, ScalarTag, Tags } from 'yaml';
import type { EngineDiagnostic } from '../model/types.ts';
import { pMap, pScalar, pSeq } from './pos-tree.ts';
import type { PMap, PNode, PSeq } from './pos-tree.ts';
import { YAML11, constructFloat, constructInt } from './scalars.ts';
import type { RawDoc } from './fast-parse.ts';

export interface LibDoc extends RawDoc {
  diagnostics: EngineDiagnostic[];
  hasErrors: boolean;
}

/** Most aliases a document may expand (alias-bomb guard). */
export const MAX_ALIAS_COUNT = 100;

const PY_TAGS: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: YAML11.NULL_RE, resolve: () => null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: YAML11.BOOL_TRUE, resolve: () => true },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: YAML11.BOOL_FALSE, resolve: () => false },
  { tag: 'tag:yaml.org,2002:int', default: true, test: YAML11.INT_RE, resolve: constructInt },
  { tag: 'tag:yaml.org,2002:float', default: true, test: YAML11.FLOAT_RE, resolve: constructFloat },
];
const REPLACED = new Set(['null', 'bool', 'int', 'float', 'timestamp'].map((t) => `tag:yaml.org,2002:${t}`));

function customTags(tags: Tags): Tags {
  return [...tags.filter((t) => typeof t === 'string' || !REPLACED.has(t.tag)), ...PY_TAGS];
}

function nodeRange(node: Node): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

type Assign = (p: PNode) => void;

/** Converts a yaml AST into the position tree, iteratively. */
function toPosTree(root: unknown, lc: LineCounter): PNode | null {
  let result: PNode | null = null;
  const work: Array<[unknown, Assign]> = [[root, (p) => (result = p)]];
  const pos = (offset: number) => lc.linePos(offset);
  while (work.length > 0) {
    const [node, assign] = work.pop() ?? [null, () => undefined];
    if (isMap(node) || isSeq(node)) {
      const [start, end] = nodeRange(node);
      const s = pos(start);
      const e = pos(end);
      const flow = node.flow === true;
      if (isMap(node)) {
        const map: PMap = pMap(s.line, s.col, flow);
        if (flow) [map.endLine, map.endCol] = [e.line, e.col];
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = pair.key as Node | null;
          const [ks, ke] = key && typeof key === 'object' && 'range' in key ? nodeRange(key) : [start, start];
          const kp = pos(ks);
          map.keys.push(isScalar(key) ? String(key.value) : String(key));
          map.keyPos.push(kp.line, kp.col, pos(ke).col);
          const slot = map.vals.length;
          const kEnd = pos(ke);
          map.vals.push(pScalar(kEnd.line, kEnd.col, kEnd.line, kEnd.col));
          if (pair.value !== null && pair.value !== undefined) work.push([pair.value, (p) => (map.vals[slot] = p)]);
        }
        assign(map);
      } else {
        const seq: PSeq = pSeq(s.line, s.col, flow);
        if (flow) [seq.endLine, seq.endCol] = [e.line, e.col];
        node.items.forEach((item, slot) => {
          seq.items.push(pScalar(s.line, s.col, s.line, s.col));
          if (item !== null && item !== undefined) work.push([item, (p) => (seq.items[slot] = p)]);
        });
        assign(seq);
      }
    } else if (isScalar(node) || isAlias(node)) {
      const [start, end] = nodeRange(node);
      const s = pos(start);
      const e = pos(end);
      assign(pScalar(s.line, s.col, e.line, e.col));
    }
  }
  return result;
}

function diag(
  lc: LineCounter,
  range: readonly [number, number],
  message: string,
  severity: 'error' | 'warning',
  file: string | undefined,
): EngineDiagnostic {
  const s = lc.linePos(range[0]);
  const e = lc.linePos(Math.max(range[1], range[0]));
  return { file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col, path: '', message, severity };
}

function aliasMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return /alias/i.test(text)
    ? `too many aliases: the document expands more than ${MAX_ALIAS_COUNT} aliased nodes (possible alias bomb)`
    : `could not read the document: ${text}`;
}

export function libParse(text: string, file?: string): LibDoc[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, {
    version: '1.1',
    customTags,
    merge: true,
    prettyErrors: false,
    uniqueKeys: true,
    lineCounter: lc,
    logLevel: 'silent',
  });
  const list = Array.isArray(docs) ? docs : [docs];
  return list.map((doc) => {
    const diagnostics: EngineDiagnostic[] = [];
    for (const e of doc.errors) diagnostics.push(diag(lc, e.pos, `YAML syntax error: ${e.message}`, 'error', file));
    for (const w of doc.warnings) diagnostics.push(diag(lc, w.pos, `YAML: ${w.message}`, 'warning', file));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const [start, end] = doc.range;
      diagnostics.push(diag(lc, [start, Math.min(end, start + 1)], aliasMessage(e), 'error', file));
    }
    let tree: PNode | null;
    try {
      tree = toPosTree(doc.contents, lc);
    } catch {
      tree = null;
    }
    return {
      value,
      tree,
      startLine: lc.linePos(doc.range[0]).line,
      diagnostics,
      hasErrors: diagnostics.some((d) => d.severity === 'error'),
    };
  });
}
