/**
 * Line-level helpers of the fast parser: the bail-out signal, unsupported
 * characters, and simple `key:` detection.
 */
import { isIndicatorAt, parseQuoted } from './fast-inline.ts';
import { resolvePlain } from './scalars.ts';

/** Thrown to hand the text to the `yaml` package. */
export class Fallback extends Error {}

export function fail(): never {
  throw new Fallback();
}

/**
 * Index of the first character the fast parser does not handle: control
 * characters and tabs, a lone \r, C1 controls, YAML 1.1 line breaks, BOM. -1 if none.
 */
export function firstUnsupported(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 10) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c < 0x20 || c === 13 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return i;
  }
  return -1;
}

export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Index of the `:` ending a simple key that starts at `start`, or -1 when the
 * text there is not a `key:` (a value, a comment, …). Falls back on keys only
 * the full parser handles.
 */
export function findKeyEnd(line: string, start: number): number {
  const ch = line[start];
  if (ch === '"' || ch === "'") {
    const q = parseQuoted(line, start);
    if (!q) {
      if (line.includes(':', start)) fail();
      return -1;
    }
    let i = q.end;
    while (line.charCodeAt(i) === 32) i++;
    return isIndicatorAt(line, i, ':') ? i : -1;
  }
  if (ch === '[' || ch === '{' || ch === '#' || ch === ',' || ch === ']' || ch === '}') return -1;
  if (ch === undefined || '&*!|>%@`'.includes(ch) || isIndicatorAt(line, start, '?') || isIndicatorAt(line, start, ':')) fail();
  for (let j = start; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 58 && (j + 1 === line.length || line.charCodeAt(j + 1) === 32)) return j;
    if (c === 35 && line.charCodeAt(j - 1) === 32) return -1;
  }
  return -1;
}

/** The text of the key that `findKeyEnd` found. */
export function keyText(line: string, start: number, keyEnd: number): string {
  const ch = line[start];
  let key: string;
  if (ch === '"' || ch === "'") {
    key = (parseQuoted(line, start) ?? fail()).text;
  } else {
    key = line.slice(start, keyEnd).trimEnd();
    if (key.length === 0 || key.length > 1024 || resolvePlain(key) !== key || key === '<<') fail();
  }
  if (key === '__proto__') fail();
  return key;
}

/** A line that may continue a multi-line plain scalar (no indicators, `: ` or ` #`). */
export function isPlainContinuation(text: string): boolean {
  if (text.length === 0 || '-?:,[]{}#&*!|>\'"%@`'.includes(text[0] ?? '')) return false;
  return !text.includes(': ') && !text.endsWith(':') && !text.includes(' #');
}
