/**
 * Single-line YAML values for the fast parser: plain, single- and
 * double-quoted scalars and one-line flow collections. Anything unusual
 * returns null and the caller hands the whole text to the `yaml` package.
 * Indices are 0-based into `line`; nodes get 1-based columns.
 */
import { resolvePlain } from './scalars.ts';
import { pMap, pScalar, pSeq } from './pos-tree.ts';
import type { PMap, PNode, PSeq } from './pos-tree.ts';

export interface Inline {
  value: unknown;
  node: PNode;
  /** Index just past the value (before trailing spaces / comment). */
  end: number;
}

const INDICATORS = '&*!|>%@`#,[]{}\'"';
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Only spaces, or spaces then a comment, from `i` to the end of the line. */
export function restIsEmpty(line: string, i: number): boolean {
  let j = i;
  while (j < line.length && line.charCodeAt(j) === 32) j++;
  return j === line.length || (line.charCodeAt(j) === 35 && j > i);
}

/** `-`, `?` or `:` followed by a space or the end of the line. */
export function isIndicatorAt(line: string, i: number, ch: string): boolean {
  return line[i] === ch && (i + 1 === line.length || line.charCodeAt(i + 1) === 32);
}

export interface Quoted {
  text: string;
  end: number;
}

export function parseQuoted(line: string, start: number): Quoted | null {
  const quote = line[start];
  let out = '';
  let i = start + 1;
  let from = i;
  while (i < line.length) {
    const ch = line[i];
    if (quote === "'" && ch === "'") {
      if (line[i + 1] === "'") {
        out += line.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      return { text: out + line.slice(from, i), end: i + 1 };
    }
    if (quote === '"' && ch === '"') return { text: out + line.slice(from, i), end: i + 1 };
    if (quote === '"' && ch === '\\') {
      out += line.slice(from, i);
      const esc = line[i + 1] ?? '';
      const simple = ESCAPES[esc];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else {
        const len = HEX_LEN[esc];
        const hex = len === undefined ? '' : line.slice(i + 2, i + 2 + len);
        if (len === undefined || hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return null;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) return null;
        out += String.fromCodePoint(code);
        i += 2 + len;
      }
      from = i;
      continue;
    }
    i++;
  }
  return null;
}

/** A plain scalar in block context, or null when it needs the full parser. */
function parsePlainBlock(line: string, start: number, lineNo: number): Inline | null {
  let end = line.length;
  for (let k = start; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 32 && line.charCodeAt(k + 1) === 35) {
      end = k;
      break;
    }
    if (c === 58 && (k + 1 === line.length || line.charCodeAt(k + 1) === 32)) return null;
  }
  while (end > start && line.charCodeAt(end - 1) === 32) end--;
  const raw = line.slice(start, end);
  return { value: resolvePlain(raw), node: pScalar(lineNo, start + 1, lineNo, end + 1), end };
}

/** A value that sits on one line after `key: ` or `- `; the rest must be blank or a comment. */
export function parseInlineValue(line: string, start: number, lineNo: number): Inline | null {
  const ch = line[start] ?? '';
  let result: Inline | null;
  if (ch === '"' || ch === "'") {
    const q = parseQuoted(line, start);
    result = q && { value: q.text, node: pScalar(lineNo, start + 1, lineNo, q.end + 1), end: q.end };
  } else if (ch === '[' || ch === '{') {
    result = parseFlow(line, start, lineNo);
  } else if (INDICATORS.includes(ch) || isIndicatorAt(line, start, '-') || isIndicatorAt(line, start, '?') || isIndicatorAt(line, start, ':')) {
    return null;
  } else {
    return parsePlainBlock(line, start, lineNo);
  }
  return result && restIsEmpty(line, result.end) ? result : null;
}

interface FlowFrame {
  seq: boolean;
  value: unknown[] | Record<string, unknown>;
  node: PSeq | PMap;
  key: string | null;
}

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** A scalar inside a flow collection. */
function flowScalar(line: string, i: number, lineNo: number): Inline | null {
  const ch = line[i] ?? '';
  if (ch === '"' || ch === "'") {
    const q = parseQuoted(line, i);
    return q && { value: q.text, node: pScalar(lineNo, i + 1, lineNo, q.end + 1), end: q.end };
  }
  if (ch === '' || INDICATORS.includes(ch) || ch === '-' || ch === '?' || ch === ':') {
    if (!(ch === '-' && /[0-9.]/.test(line[i + 1] ?? ''))) return null;
  }
  let end = i;
  while (end < line.length) {
    const c = line[end];
    if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
    if (c === ':') {
      if (isIndicatorAt(line, end, ':')) break;
      return null;
    }
    if (c === '#' && line[end - 1] === ' ') return null;
    end++;
  }
  let last = end;
  while (last > i && line.charCodeAt(last - 1) === 32) last--;
  if (last === i) return null;
  const raw = line.slice(i, last);
  return { value: resolvePlain(raw), node: pScalar(lineNo, i + 1, lineNo, last + 1), end: last };
}

function attach(frame: FlowFrame, value: unknown, node: PNode): boolean {
  if (frame.seq) {
    (frame.value as unknown[]).push(value);
    (frame.node as PSeq).items.push(node);
    return true;
  }
  const key = frame.key;
  const obj = frame.value as Record<string, unknown>;
  if (key === null || Object.hasOwn(obj, key)) return false;
  obj[key] = value;
  (frame.node as PMap).vals.push(node);
  frame.key = null;
  return true;
}

/** A flow collection closed on the same line. */
export function parseFlow(line: string, start: number, lineNo: number): Inline | null {
  const stack: FlowFrame[] = [];
  let i = start;
  let root: Inline | null = null;
  let expectItem = true;
  while (root === null) {
    i = skipSpaces(line, i);
    const ch = line[i];
    if (ch === undefined) return null;
    const top = stack[stack.length - 1];
    if (ch === '[' || ch === '{') {
      if (top && (!expectItem || (!top.seq && top.key === null))) return null;
      const seq = ch === '[';
      const node = seq ? pSeq(lineNo, i + 1, true) : pMap(lineNo, i + 1, true);
      stack.push({ seq, value: seq ? [] : {}, node, key: null });
      expectItem = true;
      i++;
      continue;
    }
    if (ch === ']' || ch === '}') {
      if (!top || top.seq !== (ch === ']') || top.key !== null) return null;
      const empty = top.seq ? (top.value as unknown[]).length === 0 : (top.node as PMap).keys.length === 0;
      if (expectItem && !empty) return null;
      stack.pop();
      top.node.endLine = lineNo;
      top.node.endCol = i + 2;
      i++;
      expectItem = false;
      const parent = stack[stack.length - 1];
      if (!parent) root = { value: top.value, node: top.node, end: i };
      else if (!attach(parent, top.value, top.node)) return null;
      continue;
    }
    if (!top) return null;
    if (ch === ',') {
      if (expectItem || top.key !== null) return null;
      expectItem = true;
      i++;
      continue;
    }
    if (!expectItem) return null;
    const item = flowScalar(line, i, lineNo);
    if (!item) return null;
    i = skipSpaces(line, item.end);
    if (!top.seq && top.key === null) {
      if (typeof item.value !== 'string' || item.value === '__proto__' || !isIndicatorAt(line, i, ':')) return null;
      top.key = item.value;
      const map = top.node as PMap;
      map.keys.push(item.value);
      map.keyPos.push(lineNo, item.node.col, item.node.endCol);
      i++;
      continue;
    }
    if (line[i] === ':') return null;
    if (!attach(top, item.value, item.node)) return null;
    expectItem = false;
  }
  return root;
}
