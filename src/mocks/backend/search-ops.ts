/**
 * Search jobs (`POST search/` → `{id}`, `POST search/{id}` → pages with a token) and
 * object hydration (`POST objects`). Rows are built on the fly within the time window,
 * so a million deviation events cost only what the window touches.
 */
import type { WireSearchRequest } from '../../api/wire.ts';
import { QuerySyntaxError } from '../search/query-language.ts';
import { isMockSchema, runSearch, type Row } from '../search/run-search.ts';
import { groupDeviationEvents, groupRedFlagEvents } from './aggregate-ops.ts';
import type { MockBackend } from './mock-backend.ts';
import type { OrgState } from './org-state.ts';
import { deviationRecord, deviationRow, fingerprintRow, lowerBound, namespaceRow, redFlagRecord } from './records.ts';
import { fail, ok, type MockResult } from './result.ts';

const MAX_JOBS = 64;

/** Indices [lo, hi) of a time-sorted list within [start, end], in the asked order. */
function* timeWindow<T extends { time: number }>(list: readonly T[], start: number, end: number, desc: boolean): Generator<number> {
  const lo = lowerBound(list, start);
  const hi = lowerBound(list, end + 1e-9);
  if (desc) for (let i = hi - 1; i >= lo; i--) yield i;
  else for (let i = lo; i < hi; i++) yield i;
}

/** Merges two streams already sorted by time (ascending, or descending when `desc`). */
function* mergeByTime(a: Iterable<Row>, b: readonly Row[], desc: boolean): Generator<Row> {
  let j = 0;
  const before = (x: Row, y: Row): boolean => (desc ? Number(x.time) > Number(y.time) : Number(x.time) < Number(y.time));
  for (const row of a) {
    while (j < b.length && before(b[j] as Row, row)) yield b[j++] as Row;
    yield row;
  }
  while (j < b.length) yield b[j++] as Row;
}

/**
 * The rows of a schema in [start, end]. Event rows come in time order (descending when
 * `desc`), so a time-ordered search can stop at its limit instead of sorting a million rows.
 */
export function* rowsOf(b: MockBackend, org: OrgState, schema: string, start: number, end: number, desc = false): Generator<Row> {
  const ds = org.dataset;
  const modeOf = (uid: string): string => b.policyInfo(org, uid).mode;
  switch (schema) {
    case 'model_fingerprint':
      for (const fp of org.fingerprints) {
        const first = Number(fp.metadata.firstTimestamp ?? 0);
        const latest = Number(fp.metadata.latestTimestamp ?? first);
        if (latest >= start && first <= end) yield fingerprintRow(fp);
      }
      return;
    case 'model_k8s_namespace':
      for (const ns of ds?.namespaces ?? []) yield namespaceRow(ns, ds?.now ?? end);
      return;
    case 'event_deviation': {
      const seeded = function* (): Generator<Row> {
        if (!ds) return;
        for (const i of timeWindow(ds.deviationEvents, start, end, desc)) {
          const def = ds.deviations[ds.deviationEvents[i]?.def ?? -1];
          if (!def || org.deleted.has(def.policyUid)) continue;
          const rec = deviationRecord(ds, i, modeOf);
          if (!rec) continue;
          const name = b.policyInfo(org, def.policyUid).name;
          if (name) rec.policy_name = name;
          yield deviationRow(rec);
        }
      };
      const computed: Row[] = [];
      for (const list of org.computed.values()) for (const rec of list) if (rec.time >= start && rec.time <= end) computed.push(deviationRow({ ...rec, policy_mode: modeOf(rec.policy_uid) }));
      computed.sort((x, y) => (desc ? Number(y.time) - Number(x.time) : Number(x.time) - Number(y.time)));
      yield* mergeByTime(seeded(), computed, desc);
      return;
    }
    case 'event_redflag': {
      const flags = ds?.redFlags ?? [];
      for (const i of timeWindow(flags, start, end, desc)) {
        const f = flags[i];
        if (!f || (f.policyUid && org.deleted.has(f.policyUid))) continue;
        const rec = redFlagRecord(f);
        yield { ...rec, full_json: rec };
      }
      return;
    }
    default:
      return;
  }
}

