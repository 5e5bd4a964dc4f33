/**
 * Test wiring: a mock backend with a fixed clock, its handlers, and an ApiClient that
 * reaches them in-process (the browser's in-page transport, run in Node).
 */
import type { RequestHandler } from 'msw';
import { afterAll, beforeAll, vi } from 'vitest';
import { createApiClient, type ApiClient } from '../../api/client.ts';
import type { FaultSettings } from '../../api/demo-backend.ts';
import type { FetchLike, HttpClientOptions } from '../../api/http.ts';
import { MockBackend, type MockBackendOptions } from '../backend/mock-backend.ts';
import { DEMO_API_KEY, DEMO_ORG_UID } from '../constants.ts';
import { createHandlers } from '../handlers/create-handlers.ts';
import { createInPageFetch } from '../transport/in-page-fetch.ts';

/** 2026-11-20T12:00:00Z, a Friday. */
export const TEST_NOW = 1_795_176_000;

/**
 * Pins `Date.now` (which the client uses for "the last N days") to TEST_NOW plus the real
 * elapsed time, for the tests of the calling file.
 */
export function useTestClock(): void {
  beforeAll(() => {
    const start = performance.now();
    vi.spyOn(Date, 'now').mockImplementation(() => TEST_NOW * 1000 + Math.round(performance.now() - start));
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });
}

export interface TestApi {
  backend: MockBackend;
  handlers: RequestHandler[];
  fetch: FetchLike;
  client: ApiClient;
  /** A client with other options (key, retries, …) on the same backend. */
  clientWith(options: Partial<HttpClientOptions> & { org?: string | null }): ApiClient;
}

export interface TestApiOptions extends MockBackendOptions {
  faults?: Partial<FaultSettings>;
}

export function createTestApi(options: TestApiOptions = {}): TestApi {
  let ms = TEST_NOW * 1000;
  const backend = MockBackend.createSync({ now: TEST_NOW, clock: () => (ms += 1), ...options });
  const handlers = createHandlers(backend);
  const fetch = createInPageFetch(handlers);
  const clientWith = (o: Partial<HttpClientOptions> & { org?: string | null }): ApiClient =>
    createApiClient({
      baseUrl: 'http://mock.test',
      apiKey: DEMO_API_KEY,
      fetch,
      sourceId: 'test',
      pollIntervalMs: 1,
      retryBaseMs: 1,
      ...o,
      org: o.org === undefined ? DEMO_ORG_UID : o.org,
    });
  return { backend, handlers, fetch, client: clientWith({}), clientWith };
}
