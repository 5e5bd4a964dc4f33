/**
 * Multi-line plain and single-quoted scalars for the fast parser: PyYAML folds
 * long strings over several lines, indented under their key.
 */
import { restIsEmpty } from './fast-inline.ts';
import { fail, isPlainContinuation } from './fast-lex.ts';
import type { PMap, PScalar, PSeq } from './pos-tree.ts';

export interface Frame {
  seq: boolean;
  indent: number;
  value: unknown[] | Record<string, unknown>;
  node: PMap | PSeq;
}

/** Where a value goes: the root, a sequence slot or a mapping key. */
export interface Slot {
  parent: Frame | null;
  slot: number;
  key: string;
}

/** A plain or single-quoted scalar that may continue on the next lines. */
export interface OpenScalar {
  quote: boolean;
  /** Continuation lines must be indented more than this. */
  owner: number;
  text: string;
  blanks: number;
  node: PScalar;
  target: Slot;
}

/**
 * What a line does to an open scalar: `blank` (remembered for folding),
 * `continued`, `closed` (the closing quote), `comment` (ends a plain scalar),
 * or `ended` (the line is not part of it and must be parsed normally).
 */
export type ScalarStep = 'blank' | 'continued' | 'closed' | 'comment' | 'ended';

export function feedScalar(o: OpenScalar, line: string, indent: number, lineNo: number): ScalarStep {
  if (indent === line.length) {
    o.blanks++;
    return 'blank';
  }
  const sep = o.blanks > 0 ? '\n'.repeat(o.blanks) : ' ';
  if (o.quote) {
    if (indent <= o.owner) fail();
    o.blanks = 0;
    let part = '';
    let from = indent;
    let close = -1;
    for (let i = indent; i < line.length; i++) {
      if (line[i] !== "'") continue;
      if (line[i + 1] === "'") {
        part += line.slice(from, i + 1);
        from = i + 2;
        i++;
        continue;
      }
      close = i;
      break;
    }
    part += line.slice(from, close < 0 ? line.length : close);
    o.text += sep + (close < 0 ? part.trimEnd() : part);
    o.node.endLine = lineNo;
    o.node.endCol = (close < 0 ? line.length : close + 1) + 1;
    if (close < 0) return 'continued';
    if (!restIsEmpty(line, close + 1)) fail();
    return 'closed';
  }
  if (line.charCodeAt(indent) === 35) return 'comment';
  if (indent <= o.owner) return 'ended';
  o.blanks = 0;
  const text = line.slice(indent).trimEnd();
  if (!isPlainContinuation(text)) fail();
  o.text += sep + text;
  o.node.endLine = lineNo;
  o.node.endCol = indent + text.length + 1;
  return 'continued';
}
