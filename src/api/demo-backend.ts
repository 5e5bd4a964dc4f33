/**
 * What the Settings page may control on the bundled demo backend. The types live here
 * (features import src/api, never src/mocks); src/mocks implements them.
 */

/** Fault scenarios the demo backend can simulate. */
export interface FaultSettings {
  /** Added to every response, 0–10,000 ms. */
  latencyMs: number;
  /** Share of requests answered with HTTP 500: 0 (none), 1 (all), or e.g. 0.34 (every third). */
  errorRate: number;
  /** Every request fails as if the network were down. */
  networkDown: boolean;
  /** Every request gets 401 (the API key expired). */
  expiredKey: boolean;
  /** Updates get 409: someone else changed the object first. */
  conflictOnUpdate: boolean;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, networkDown: false, expiredKey: false, conflictOnUpdate: false };

export const MAX_LATENCY_MS = 10_000;

export function normalizeFaults(f: Partial<FaultSettings> | null | undefined): FaultSettings {
  const n = (v: unknown, lo: number, hi: number): number => (typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);
  return {
    latencyMs: Math.round(n(f?.latencyMs, 0, MAX_LATENCY_MS)),
    errorRate: n(f?.errorRate, 0, 1),
    networkDown: f?.networkDown === true,
    expiredKey: f?.expiredKey === true,
    conflictOnUpdate: f?.conflictOnUpdate === true,
  };
}

/** Short labels of the active faults, e.g. ["slow 3 s", "network down"]. */
export function activeFaultLabels(f: FaultSettings): string[] {
  const out: string[] = [];
  if (f.networkDown) out.push('network down');
  if (f.expiredKey) out.push('expired key');
  if (f.errorRate > 0) out.push(f.errorRate >= 1 ? 'HTTP 500' : `HTTP 500 on 1 in ${Math.round(1 / f.errorRate)}`);
  if (f.latencyMs > 0) out.push(`slow ${f.latencyMs / 1000} s`);
  if (f.conflictOnUpdate) out.push('409 on update');
  return out;
}

export type DemoTransport = 'in-page' | 'service-worker';

export interface DemoBackendInfo {
  transport: DemoTransport;
  /** Why the preferred transport was not used, if it was not. */
  note?: string;
  seed: number;
  /** Epoch seconds the demo data was generated for. */
  seededAt: number;
  /** Whether edits survive a reload (IndexedDB available). */
  persistent: boolean;
}

export interface DemoBackendControls {
  info(): DemoBackendInfo;
  getFaults(): FaultSettings;
  setFaults(faults: FaultSettings): void;
  /** Restores the seed: drops every edit. */
  reset(): Promise<void>;
}
