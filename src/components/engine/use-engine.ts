/**
 * The app-wide engine client: created on first use (so the worker does not start
 * with the app), shared by every page afterwards. Data sets are loaded into it
 * once per revision, whichever panel asks first (`ensureDataset`).
 */
import { createEngineClient, UnknownRevisionError, type DatasetInfo, type DatasetInput, type EngineClient } from '../../worker/index.ts';

let client: EngineClient | null = null;
/** Loads started or done, by revision, for the current client. */
let loads = new Map<string, Promise<DatasetInfo>>();

export function getEngineClient(): EngineClient {
  client ??= createEngineClient();
  return client;
}

/** The shared client (created on the first render that needs it, not at app start). */
export function useEngineClient(): EngineClient {
  return getEngineClient();
}

/** Whether the shared client exists yet (for tests and diagnostics). */
export function hasEngineClient(): boolean {
  return client !== null;
}

/**
 * Loads `revision` into the shared engine once: later callers with the same
 * revision share the first load. `build` runs only for the first caller, so an
 * expensive data set is assembled once per revision. A failed load is forgotten
 * so that the next call retries.
 */
export function ensureDataset(revision: string, build: () => DatasetInput | Promise<DatasetInput>): Promise<DatasetInfo> {
  const known = loads.get(revision);
  if (known !== undefined) return known;
  const engine = getEngineClient();
  const p = Promise.resolve()
    .then(build)
    .then((data) => engine.loadDataset(revision, data, { key: null }));
  loads.set(revision, p);
  p.catch(() => {
    if (loads.get(revision) === p) loads.delete(revision);
  });
  return p;
}

/**
 * Forget a revision the engine no longer holds (it keeps the two most recently
 * used): the next `ensureDataset` loads it again. Call on `UnknownRevisionError`.
 */
export function forgetDataset(revision: string): void {
  loads.delete(revision);
}

export function isUnknownRevision(e: unknown): boolean {
  return e instanceof UnknownRevisionError || (e instanceof Error && e.name === 'UnknownRevisionError');
}

/** Tests: drop the shared client and its loads. */
export function resetEngineClient(): void {
  client?.dispose();
  client = null;
  loads = new Map();
}
