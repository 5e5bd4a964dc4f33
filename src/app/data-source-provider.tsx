import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { readApiKey } from '../api/api-key-store.ts';
import { createApiClient, type ApiClient } from '../api/client.ts';
import { DataSourceContext, type DataSourceState } from '../api/data-source-context.ts';
import { dataSourceLabel, readDataSource, writeDataSource, type DataSource } from '../api/data-source.ts';
import { NO_FAULTS, type FaultSettings } from '../api/demo-backend.ts';
import { DEMO_API_KEY, DEMO_BASE_URL, DEMO_ORG_UID } from '../mocks/constants.ts';
import { createDemoLoader } from './demo-loader.ts';

const TRANSPORT_KEY = 'palisade.demoTransport';

function readPreferServiceWorker(): boolean {
  try {
    return localStorage.getItem(TRANSPORT_KEY) === 'service-worker';
  } catch {
    return false;
  }
}

/** `epoch` changes when the API key does, so the client (and cache) are new. */
function buildClient(source: DataSource, demoFetch: (req: Request) => Promise<Response>, epoch: number): ApiClient {
  if (source.kind === 'demo') {
    return createApiClient({ baseUrl: DEMO_BASE_URL, apiKey: DEMO_API_KEY, fetch: demoFetch, org: DEMO_ORG_UID, sourceId: 'demo', pollIntervalMs: 50 });
  }
  return createApiClient({ baseUrl: source.baseUrl, apiKey: readApiKey, org: source.org ?? null, sourceId: `api:${source.baseUrl}|${source.org ?? ''}#${epoch}` });
}

/**
 * Owns the data source: builds the ApiClient (the bundled demo backend, started lazily
 * and only in demo mode, or a real API), and clears the query cache when it changes.
 */
export function DataSourceProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const [source, setSource] = useState<DataSource>(readDataSource);
  const [keyEpoch, setKeyEpoch] = useState(0);
  const [faults, setFaultsState] = useState<FaultSettings>(NO_FAULTS);
  const [preferServiceWorker, setPreferSw] = useState(readPreferServiceWorker);
  // Created once: the transport preference applies from the next page load.
  const [demo] = useState(() => createDemoLoader(readPreferServiceWorker(), setFaultsState));

  const client = useMemo(() => buildClient(source, demo.fetch, keyEpoch), [source, demo, keyEpoch]);

  // Start the demo backend early (its own lazy chunk), so the first page does not wait for it.
  useEffect(() => {
    if (source.kind === 'demo') void demo.load().catch(() => undefined);
  }, [source.kind, demo]);

  const connect = useCallback(
    (next: DataSource) => {
      if (next.kind !== 'demo') demo.stop();
      writeDataSource(next);
      queryClient.clear();
      setSource(next);
    },
    [queryClient, demo],
  );

  const value = useMemo<DataSourceState>(
    () => ({
      source,
      client,
      label: dataSourceLabel(source, source.kind === 'demo' ? faults : undefined),
      connect,
      keyChanged() {
        queryClient.clear();
        setKeyEpoch((n) => n + 1);
      },
      demoControls: source.kind === 'demo' ? demo.load : null,
      faults: source.kind === 'demo' ? faults : NO_FAULTS,
      async setFaults(next) {
        const h = await demo.load();
        h.setFaults(next);
        setFaultsState(h.getFaults());
      },
      async resetDemo() {
        const h = await demo.load();
        await h.reset();
        await queryClient.resetQueries();
      },
      preferServiceWorker,
      setPreferServiceWorker(on) {
        try {
          if (on) localStorage.setItem(TRANSPORT_KEY, 'service-worker');
          else localStorage.removeItem(TRANSPORT_KEY);
        } catch {
          // Storage unavailable: keep the choice for this page only.
        }
        setPreferSw(on);
      },
    }),
    [source, client, faults, connect, demo, queryClient, preferServiceWorker],
  );

  return <DataSourceContext.Provider value={value}>{children}</DataSourceContext.Provider>;
}
