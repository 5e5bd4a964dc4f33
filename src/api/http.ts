/**
 * The one fetch wrapper. Base URL + `Authorization: Bearer <key>`, JSON and NDJSON
 * bodies, a timeout per attempt (AbortSignal), typed errors, and retries with
 * exponential backoff for GET only, on network errors and 502/503/504.
 * The API key is read per request and never appears in URLs, errors or logs.
 */
import { ApiError, ValidationError, type ServerProblem } from './errors.ts';
import { NdjsonError, parseNdjson } from './ndjson.ts';

export type FetchLike = (request: Request) => Promise<Response>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestLog {
  method: HttpMethod;
  /** Path without the query string. */
  path: string;
  status: number;
  durationMs: number;
  attempt: number;
  requestId?: string;
  error?: string;
}

export interface HttpClientOptions {
  /** `https://api.example.com`, `http://127.0.0.1:8787`, or a same-origin path like `/proxy`. */
  baseUrl: string;
  apiKey?: string | null | (() => string | null | undefined);
  fetch?: FetchLike;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Extra attempts for retryable requests. Default 2. */
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onLog?: (entry: RequestLog) => void;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** Defaults to true for GET, false otherwise. */
  retry?: boolean;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  requestId: string | undefined;
}

export interface HttpClient {
  readonly baseUrl: string;
  send(method: HttpMethod, path: string, options?: RequestOptions): Promise<HttpResult>;
  /** A JSON body (undefined for an empty one). */
  json(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown>;
  /** An NDJSON (or JSON array) body as a flat list. */
  list(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown[]>;
}

const RETRY_STATUS = new Set([502, 503, 504]);

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ApiError({ kind: 'aborted' }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ApiError({ kind: 'aborted' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves like `p`, but rejects as soon as `signal` aborts: a timeout or a cancel takes
 * effect even if the fetch implementation ignores the request's signal.
 */
function settleOrAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('The operation was aborted.', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error || e instanceof DOMException ? e : new Error(String(e)));
      },
    );
  });
}

/** Joins base URL, path and query; a relative base resolves against the page origin. */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  let absolute = base;
  if (!/^https?:\/\//i.test(base)) {
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
    if (!origin || (base !== '' && !base.startsWith('/'))) {
      throw new ApiError({ kind: 'config', detail: `Invalid base URL "${baseUrl}": use http(s)://host[:port] or a path such as /proxy` });
    }
    absolute = `${origin}${base}`;
  }
  const url = new URL(`${absolute}${path.startsWith('/') ? path : `/${path}`}`);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  return url.toString();
}

function messageOf(text: string): { detail: string | undefined; body: unknown } {
  const t = text.trim();
  if (!t) return { detail: undefined, body: undefined };
  try {
    const body: unknown = JSON.parse(t);
    if (body && typeof body === 'object') {
      for (const key of ['msg', 'message', 'error', 'detail']) {
        const v = (body as Record<string, unknown>)[key];
        if (typeof v === 'string' && v) return { detail: v, body };
      }
    }
    return { detail: t.slice(0, 500), body };
  } catch {
    return { detail: t.slice(0, 500), body: t };
  }
}

