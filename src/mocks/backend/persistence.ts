/**
 * Where the mock's edits live. The seed is regenerated from (seed, scale, now) on start;
 * persistence keeps only what changed since: stored policies and rulesets (or their
 * deletion), computed deviations and audit entries. In memory for Vitest and the mock
 * server; IndexedDB in the browser (browser/idb-persistence.ts).
 */
export interface SeedMeta {
  seed: number;
  scale: number;
  /** Epoch seconds the seed was generated for. */
  now: number;
  /** Bumped when the stored format changes (older stores are reset). */
  format: number;
}

export type RecordKind = 'policy' | 'ruleset' | 'computed' | 'audit';

export interface PersistedRecord {
  /** `${org}|${kind}|${id}` */
  key: string;
  org: string;
  kind: RecordKind;
  id: string;
  /** null = deleted. */
  value: unknown;
}

export interface MockPersistence {
  readonly durable: boolean;
  loadMeta(): Promise<SeedMeta | null>;
  saveMeta(meta: SeedMeta): Promise<void>;
  loadRecords(): Promise<PersistedRecord[]>;
  put(record: PersistedRecord): Promise<void>;
  clear(): Promise<void>;
}

export const STORE_FORMAT = 1;

export function recordKey(org: string, kind: RecordKind, id: string): string {
  return `${org}|${kind}|${id}`;
}

export function memoryPersistence(): MockPersistence {
  let meta: SeedMeta | null = null;
  const records = new Map<string, PersistedRecord>();
  return {
    durable: false,
    loadMeta: () => Promise.resolve(meta),
    saveMeta: (m) => {
      meta = m;
      return Promise.resolve();
    },
    loadRecords: () => Promise.resolve([...records.values()]),
    put: (r) => {
      records.set(r.key, structuredClone(r));
      return Promise.resolve();
    },
    clear: () => {
      records.clear();
      meta = null;
      return Promise.resolve();
    },
  };
}
