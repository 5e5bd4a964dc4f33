import { describe, expect, it } from 'vitest';
import { ApiError, ValidationError, describeError, shouldRetryQuery } from './errors.ts';
import { buildUrl, createHttpClient, type FetchLike } from './http.ts';

function reply(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('buildUrl', () => {
  it('joins base, path and query, dropping empty values', () => {
    expect(buildUrl('https://api.example.com/', '/api/v1/org/', { type: 'container', x: undefined, y: '' })).toBe('https://api.example.com/api/v1/org/?type=container');
  });

  it('refuses a relative base without a page origin', () => {
    expect(() => buildUrl('api.example.com', '/x')).toThrow(ApiError);
  });
});

describe('createHttpClient', () => {
  it('sends the key as a Bearer header, never in the URL', async () => {
    let seen: Request | undefined;
    const http = createHttpClient({ baseUrl: 'http://h', apiKey: 'secret-key', fetch: (r) => ((seen = r), Promise.resolve(reply(200, '[]'))) });
    await http.list('GET', '/api/v1/org/');
    expect(seen?.headers.get('authorization')).toBe('Bearer secret-key');
    expect(seen?.url).not.toContain('secret-key');
  });

  it('builds errors from status, body msg and x-context-uid', async () => {
    const http = createHttpClient({ baseUrl: 'http://h', fetch: () => Promise.resolve(reply(404, '{"msg":"Policy pol:x not found"}', { 'x-context-uid': 'ctx:42' })) });
    const e = await http.json('GET', '/p').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).message).toBe('404 Not Found: Policy pol:x not found');
    expect((e as ApiError).requestId).toBe('ctx:42');
    expect(describeError(e)).toBe('404 Not Found: Policy pol:x not found (request id ctx:42)');
  });

  it('uses the raw text when the error body is not JSON', async () => {
    const http = createHttpClient({ baseUrl: 'http://h', fetch: () => Promise.resolve(new Response('upstream exploded', { status: 500 })) });
    await expect(http.json('GET', '/p')).rejects.toThrow('500 Internal Server Error: upstream exploded');
  });

  it('turns a 400 with located errors into a ValidationError', async () => {
    const body = JSON.stringify({ msg: 'Invalid', errors: [{ path: 'spec.mode', message: 'required', line: 7, column: 3 }] });
    const http = createHttpClient({ baseUrl: 'http://h', fetch: () => Promise.resolve(reply(400, body)) });
    const e = await http.json('POST', '/p', { body: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).problems).toEqual([{ path: 'spec.mode', message: 'required', line: 7, column: 3 }]);
  });

  it('reports a body that is not JSON / NDJSON as invalid-response', async () => {
    const http = createHttpClient({ baseUrl: 'http://h', fetch: () => Promise.resolve(reply(200, '<html>')) });
    await expect(http.json('GET', '/p')).rejects.toMatchObject({ kind: 'invalid-response' });
    await expect(http.list('GET', '/p')).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('retries GET on 502/503/504 with growing delays and honours Retry-After', async () => {
    const statuses = [503, 502, 200];
    const delays: number[] = [];
    const fetch: FetchLike = () => Promise.resolve(reply(statuses.shift() ?? 200, '{"ok":true}', statuses.length === 1 ? { 'retry-after': '2' } : {}));
    const http = createHttpClient({ baseUrl: 'http://h', fetch, retryBaseMs: 100, sleep: (ms) => (delays.push(ms), Promise.resolve()) });
    await expect(http.json('GET', '/p')).resolves.toEqual({ ok: true });
    expect(delays).toEqual([100, 2000]);
  });

  it('gives up after the configured retries', async () => {
    let calls = 0;
    const http = createHttpClient({ baseUrl: 'http://h', fetch: () => (calls++, Promise.resolve(reply(504, ''))), retries: 2, sleep: () => Promise.resolve() });
    await expect(http.json('GET', '/p')).rejects.toMatchObject({ status: 504 });
    expect(calls).toBe(3);
  });

  it('does not retry POST, PUT, DELETE, or a 500', async () => {
    let calls = 0;
    const fetch: FetchLike = () => (calls++, Promise.resolve(reply(503, '')));
    const http = createHttpClient({ baseUrl: 'http://h', fetch, sleep: () => Promise.resolve() });
    for (const m of ['POST', 'PUT', 'DELETE'] as const) await expect(http.json(m, '/p')).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
    calls = 0;
    const http500 = createHttpClient({ baseUrl: 'http://h', fetch: () => (calls++, Promise.resolve(reply(500, ''))), sleep: () => Promise.resolve() });
    await expect(http500.json('GET', '/p')).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(1);
  });

  it('retries GET on network errors, then reports kind "network"', async () => {
    let calls = 0;
    const fetch: FetchLike = () => (calls++, Promise.reject(new TypeError('Failed to fetch')));
    const http = createHttpClient({ baseUrl: 'http://h', fetch, sleep: () => Promise.resolve() });
    const e = await http.json('GET', '/p').catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'network', status: 0 });
    expect((e as ApiError).isTransient).toBe(true);
    expect(calls).toBe(3);
  });

  it('times out a request that takes too long, without retrying it', async () => {
    let calls = 0;
    const fetch: FetchLike = (req) =>
      new Promise((_, reject) => {
        calls++;
        req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const http = createHttpClient({ baseUrl: 'http://h', fetch, timeoutMs: 20 });
    await expect(http.json('GET', '/p')).rejects.toMatchObject({ kind: 'timeout' });
    expect(calls).toBe(1);
  });

  it('aborts when the caller aborts, also while waiting to retry', async () => {
    const hang: FetchLike = (req) => new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const ctrl = new AbortController();
    const pending = createHttpClient({ baseUrl: 'http://h', fetch: hang }).json('GET', '/p', { signal: ctrl.signal });
    ctrl.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });

    const ctrl2 = new AbortController();
    const failing = createHttpClient({ baseUrl: 'http://h', fetch: () => Promise.resolve(reply(503, '')), retryBaseMs: 60_000 });
    const waiting = failing.json('GET', '/p', { signal: ctrl2.signal });
    setTimeout(() => ctrl2.abort(), 10);
    await expect(waiting).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('reads the key on every request (a changed key applies at once)', async () => {
    let key = 'one';
    const seen: (string | null)[] = [];
    const http = createHttpClient({ baseUrl: 'http://h', apiKey: () => key, fetch: (r) => (seen.push(r.headers.get('authorization')), Promise.resolve(reply(200, '{}'))) });
    await http.json('GET', '/a');
    key = 'two';
    await http.json('GET', '/b');
    expect(seen).toEqual(['Bearer one', 'Bearer two']);
  });
});

describe('shouldRetryQuery', () => {
  it('never retries API errors at the query level (the HTTP layer did), retries other errors once', () => {
    expect(shouldRetryQuery(0, new ApiError({ kind: 'network' }))).toBe(false);
    expect(shouldRetryQuery(0, new Error('bug'))).toBe(true);
    expect(shouldRetryQuery(1, new Error('bug'))).toBe(false);
  });
});
