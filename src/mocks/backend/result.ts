/** What a mock operation answers, independent of the HTTP framework that carries it. */
export interface MockResult {
  status: number;
  /** A JSON body. */
  json?: unknown;
  /** An NDJSON body: one line per item (arrays stay one line). */
  ndjson?: unknown[];
  headers?: Record<string, string>;
}

export const ok = (json: unknown = {}): MockResult => ({ status: 200, json });
export const lines = (items: unknown[], headers?: Record<string, string>): MockResult => ({ status: 200, ndjson: items, ...(headers ? { headers } : {}) });
export const fail = (status: number, msg: string, extra?: Record<string, unknown>): MockResult => ({ status, json: { msg, ...extra } });

/** The body text of a result. */
export function bodyText(r: MockResult): string {
  if (r.ndjson) return r.ndjson.length === 0 ? '' : `${r.ndjson.map((x) => JSON.stringify(x)).join('\n')}\n`;
  return r.json === undefined ? '' : JSON.stringify(r.json);
}

export function contentType(r: MockResult): string {
  return r.ndjson ? 'application/x-ndjson' : 'application/json';
}
