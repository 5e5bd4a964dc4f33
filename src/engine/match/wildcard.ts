/**
 * spyctl's `make_wildcard`: generalise two or more strings into one glob from
 * their longest common substring, as Python's difflib finds it.
 */

export interface LongestMatch {
  /** Start in `a`. */
  a: number;
  /** Start in `b`. */
  b: number;
  size: number;
}

/**
 * `difflib.SequenceMatcher(None, a, b).find_longest_match(0, len(a), 0, len(b))`,
 * including the "autojunk" popularity heuristic for `b` of 200+ characters and the
 * tie-breaking rule (earliest in `a`, then earliest in `b`).
 */
export function longestCommonSubstring(a: string, b: string): LongestMatch {
  const aChars = Array.from(a);
  const bChars = Array.from(b);
  const n = bChars.length;
  const b2j = new Map<string, number[]>();
  bChars.forEach((ch, j) => {
    const list = b2j.get(ch);
    if (list) list.push(j);
    else b2j.set(ch, [j]);
  });
  if (n >= 200) {
    const ntest = Math.floor(n / 100) + 1;
    for (const [ch, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(ch);
  }
  let besti = 0;
  let bestj = 0;
  let bestsize = 0;
  let j2len = new Map<number, number>();
  for (let i = 0; i < aChars.length; i++) {
    const next = new Map<number, number>();
    for (const j of b2j.get(aChars[i] ?? '') ?? []) {
      const k = (j2len.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    j2len = next;
  }
  // Extend over equal characters that the popularity heuristic left out.
  while (besti > 0 && bestj > 0 && aChars[besti - 1] === bChars[bestj - 1]) {
    besti -= 1;
    bestj -= 1;
    bestsize += 1;
  }
  while (
    besti + bestsize < aChars.length &&
    bestj + bestsize < n &&
    aChars[besti + bestsize] === bChars[bestj + bestsize]
  ) {
    bestsize += 1;
  }
  return { a: besti, b: bestj, size: bestsize };
}

/**
 * spyctl `make_wildcard(strs)`: `null` when the common part is shorter than 3
 * characters; else `sub*`, `*sub` or `*sub*` depending on whether the common part
 * is anchored at the start and/or end of the strings. Every string after the first
 * has its surrounding `*` stripped before matching.
 */
export function makeWildcardOf(strs: readonly string[]): string | null {
  const first = strs[0];
  if (first === undefined) return null;
  if (strs.length === 1 || strs.every((s) => s === first)) return first;
  if (first === '') return null;
  let sub = first;
  let match: LongestMatch = { a: 0, b: 0, size: 0 };
  let name = '';
  for (const raw of strs.slice(1)) {
    name = raw.replace(/^\*+|\*+$/g, '');
    match = longestCommonSubstring(sub, name);
    sub = Array.from(sub).slice(match.a, match.a + match.size).join('');
    if (Array.from(sub).length < 3) break;
  }
  if (Array.from(sub).length < 3) return null;
  const nameLen = Array.from(name).length;
  const anchoredStart = match.b === 0 && first.startsWith(sub);
  const anchoredEnd = match.b + match.size === nameLen && first.endsWith(sub);
  if (!anchoredStart && !anchoredEnd) return `*${sub}*`;
  if (!anchoredStart) return `*${sub}`;
  if (!anchoredEnd) return `${sub}*`;
  // spyctl exits with "Bug detected in wildcard logic" here (e.g. `abc` + `*abc`);
  // the common part is the whole first string, so it already covers both.
  return first;
}

/** Two-string form used by the merge code. */
export function makeWildcard(a: string, b: string): string | null {
  return makeWildcardOf([a, b]);
}
