/**
 * Scalar formatting as PyYAML's `yaml.dump` does it (the default emitter:
 * block style, `allow_unicode=False`, width 80), so that text diffs line up
 * with what spyctl prints. Covers the style choice (plain, single-quoted,
 * double-quoted), YAML 1.1 implicit typing that forces quotes (`'yes'`,
 * `'1.5'`, `'2001-12-14'`), and line folding of long scalars at spaces.
 */

const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE = '\0 \t\r\n\x85\u2028\u2029';
export const BEST_WIDTH = 80;

const IMPLICIT: readonly RegExp[] = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

/** PyYAML `Emitter.analyze_scalar`, block context only. */
function analyze(s: string): Analysis {
  if (s === '') return { empty: true, multiline: false, allowBlockPlain: false, allowSingleQuoted: true };
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWs = true;
  let followedByWs = s.length === 1 || WHITESPACE.includes(s.charAt(1));
  const last = s.length - 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWs) blockIndicators = true;
      if (ch === '-' && followedByWs) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWs) blockIndicators = true;
      if (ch === '#' && precededByWs) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || (ch >= '\x20' && ch <= '\x7e'))) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWs = WHITESPACE.includes(ch);
    followedByWs = i + 2 >= s.length || WHITESPACE.includes(s.charAt(i + 2));
  }
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowBlockPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted };
}

/** Would a plain scalar be read back as something other than a string? */
function resolvesImplicitly(s: string): boolean {
  return IMPLICIT.some((re) => re.test(s));
}

/** Output state while writing one scalar: the text so far on the current line. */
interface Cursor {
  out: string;
  column: number;
}

function newline(c: Cursor, indent: number): void {
  c.out += '\n' + ' '.repeat(indent);
  c.column = indent;
}

function put(c: Cursor, text: string): void {
  c.out += text;
  c.column += text.length;
}

function writePlain(s: string, c: Cursor, indent: number, split: boolean): void {
  let spaces = false;
  let start = 0;
  for (let end = 0; end <= s.length; end++) {
    const ch = end < s.length ? s.charAt(end) : null;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && c.column > BEST_WIDTH && split) newline(c, indent);
        else put(c, s.slice(start, end));
        start = end;
      }
    } else if (ch === null || ch === ' ') {
      put(c, s.slice(start, end));
      start = end;
    }
    if (ch !== null) spaces = ch === ' ';
  }
}

function writeBreaks(s: string, start: number, end: number, c: Cursor, indent: number): void {
  let text = s.charAt(start) === '\n' ? '\n' : '';
  for (const br of s.slice(start, end)) text += br === '\n' ? '\n' : br;
  c.out += text + ' '.repeat(indent);
  c.column = indent;
}

function writeSingleQuoted(s: string, c: Cursor, indent: number, split: boolean): void {
  put(c, "'");
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= s.length; end++) {
    const ch = end < s.length ? s.charAt(end) : null;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && c.column > BEST_WIDTH && split && start !== 0 && end !== s.length) newline(c, indent);
        else put(c, s.slice(start, end));
        start = end;
      }
    } else if (breaks) {
      if (ch === null || !BREAKS.includes(ch)) {
        writeBreaks(s, start, end, c, indent);
        start = end;
      }
    } else if (ch === null || ch === ' ' || BREAKS.includes(ch) || ch === "'") {
      if (start < end) put(c, s.slice(start, end));
      start = end;
    }
    if (ch === "'") {
      put(c, "''");
      start = end + 1;
    }
    if (ch !== null) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  put(c, "'");
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r',
  '\x1b': 'e', '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

function writeDoubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = ESCAPES[ch];
    const code = ch.codePointAt(0) ?? 0;
    if (esc !== undefined) out += '\\' + esc;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code <= 0xff) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else if (code <= 0xffff) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else out += '\\U' + code.toString(16).toUpperCase().padStart(8, '0');
  }
  return out + '"';
}

/**
 * Format a string scalar that starts at `column` on its line; continuation
 * lines (when folded) start at `indent`. `isKey` disables folding and the
 * multi-line forms, as PyYAML does for simple keys.
 */
export function formatString(s: string, column: number, indent: number, isKey: boolean): string {
  const a = analyze(s);
  const c: Cursor = { out: '', column };
  const plainOk = !resolvesImplicitly(s) && !(isKey && (a.empty || a.multiline)) && a.allowBlockPlain;
  if (plainOk) writePlain(s, c, indent, !isKey);
  else if (a.allowSingleQuoted && !(isKey && a.multiline)) writeSingleQuoted(s, c, indent, !isKey);
  else return writeDoubleQuoted(s);
  return c.out;
}

/** Python `repr(float)` as PyYAML's `represent_float` prints it. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  let text = String(n);
  if (!text.includes('.') && text.includes('e')) text = text.replace('e', '.0e');
  return text;
}

/** Any non-collection value, at `column` with continuation `indent`. */
export function formatScalar(v: unknown, column: number, indent: number, isKey = false): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'bigint') return v.toString();
  return formatString(typeof v === 'string' ? v : JSON.stringify(v), column, indent, isKey);
}
