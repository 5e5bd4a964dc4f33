/**
 * The search endpoint: `POST /api/v1/org/{org}/search/` creates a job, then
 * `POST …/search/{id}` is polled with `{limit, token}` until it returns results;
 * a returned token means more pages.
 */
import { orgPath, type ApiClient } from './client.ts';
import { ApiError } from './errors.ts';
import { abortableSleep } from './http.ts';
import { isRecord } from './mappers.ts';
import type { SearchSchema, WireGroupBy, WireOrderBy, WireSearchRequest } from './wire.ts';

export interface SearchOptions {
  schema: SearchSchema;
  query: string;
  /** Epoch seconds. */
  startTime: number;
  endTime: number;
  orderBy?: WireOrderBy[];
  groupBy?: WireGroupBy[];
  outputFields?: string[];
  /** Maximum results overall (the server's `?limit=`). */
  limit?: number;
  /** Results per poll page. */
  pageSize?: number;
  signal?: AbortSignal | undefined;
}

export const SEARCH_PAGE = 999;
const MAX_POLLS = 600;

/** Quotes a value for the search language: `"value"` with `\` and `"` escaped. */
export function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** Joins clauses with AND, skipping empty ones; an empty result matches everything. */
export function and(...clauses: (string | false | null | undefined)[]): string {
  const parts = clauses.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  return parts.length <= 1 ? (parts[0] ?? '') : parts.map((c) => (/\bOR\b/i.test(c) ? `(${c})` : c)).join(' AND ');
}

export async function search(client: ApiClient, o: SearchOptions): Promise<Record<string, unknown>[]> {
  const body: WireSearchRequest = {
    schema: o.schema,
    query: o.query,
    start_time: Math.floor(o.startTime),
    end_time: Math.ceil(o.endTime),
    ...(o.orderBy ? { order_by: o.orderBy } : {}),
    ...(o.groupBy ? { group_by: o.groupBy } : {}),
    ...(o.outputFields ? { output_fields: o.outputFields } : {}),
  };
  const created = await client.http.json('POST', orgPath(client, 'search/'), { body, query: { limit: o.limit ?? 10_000 }, signal: o.signal });
  if (!isRecord(created)) throw new ApiError({ kind: 'invalid-response', detail: 'search: expected {id}' });
  if (typeof created.error === 'string') throw new ApiError({ kind: 'http', status: 400, detail: created.error });
  if (typeof created.id !== 'string') throw new ApiError({ kind: 'invalid-response', detail: 'search: expected {id}' });
  const id = created.id;
  const results: Record<string, unknown>[] = [];
  let token: string | null = null;
  let wait = client.pollIntervalMs;
  for (let polls = 0; polls < MAX_POLLS; polls++) {
    const page = await client.http.json('POST', orgPath(client, `search/${encodeURIComponent(id)}`), { body: { limit: o.pageSize ?? SEARCH_PAGE, token }, signal: o.signal });
    if (!isRecord(page)) throw new ApiError({ kind: 'invalid-response', detail: 'search poll: not an object' });
    if (typeof page.status === 'string' && !Array.isArray(page.results)) {
      if (/fail|error/i.test(page.status)) throw new ApiError({ kind: 'http', status: 500, detail: `search ${id} ${page.status}` });
      await abortableSleep(wait, o.signal);
      wait = Math.min(2_000, Math.round(wait * 1.5));
      continue;
    }
    if (!Array.isArray(page.results)) throw new ApiError({ kind: 'invalid-response', detail: 'search poll: missing results' });
    for (const r of page.results as unknown[]) if (isRecord(r)) results.push(r);
    token = typeof page.token === 'string' && page.token !== '' ? page.token : null;
    if (!token) return results;
  }
  throw new ApiError({ kind: 'timeout', detail: `search ${id} did not finish` });
}

/** Unwraps `full_json` (object or JSON string) from search results. */
export function fullJson(results: readonly Record<string, unknown>[]): unknown[] {
  return results.map((r) => (typeof r.full_json === 'string' ? (JSON.parse(r.full_json) as unknown) : (r.full_json ?? r)));
}
