/**
 * Python `fnmatch.fnmatchcase` semantics, translated to a RegExp the way
 * CPython's `fnmatch.translate` does it:
 * - `*` matches any run of characters, `/` included; `?` exactly one character;
 * - `[seq]` / `[!seq]` character sets, with Python's handling of `]` as the first
 *   member, empty and reversed ranges;
 * - a `[` without a closing `]` is a literal;
 * - anchored to the whole string, case-sensitive, `.` matches newlines too.
 */

const SYNTAX = /[.*+?^${}()|[\]\\/]/g;
const CLASS_SPECIAL = /[\\\]^[-]/g;
const CACHE_LIMIT = 10_000;
const cache = new Map<string, RegExp>();

/** True when `s` contains a glob metacharacter (`*`, `?`, `[`, `]`), as spyctl checks. */
export function hasGlob(s: string): boolean {
  return /[*?[\]]/.test(s);
}

function escapeLiteral(c: string): string {
  return c.replace(SYNTAX, '\\$&');
}

/** Translate the body of a `[...]` set (without brackets and without the leading `!`). */
function translateSet(content: string, negated: boolean): string {
  let body: string;
  if (!content.includes('-')) {
    body = content.replace(CLASS_SPECIAL, '\\$&');
  } else {
    // Python splits on hyphens that can form ranges, starting after the first member.
    const chunks: string[] = [];
    let start = 0;
    let k = 1;
    for (;;) {
      const hyphen = content.indexOf('-', k);
      if (hyphen < 0) break;
      chunks.push(content.slice(start, hyphen));
      start = hyphen + 1;
      k = hyphen + 3;
    }
    const last = content.slice(start);
    if (last) chunks.push(last);
    else chunks[chunks.length - 1] += '-';
    // Remove empty (reversed) ranges, as Python does.
    for (let i = chunks.length - 1; i > 0; i--) {
      const prev = chunks[i - 1] ?? '';
      const cur = chunks[i] ?? '';
      if (prev !== '' && cur !== '' && prev.slice(-1) > cur.slice(0, 1)) {
        chunks[i - 1] = prev.slice(0, -1) + cur.slice(1);
        chunks.splice(i, 1);
      }
    }
    body = chunks.map((s) => s.replace(CLASS_SPECIAL, '\\$&')).join('-');
  }
  if (body === '') return negated ? '.' : '(?!)';
  return negated ? `[^${body}]` : `[${body}]`;
}

/** The RegExp source for a pattern, without anchors. */
export function translateGlob(pattern: string): string {
  let out = '';
  let i = 0;
  const n = pattern.length;
  let lastWasStar = false;
  while (i < n) {
    const c = pattern.charAt(i);
    i += 1;
    if (c === '*') {
      if (!lastWasStar) out += '.*';
      lastWasStar = true;
      continue;
    }
    lastWasStar = false;
    if (c === '?') {
      out += '.';
    } else if (c === '[') {
      let j = i;
      if (j < n && pattern.charAt(j) === '!') j += 1;
      if (j < n && pattern.charAt(j) === ']') j += 1;
      while (j < n && pattern.charAt(j) !== ']') j += 1;
      if (j >= n) {
        out += '\\[';
      } else {
        const stuff = pattern.slice(i, j);
        const negated = stuff.startsWith('!');
        out += translateSet(negated ? stuff.slice(1) : stuff, negated);
        i = j + 1;
      }
    } else {
      out += escapeLiteral(c);
    }
  }
  return out;
}

/** A compiled, cached, anchored RegExp for `pattern`. */
export function compileGlob(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${translateGlob(pattern)})$`, 'su');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Python `fnmatch.fnmatchcase(name, pattern)`. */
export function fnmatch(name: string, pattern: string): boolean {
  if (!hasGlob(pattern)) return name === pattern;
  return compileGlob(pattern).test(name);
}