/** Located problems of a 400 body: `{msg, errors: [{path, message, line?, column?}]}`. */
function problemsOf(body: unknown): ServerProblem[] {
  if (!body || typeof body !== 'object') return [];
  const errors = (body as Record<string, unknown>).errors;
  if (!Array.isArray(errors)) return [];
  const out: ServerProblem[] = [];
  for (const e of errors as unknown[]) {
    if (!e || typeof e !== 'object') continue;
    const r = e as Record<string, unknown>;
    if (typeof r.message !== 'string') continue;
    out.push({
      path: typeof r.path === 'string' ? r.path : '',
      message: r.message,
      ...(typeof r.line === 'number' ? { line: r.line } : {}),
      ...(typeof r.column === 'number' ? { column: r.column } : {}),
      ...(r.severity === 'warning' || r.severity === 'error' ? { severity: r.severity } : {}),
    });
  }
  return out;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl: FetchLike = options.fetch ?? ((req) => globalThis.fetch(req));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const baseMs = options.retryBaseMs ?? 400;
  const maxMs = options.retryMaxMs ?? 4_000;
  const sleep = options.sleep ?? abortableSleep;
  const keyOf = (): string | null | undefined => (typeof options.apiKey === 'function' ? options.apiKey() : options.apiKey);

  async function attempt(method: HttpMethod, url: string, path: string, o: RequestOptions, n: number): Promise<HttpResult> {
    const headers = new Headers({ accept: 'application/json, application/x-ndjson' });
    const key = keyOf();
    if (key) headers.set('authorization', `Bearer ${key}`);
    let body: string | undefined;
    if (o.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(o.body);
    }
    const ctrl = new AbortController();
    let timedOut = false;
    const limit = o.timeoutMs ?? timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, limit);
    const onAbort = (): void => ctrl.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const started = Date.now();
    const log = (status: number, requestId?: string, error?: string): void =>
      options.onLog?.({ method, path, status, durationMs: Date.now() - started, attempt: n, ...(requestId ? { requestId } : {}), ...(error ? { error } : {}) });
    try {
      if (o.signal?.aborted) throw new ApiError({ kind: 'aborted', method, path });
      const res = await settleOrAbort(fetchImpl(new Request(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: ctrl.signal })), ctrl.signal);
      const text = await settleOrAbort(res.text(), ctrl.signal);
      const requestId = res.headers.get('x-context-uid') ?? undefined;
      log(res.status, requestId);
      return { status: res.status, headers: res.headers, text, requestId };
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (o.signal?.aborted) throw new ApiError({ kind: 'aborted', method, path, cause: e });
      if (timedOut) {
        log(0, undefined, 'timeout');
        throw new ApiError({ kind: 'timeout', method, path, detail: `no answer within ${Math.round(limit / 100) / 10} s`, cause: e });
      }
      const detail = e instanceof Error ? e.message : String(e);
      log(0, undefined, detail);
      throw new ApiError({ kind: 'network', method, path, detail, cause: e });
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function send(method: HttpMethod, path: string, o: RequestOptions = {}): Promise<HttpResult> {
    const url = buildUrl(options.baseUrl, path, o.query);
    const shownPath = new URL(url).pathname + new URL(url).search;
    const retryable = o.retry ?? method === 'GET';
    for (let n = 0; ; n++) {
      let result: HttpResult | undefined;
      let failure: ApiError | undefined;
      try {
        result = await attempt(method, url, shownPath, o, n);
      } catch (e) {
        if (!(e instanceof ApiError) || e.kind !== 'network') throw e;
        failure = e;
      }
      const canRetry = retryable && n < retries && (failure !== undefined || (result !== undefined && RETRY_STATUS.has(result.status)));
      if (canRetry) {
        const after = Number(result?.headers.get('retry-after'));
        const delay = Number.isFinite(after) && after > 0 ? Math.min(maxMs, after * 1000) : Math.min(maxMs, baseMs * 2 ** n);
        await sleep(delay, o.signal);
        continue;
      }
      if (failure) throw failure;
      const r = result as HttpResult;
      if (r.status >= 200 && r.status < 300) return r;
      const { detail, body } = messageOf(r.text);
      const init = { kind: 'http' as const, status: r.status, ...(detail ? { detail } : {}), ...(r.requestId ? { requestId: r.requestId } : {}), method, path: shownPath, body };
      const problems = r.status === 400 ? problemsOf(body) : [];
      throw problems.length > 0 ? new ValidationError(init, problems) : new ApiError(init);
    }
  }

  return {
    baseUrl: options.baseUrl,
    send,
    async json(method, path, o) {
      const r = await send(method, path, o);
      if (r.text.trim() === '') return undefined;
      try {
        return JSON.parse(r.text) as unknown;
      } catch (e) {
        throw new ApiError({ kind: 'invalid-response', detail: `${method} ${path}: body is not JSON`, ...(r.requestId ? { requestId: r.requestId } : {}), cause: e });
      }
    },
    async list(method, path, o) {
      const r = await send(method, path, o);
      try {
        return parseNdjson(r.text);
      } catch (e) {
        const detail = e instanceof NdjsonError ? `${method} ${path}: NDJSON ${e.message}` : `${method} ${path}: invalid list body`;
        throw new ApiError({ kind: 'invalid-response', detail, ...(r.requestId ? { requestId: r.requestId } : {}), cause: e });
      }
    },
  };
}
