import type { FaultSettings } from '../api/demo-backend.ts';
import { DEMO_BASE_URL } from '../mocks/constants.ts';
import type { DemoBackendHandle } from '../mocks/browser/start-demo.ts';

export interface DemoLoader {
  /** Starts the demo backend once (its own lazy chunk, with msw and the generator). */
  load: () => Promise<DemoBackendHandle>;
  /** Stops the Service Worker transport, if one runs. */
  stop: () => void;
  fetch: (request: Request) => Promise<Response>;
}

/** A lazy, start-once holder for the bundled demo backend. */
export function createDemoLoader(preferServiceWorker: boolean, onFaults: (f: FaultSettings) => void): DemoLoader {
  let started: Promise<DemoBackendHandle> | null = null;
  const load = (): Promise<DemoBackendHandle> => {
    started ??= import('../mocks/browser/start-demo.ts')
      .then((m) => m.startDemoBackend({ baseUrl: DEMO_BASE_URL, preferServiceWorker }))
      .then((handle) => {
        onFaults(handle.getFaults());
        return handle;
      })
      .catch((e: unknown) => {
        started = null;
        throw e;
      });
    return started;
  };
  return {
    load,
    stop: () => {
      void started?.then((h) => h.stop()).catch(() => undefined);
    },
    fetch: async (request) => (await load()).fetch(request),
  };
}
