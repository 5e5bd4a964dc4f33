/**
 * Evaluates a search request over rows: query filter, group_by (with time bins) or
 * order_by, the result limit, and output_fields projection (`full_json`, named fields,
 * or only `id` when none are asked for).
 */
import type { WireSearchRequest } from '../../api/wire.ts';
import { text } from '../../api/mappers.ts';
import { getField, matches, parseQuery } from './query-language.ts';

export type Row = Record<string, unknown>;

const path = (name: string): string[] => name.split('.').filter(Boolean);

/** The bin (its lower edge) a value falls in, or null outside [bins[0], bins[last]). */
export function binOf(value: unknown, bins: readonly number[]): number | null {
  const v = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(v)) return null;
  let lo = 0;
  let hi = bins.length - 1;
  if (hi < 1 || v < (bins[0] ?? 0) || v >= (bins[hi] ?? 0)) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((bins[mid] ?? 0) <= v) lo = mid;
    else hi = mid;
  }
  return bins[lo] ?? null;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  const x = text(a);
  const y = text(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function project(row: Row, fields: readonly string[] | undefined): Row {
  const id = row.id;
  if (!fields || fields.length === 0) return { id };
  const out: Row = { id };
  for (const f of fields) {
    const v = f === 'full_json' ? row.full_json : getField(row, path(f));
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/**
 * Group rows (`{id, count, <group fields>}`) in answer order: by `order_by` when given
 * (any group field or `count`, e.g. the top 10 by count), else by the group fields; then
 * cut to the limit.
 */
export function finishGroups(groups: Iterable<Row>, req: WireSearchRequest, cap: number): Row[] {
  // Ties are broken by the group fields, so the order never depends on insertion order.
  const order = [...(req.order_by ?? []), ...(req.group_by ?? []).map((g) => ({ name: g.name, ascending: true }))];
  return [...groups]
    .sort((a, b) => {
      for (const o of order) {
        const c = compareValues(a[o.name], b[o.name]);
        if (c !== 0) return o.ascending === false ? -c : c;
      }
      return 0;
    })
    .slice(0, Math.max(0, Math.min(cap, 1_000_000)));
}

/** `presorted`: the rows already come in `order_by` order (the search may stop at the limit). */
export function runSearch(rows: Iterable<Row>, req: WireSearchRequest, limit: number, presorted = false): Row[] {
  const query = parseQuery(req.query ?? '');
  const cap = Math.max(0, Math.min(limit, 1_000_000));
  if (req.group_by && req.group_by.length > 0) {
    const groups = new Map<string, Row>();
    for (const row of rows) {
      if (!matches(query, row)) continue;
      const keyParts: unknown[] = [];
      let skip = false;
      for (const g of req.group_by) {
        const raw = getField(row, path(g.name));
        const v = g.bins ? binOf(raw, g.bins) : (raw ?? null);
        if (g.bins && v === null) {
          skip = true;
          break;
        }
        keyParts.push(v);
      }
      if (skip) continue;
      const key = JSON.stringify(keyParts);
      const existing = groups.get(key);
      if (existing) existing.count = (existing.count as number) + 1;
      else {
        const group: Row = { id: key, count: 1 };
        req.group_by.forEach((g, i) => (group[g.name] = keyParts[i]));
        groups.set(key, group);
      }
    }
    return finishGroups(groups.values(), req, cap);
  }
  const hits: Row[] = [];
  const ordered = !presorted && !!req.order_by && req.order_by.length > 0;
  for (const row of rows) {
    if (!matches(query, row)) continue;
    hits.push(row);
    if (!ordered && hits.length >= cap) break;
  }
  if (ordered) {
    const order = req.order_by ?? [];
    hits.sort((a, b) => {
      for (const o of order) {
        const c = compareValues(getField(a, path(o.name)), getField(b, path(o.name)));
        if (c !== 0) return o.ascending === false ? -c : c;
      }
      return 0;
    });
  }
  return hits.slice(0, cap).map((r) => project(r, req.output_fields));
}

export const SEARCH_SCHEMAS = ['model_fingerprint', 'event_deviation', 'event_redflag', 'event_opsflag', 'model_k8s_namespace'] as const;
export type MockSchema = (typeof SEARCH_SCHEMAS)[number];

export function isMockSchema(s: unknown): s is MockSchema {
  return typeof s === 'string' && (SEARCH_SCHEMAS as readonly string[]).includes(s);
}
