/**
 * Rebase an edit onto someone else's newer version: a 3-way merge of plain JSON
 * (base → mine, base → theirs). Where only I changed something, mine wins; where only
 * they did, theirs wins; where both changed the same value differently, mine wins and
 * the path is reported as a conflict for the user to review. Arrays are merged as
 * whole values (process trees and rule lists are ordered and keyed by content).
 */
export interface RebaseResult {
  value: unknown;
  conflicts: string[];
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function rebase(base: unknown, mine: unknown, theirs: unknown, path = ''): RebaseResult {
  if (equal(mine, base)) return { value: theirs, conflicts: [] };
  if (equal(theirs, base) || equal(mine, theirs)) return { value: mine, conflicts: [] };
  if (isObj(base) && isObj(mine) && isObj(theirs)) {
    const out: Record<string, unknown> = {};
    const conflicts: string[] = [];
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
    for (const k of keys) {
      const r = rebase(base[k], mine[k], theirs[k], join(path, k));
      conflicts.push(...r.conflicts);
      if (r.value !== undefined) out[k] = r.value;
    }
    return { value: out, conflicts };
  }
  return { value: mine, conflicts: [path || '(document)'] };
}
