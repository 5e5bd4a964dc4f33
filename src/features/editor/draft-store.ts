/**
 * Local drafts of policy edits, one per policy (or per new-policy source), kept in
 * IndexedDB so they survive reloads, crashes and API failures. Falls back to memory
 * when IndexedDB is unavailable (private mode), and says so.
 */
import { openDB, type IDBPDatabase } from 'idb';

export interface Draft {
  key: string;
  text: string;
  /** The server version the edit started from (for the conflict check on apply). */
  baseVersion?: number;
  /** The text the edit started from, for the 3-way view on conflict. */
  baseText?: string;
  savedAt: number;
}

export interface DraftStore {
  readonly persistent: boolean;
  get(key: string): Promise<Draft | undefined>;
  put(draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

export function createMemoryDraftStore(): DraftStore {
  const map = new Map<string, Draft>();
  return {
    persistent: false,
    get: (key) => Promise.resolve(map.get(key)),
    put: (d) => {
      map.set(d.key, { ...d });
      return Promise.resolve();
    },
    remove: (key) => {
      map.delete(key);
      return Promise.resolve();
    },
  };
}

const DB = 'palisade-drafts';
const STORE = 'drafts';

export async function createIdbDraftStore(): Promise<DraftStore> {
  let db: IDBPDatabase;
  try {
    db = await openDB(DB, 1, {
      upgrade(d) {
        d.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
  } catch {
    return createMemoryDraftStore();
  }
  return {
    persistent: true,
    get: async (key) => (await db.get(STORE, key)) as Draft | undefined,
    put: async (d) => {
      await db.put(STORE, d);
    },
    remove: async (key) => {
      await db.delete(STORE, key);
    },
  };
}

let shared: Promise<DraftStore> | null = null;

/** The app's draft store (IndexedDB where available). */
export function draftStore(): Promise<DraftStore> {
  shared ??= typeof indexedDB === 'undefined' ? Promise.resolve(createMemoryDraftStore()) : createIdbDraftStore();
  return shared;
}

/** "5 min ago" for the restore banner. */
export function draftAge(savedAt: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - savedAt) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
