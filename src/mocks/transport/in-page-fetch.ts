/**
 * The mock's handlers behind a fetch-shaped function, in-process: no Service Worker,
 * no network. Used by the browser demo (works on plain http from a LAN host) and tests.
 * A simulated network failure rejects with TypeError, as fetch does; aborting the
 * request's signal rejects with an AbortError.
 */
import { getResponse, type RequestHandler } from 'msw';
import type { FetchLike } from '../../api/http.ts';

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function createInPageFetch(handlers: readonly RequestHandler[]): FetchLike {
  return (request) =>
    new Promise<Response>((resolve, reject) => {
      const signal = request.signal;
      if (signal.aborted) {
        reject(abortError());
        return;
      }
      const onAbort = (): void => reject(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      getResponse([...handlers], request)
        .then((response) => {
          signal.removeEventListener('abort', onAbort);
          if (!response) {
            resolve(new Response(JSON.stringify({ msg: `No mock route for ${request.method} ${new URL(request.url).pathname}` }), { status: 404, headers: { 'content-type': 'application/json' } }));
          } else if (response.type === 'error') {
            reject(new TypeError('Failed to fetch (the demo backend simulates a network outage)'));
          } else {
            resolve(response);
          }
        })
        .catch((e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
}
