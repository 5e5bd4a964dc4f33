/**
 * Boots the demo backend in the browser (loaded lazily, only in demo mode): the seeded
 * dataset plus edits from IndexedDB, the request handlers, and a transport (in-page by
 * default; a Service Worker when asked for and possible).
 */
import { normalizeFaults, type DemoBackendControls, type DemoBackendInfo, type FaultSettings } from '../../api/demo-backend.ts';
import type { FetchLike } from '../../api/http.ts';
import { MockBackend } from '../backend/mock-backend.ts';
import { memoryPersistence, type MockPersistence } from '../backend/persistence.ts';
import { createHandlers } from '../handlers/create-handlers.ts';
import { createInPageFetch } from '../transport/in-page-fetch.ts';
import { openIdbPersistence } from './idb-persistence.ts';
import { startServiceWorker, type StartedWorker } from './service-worker.ts';

export interface DemoBackendHandle extends DemoBackendControls {
  fetch: FetchLike;
  stop(): void;
}

export interface StartDemoOptions {
  /** Same-origin path the demo API lives under, e.g. `/demo-api`. */
  baseUrl: string;
  preferServiceWorker?: boolean;
}

const FAULTS_KEY = 'palisade.demoFaults';

function storedFaults(): FaultSettings {
  try {
    const raw = sessionStorage.getItem(FAULTS_KEY);
    return normalizeFaults(raw ? (JSON.parse(raw) as Partial<FaultSettings>) : null);
  } catch {
    return normalizeFaults(null);
  }
}

function storeFaults(f: FaultSettings): void {
  try {
    sessionStorage.setItem(FAULTS_KEY, JSON.stringify(f));
  } catch {
    // Storage unavailable: the faults last until the page reloads.
  }
}

export async function startDemoBackend(options: StartDemoOptions): Promise<DemoBackendHandle> {
  let persistence: MockPersistence;
  let note: string | undefined;
  try {
    persistence = await openIdbPersistence();
  } catch (e) {
    persistence = memoryPersistence();
    note = `Edits are kept in memory only: ${e instanceof Error ? e.message : String(e)}`;
  }
  const backend = await MockBackend.create({ persistence, faults: storedFaults() });
  const handlers = createHandlers(backend);
  const inPage = createInPageFetch(handlers);
  let transport: DemoBackendInfo['transport'] = 'in-page';
  let worker: StartedWorker | null = null;
  let fetchImpl: FetchLike = inPage;
  if (options.preferServiceWorker) {
    try {
      worker = await startServiceWorker(createHandlers(backend, { base: `${window.location.origin}${options.baseUrl}` }));
      transport = 'service-worker';
      fetchImpl = (req) => globalThis.fetch(req);
    } catch (e) {
      note = `Service Worker unavailable, using the in-page transport: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return {
    fetch: (req) => fetchImpl(req),
    info: () => ({ transport, ...(note ? { note } : {}), seed: backend.meta.seed, seededAt: backend.meta.now, persistent: persistence.durable }),
    getFaults: () => backend.faults,
    setFaults(f) {
      backend.setFaults(f);
      storeFaults(backend.faults);
    },
    reset: () => backend.reset(),
    stop() {
      worker?.stop();
      worker = null;
      fetchImpl = inPage;
    },
  };
}
