/**
 * Scalars written the way PyYAML's default dumper writes them (spyctl uses
 * `yaml.dump(obj, sort_keys=False)`): plain when that reads back as the same
 * string, else single-quoted, else double-quoted with escapes (non-ASCII is
 * escaped, allow_unicode is off); long scalars fold at column 80.
 */
import { plainChangesType } from './scalars.ts';

const BEST_WIDTH = 80;
const WS = '\0 \t\r\n\x85\u2028\u2029';
const BREAKS = '\n\x85\u2028\u2029';

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

function analyze(chars: readonly string[]): Analysis {
  if (chars.length === 0) return { empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true };
  const text = chars.join('');
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let followedByWs = chars.length === 1 || WS.includes(chars[1] ?? '');
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWs) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWs) blockIndicators = true;
      if (ch === '#' && precededByWs) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || (ch >= '\x20' && ch <= '\x7e'))) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = WS.includes(ch);
    followedByWs = i + 2 >= chars.length || WS.includes(chars[i + 2] ?? '');
  }
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let single = true;
  if (breakSpace) plain = single = false;
  if (spaceBreak || special) plain = single = false;
  if (lineBreaks || blockIndicators) plain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain: plain, allowSingleQuoted: single };
}

/** Writes text at a known column, folding like PyYAML. */
class Writer {
  out = '';
  constructor(
    public column: number,
    private readonly indent: number,
  ) {}

  write(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  newline(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** Spaces up to the indentation, at the start of a line. */
  pad(): void {
    this.out += ' '.repeat(this.indent);
    this.column = this.indent;
  }

  writeIndent(): void {
    this.newline();
    this.pad();
  }
}

function writePlain(w: Writer, chars: readonly string[], split: boolean): void {
  let spaces = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH && split) w.writeIndent();
        else w.write(chars.slice(start, end).join(''));
        start = end;
      }
    } else if (ch === undefined || ch === ' ') {
      w.write(chars.slice(start, end).join(''));
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
}

function writeSingle(w: Writer, chars: readonly string[], split: boolean): void {
  w.write("'");
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) w.writeIndent();
        else w.write(chars.slice(start, end).join(''));
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        if (chars[start] === '\n') w.newline();
        for (let i = start; i < end; i++) w.newline();
        w.pad();
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || BREAKS.includes(ch) || ch === "'") {
      if (start < end) {
        w.write(chars.slice(start, end).join(''));
        start = end;
      }
    }
    if (ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  w.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escape(ch: string): string {
  const simple = ESCAPES[ch];
  if (simple !== undefined) return `\\${simple}`;
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writeDouble(w: Writer, chars: readonly string[], split: boolean): void {
  w.write('"');
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || !(ch >= '\x20' && ch <= '\x7e')) {
      if (start < end) {
        w.write(chars.slice(start, end).join(''));
        start = end;
      }
      if (ch !== undefined) {
        w.write(escape(ch));
        start = end + 1;
      }
    }
    if (end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && w.column + (end - start) > BEST_WIDTH && split) {
      w.write(`${chars.slice(start, end).join('')}\\`);
      if (start < end) start = end;
      w.writeIndent();
      if (chars[start] === ' ') w.write('\\');
    }
  }
  w.write('"');
}

/**
 * A string scalar as PyYAML writes it. `column` is where it starts on the
 * line, `indent` the indentation of continuation lines, `isKey` for mapping keys.
 */
export function emitString(text: string, column: number, indent: number, isKey: boolean): string {
  const chars = Array.from(text);
  const a = analyze(chars);
  const implicit = !plainChangesType(text);
  const w = new Writer(column, indent);
  const split = !isKey;
  if (implicit && a.allowBlockPlain && !(isKey && (a.empty || a.multiline))) writePlain(w, chars, split);
  else if (a.allowSingleQuoted && !(isKey && a.multiline)) writeSingle(w, chars, split);
  else writeDouble(w, chars, split);
  return w.out;
}

/** A number as Python's repr / PyYAML writes it. */
export function emitNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return Object.is(n, -0) ? '0' : n.toFixed(0);
  const [mantissa = '0', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let body: string;
  if (exp < 0) body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) body = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  else body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return `${negative ? '-' : ''}${body}`;
}
