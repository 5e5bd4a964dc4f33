/** MockResult → HTTP response, and the checks every request goes through (faults, auth). */
import { HttpResponse } from 'msw';
import type { MockBackend } from '../backend/mock-backend.ts';
import type { OrgState } from '../backend/org-state.ts';
import { bodyText, contentType, fail, type MockResult } from '../backend/result.ts';

export function toResponse(r: MockResult, requestId: string): Response {
  return new HttpResponse(bodyText(r), {
    status: r.status,
    headers: { 'content-type': contentType(r), 'x-context-uid': requestId, ...(r.headers ?? {}) },
  });
}

/** Waits `ms`, or until the client gives up on the request. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface Call {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  org: OrgState;
  body: unknown;
  url: URL;
}

export interface RouteOptions {
  /** Needs a read-write key. */
  write?: boolean;
  /** Resolve `:org` (default true). */
  org?: boolean;
}

export type Handler = (call: Call) => MockResult | Promise<MockResult>;

/** Wraps an operation: faults → request id → auth → org → JSON body → answer. */
export function route(b: MockBackend, handler: Handler, options: RouteOptions = {}) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }): Promise<Response> => {
    if (b.faults.networkDown) return HttpResponse.error();
    if (b.faults.latencyMs > 0) await wait(b.faults.latencyMs, request.signal);
    const requestId = b.nextRequestId();
    const denied = b.authorize(request.headers.get('authorization'), options.write === true);
    if (denied) return toResponse(denied, requestId);
    if (b.shouldFail500()) return toResponse(fail(500, 'Internal server error (simulated by the demo backend)'), requestId);
    const orgUid = typeof params.org === 'string' ? decodeURIComponent(params.org) : '';
    const org = options.org === false ? undefined : b.org(orgUid);
    if (options.org !== false && !org) return toResponse(fail(404, `Organization ${orgUid} not found`), requestId);
    let body: unknown;
    if (request.method === 'POST' || request.method === 'PUT') {
      const text = await request.text();
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          return toResponse(fail(400, 'Request body is not valid JSON'), requestId);
        }
      }
    }
    const result = await handler({ request, params, org: org as OrgState, body, url: new URL(request.url) });
    return toResponse(result, requestId);
  };
}
