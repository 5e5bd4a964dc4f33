/**
 * spyctl's field merge functions (reference §5 table). Each takes the base value
 * and the other side's value and returns the merged value, or `null` to delete
 * the field. `symmetric` is fingerprint ⊕ fingerprint (create); asymmetric is
 * policy ⊕ input (merge, diff).
 */
import { fnmatch } from '../match/fnmatch.ts';
import { makeWildcard } from '../match/wildcard.ts';
import { isRecord, jsonEqual } from './inputs.ts';
import type { Json } from './inputs.ts';

/**
 * Wildcard merge. Symmetric: keep base if it already matches other, take other
 * if other (a glob) matches base, else generalise both (`make_wildcard`, null
 * when they share fewer than 3 characters). Asymmetric: keep base only if other
 * falls inside it.
 */
export function wildcardMerge(base: unknown, other: unknown, symmetric: boolean): string | null {
  if (typeof base !== 'string' || base === '') return null;
  if (typeof other !== 'string' || other === '') return null;
  if (fnmatch(other, base)) return base;
  if (!symmetric) return null;
  if (fnmatch(base, other)) return other;
  return makeWildcard(base, other);
}

/** Keep the value only when both sides are equal. */
export function allEqualMerge(base: unknown, other: unknown): unknown {
  return jsonEqual(base, other) ? base : null;
}

export function keepBaseMerge(base: unknown): unknown {
  return base ?? null;
}

function timeValue(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
    const t = Date.parse(v);
    if (Number.isFinite(t)) return t / 1000;
  }
  return null;
}

/**
 * The greater of two values (timestamps). spyctl compares raw values and fails on
 * a number against a string; here both are read as epoch seconds when possible,
 * otherwise the base is kept.
 */
export function greatestValueMerge(base: unknown, other: unknown): unknown {
  if (base === null || base === undefined) return other ?? null;
  if (other === null || other === undefined) return base;
  if (typeof base === 'number' && typeof other === 'number') return base > other ? base : other;
  if (typeof base === 'string' && typeof other === 'string') return base > other ? base : other;
  const a = timeValue(base);
  const b = timeValue(other);
  if (a === null || b === null) return base;
  return a > b ? base : other;
}

function asStringList(v: unknown): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return null;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted union of two string lists (a single string counts as a list of one). */
export function stringListMerge(base: unknown, other: unknown): string[] | null {
  const a = asStringList(base);
  const b = asStringList(other);
  if (a === null || b === null) return a ?? b;
  return [...new Set([...a, ...b])].sort(compareStrings);
}

/** machineSelector hostname / machineUID: wildcard when both are strings, else sorted union. */
export function conditionalStringListMerge(base: unknown, other: unknown, symmetric: boolean): unknown {
  if (typeof base === 'string' && typeof other === 'string') return wildcardMerge(base, other, symmetric);
  return stringListMerge(base, other);
}

/** matchLabels / matchFields: keep only the pairs equal on both sides; null when none. */
export function commonKeysMerge(base: unknown, other: unknown): Json | null {
  if (!isRecord(base) || !isRecord(other)) return null;
  const out: Json = {};
  for (const [k, v] of Object.entries(base)) {
    if (Object.hasOwn(other, k) && jsonEqual(v, other[k])) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** matchExpressions: union by (key, operator), values united and sorted; sorted by key, operator. */
export function expressionListMerge(base: unknown, other: unknown): Json[] | null {
  const lists = [base, other].map((l) => (Array.isArray(l) ? l.filter(isRecord) : []));
  const byKey = new Map<string, Json>();
  for (const expr of [...(lists[0] ?? []), ...(lists[1] ?? [])]) {
    const key = `${String(expr.key)}\u0000${String(expr.operator)}`;
    const seen = byKey.get(key);
    if (seen === undefined) {
      byKey.set(key, { ...expr, ...(Array.isArray(expr.values) ? { values: [...(expr.values as unknown[])] } : {}) });
    } else if (Array.isArray(seen.values) && Array.isArray(expr.values)) {
      const values = [...(seen.values as unknown[]), ...(expr.values as unknown[])].map(String);
      seen.values = [...new Set(values)].sort(compareStrings);
    }
  }
  if (byKey.size === 0) return null;
  return [...byKey.values()].sort(
    (x, y) => compareStrings(String(x.key), String(y.key)) || compareStrings(String(x.operator), String(y.operator)),
  );
}
