/**
 * React access to the current data source. The app layer provides it; features read the
 * ApiClient from here and never learn which backend answers (only Settings looks).
 */
import { createContext, useContext } from 'react';
import type { ApiClient } from './client.ts';
import type { DataSource } from './data-source.ts';
import type { DemoBackendControls, FaultSettings } from './demo-backend.ts';

export interface DataSourceState {
  source: DataSource;
  client: ApiClient;
  /** Top-bar label. */
  label: string;
  /** Switches the data source (clears every cached query). */
  connect(next: DataSource): void;
  /** Rebuilds the client after the API key changed (clears the cache). */
  keyChanged(): void;
  /** Demo mode only: loads (if needed) and returns the bundled backend's controls. */
  demoControls: (() => Promise<DemoBackendControls>) | null;
  /** Fault scenarios active on the demo backend. */
  faults: FaultSettings;
  setFaults(next: FaultSettings): Promise<void>;
  /** Restores the demo seed and refetches everything. */
  resetDemo(): Promise<void>;
  /** Demo transport preference (applies on the next page load). */
  preferServiceWorker: boolean;
  setPreferServiceWorker(on: boolean): void;
}

export const DataSourceContext = createContext<DataSourceState | null>(null);

export function useDataSource(): DataSourceState {
  const v = useContext(DataSourceContext);
  if (!v) throw new Error('useDataSource: no <DataSourceProvider> above this component');
  return v;
}

export function useApiClient(): ApiClient {
  return useDataSource().client;
}
