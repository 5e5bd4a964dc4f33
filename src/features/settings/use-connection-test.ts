import { useCallback, useRef, useState } from 'react';
import { createApiClient } from '../../api/client.ts';
import { ApiError, describeError } from '../../api/errors.ts';
import { listOrgs } from '../../api/orgs.ts';
import type { Org } from '../../api/types.ts';

export type ConnectionTest =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; baseUrl: string; orgs: Org[] }
  | { state: 'error'; message: string; hint?: string };

function hintFor(error: unknown, baseUrl: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.kind === 'network') {
    return baseUrl.startsWith('/')
      ? 'Nothing answered at this path. Is the dev proxy running (PALISADE_API_PROXY=… npm run dev)?'
      : 'If the server is running, the browser may have blocked the request: the API must allow this origin (CORS), or use the dev proxy (see below).';
  }
  if (error.status === 401) return 'Check the API key (it may be wrong, revoked or expired).';
  if (error.status === 403) return 'The key is valid but lacks permission for this request.';
  if (error.status === 404) return 'The URL answered, but not as a Spyderbat v1 API: check the base URL (no /api/v1 suffix).';
  return undefined;
}

/** "Test connection": `GET /api/v1/org/` with the values in the form, nothing saved. */
export function useConnectionTest(): { test: ConnectionTest; run: (baseUrl: string, key: string) => Promise<void>; reset: () => void } {
  const [test, setTest] = useState<ConnectionTest>({ state: 'idle' });
  const current = useRef<AbortController | null>(null);
  const run = useCallback(async (baseUrl: string, key: string) => {
    current.current?.abort();
    const ctrl = new AbortController();
    current.current = ctrl;
    setTest({ state: 'testing' });
    try {
      const client = createApiClient({ baseUrl, apiKey: key, org: null, sourceId: 'connection-test', timeoutMs: 15_000, retries: 0 });
      const orgs = await listOrgs(client, ctrl.signal);
      if (!ctrl.signal.aborted) setTest({ state: 'ok', baseUrl, orgs });
    } catch (e) {
      if (ctrl.signal.aborted) return;
      const hint = hintFor(e, baseUrl);
      setTest({ state: 'error', message: describeError(e), ...(hint ? { hint } : {}) });
    }
  }, []);
  const reset = useCallback(() => {
    current.current?.abort();
    setTest({ state: 'idle' });
  }, []);
  return { test, run, reset };
}