export function createSearch(b: MockBackend, org: OrgState, body: unknown, limitParam: string | null): MockResult {
  if (!body || typeof body !== 'object') return fail(400, 'Search body must be an object');
  const req = body as WireSearchRequest;
  if (!isMockSchema(req.schema)) return fail(400, `Unknown or unsupported schema ${JSON.stringify(req.schema ?? null)}`);
  if (typeof req.start_time !== 'number' || typeof req.end_time !== 'number') return fail(400, 'start_time and end_time (epoch seconds) are required');
  if (req.end_time < req.start_time) return fail(400, 'end_time is before start_time');
  const limit = limitParam === null ? 10_000 : Number(limitParam);
  if (!Number.isFinite(limit) || limit < 0) return fail(400, `Invalid limit ${limitParam}`);
  let results: Row[];
  try {
    const order = req.order_by ?? [];
    const byTime = req.schema.startsWith('event_') && !req.group_by?.length && order.length === 1 && order[0]?.name === 'time';
    const desc = byTime && order[0]?.ascending === false;
    results = groupDeviationEvents(b, org, req, limit) ?? groupRedFlagEvents(org, req, limit) ?? runSearch(rowsOf(b, org, req.schema, req.start_time, req.end_time, desc), req, limit, byTime);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return fail(400, `Invalid query: ${e.message}`);
    throw e;
  }
  const id = b.nextSearchId();
  b.jobs.set(id, { id, org: org.uid, results, pending: b.searchPendingPolls });
  while (b.jobs.size > MAX_JOBS) {
    const oldest = b.jobs.keys().next().value;
    if (oldest === undefined) break;
    b.jobs.delete(oldest);
  }
  return ok({ id });
}

export function pollSearch(b: MockBackend, org: OrgState, id: string, body: unknown): MockResult {
  const job = b.jobs.get(id);
  if (!job || job.org !== org.uid) return fail(404, `Search ${id} not found (searches expire)`);
  if (job.pending > 0) {
    job.pending--;
    return ok({ status: 'RUNNING' });
  }
  const o = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const limit = typeof o.limit === 'number' && o.limit > 0 ? Math.min(o.limit, 10_000) : 999;
  const offset = typeof o.token === 'string' && /^\d+$/.test(o.token) ? Number(o.token) : 0;
  const page = job.results.slice(offset, offset + limit);
  const next = offset + limit < job.results.length ? String(offset + limit) : null;
  return ok({ results: page, token: next, result_count: job.results.length });
}

/** `POST objects {ids}` → full objects for fingerprints, deviations and red flags. */
export function hydrate(b: MockBackend, org: OrgState, body: unknown): MockResult {
  const ids = body && typeof body === 'object' ? (body as Record<string, unknown>).ids : undefined;
  if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) return fail(400, 'Body must be {"ids": [string, ...]}');
  if (ids.length > 500) return fail(400, 'At most 500 ids per request');
  const want = new Set(ids as string[]);
  const results: unknown[] = [];
  for (const fp of org.fingerprints) if (want.has(String(fp.metadata.id))) results.push(fp);
  const ds = org.dataset;
  for (const id of want) {
    const m = /^audit:guardian_deviation:.*:([0-9a-z]+)$/.exec(id);
    if (ds && m?.[1]) {
      const rec = deviationRecord(ds, parseInt(m[1], 36), (uid) => b.policyInfo(org, uid).mode);
      if (rec && rec.id === id) results.push(rec);
    }
  }
  for (const list of org.computed.values()) for (const rec of list) if (want.has(rec.id)) results.push(rec);
  for (const f of ds?.redFlags ?? []) if (want.has(f.id)) results.push(redFlagRecord(f));
  return ok({ results });
}
