/**
 * An ApiClient is an HTTP client bound to an org. Resource functions take it as their
 * first argument; which backend answers (bundled mock or a real API) is decided once,
 * when the client is created.
 */
import { ApiError } from './errors.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './http.ts';

export interface ApiClient {
  readonly http: HttpClient;
  /** The selected org uid, or null before one is picked. */
  readonly org: string | null;
  /** Identifies the backend (for logs and cache separation), e.g. `demo` or `api:https://…`. */
  readonly sourceId: string;
  /** How long searches wait between polls. */
  readonly pollIntervalMs: number;
}

export interface CreateApiClientOptions extends HttpClientOptions {
  org: string | null;
  sourceId: string;
  pollIntervalMs?: number;
}

export function createApiClient(options: CreateApiClientOptions): ApiClient {
  return { http: createHttpClient(options), org: options.org, sourceId: options.sourceId, pollIntervalMs: options.pollIntervalMs ?? 250 };
}

export function withHttp(http: HttpClient, org: string | null, sourceId = 'custom'): ApiClient {
  return { http, org, sourceId, pollIntervalMs: 250 };
}

/** `/api/v1/org/{org}/{suffix}`; fails with a config error while no org is selected. */
export function orgPath(client: ApiClient, suffix: string): string {
  if (!client.org) throw new ApiError({ kind: 'config', detail: 'No organization selected: pick one in Settings' });
  return `/api/v1/org/${encodeURIComponent(client.org)}/${suffix}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
