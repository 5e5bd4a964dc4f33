/** The demo backend's edits in IndexedDB (via idb), so they survive reloads. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { MockPersistence, PersistedRecord, SeedMeta } from '../backend/persistence.ts';

interface DemoDb extends DBSchema {
  meta: { key: string; value: SeedMeta };
  records: { key: string; value: PersistedRecord };
}

export const DEMO_DB_NAME = 'palisade-demo';

export async function openIdbPersistence(name = DEMO_DB_NAME): Promise<MockPersistence> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const db: IDBPDatabase<DemoDb> = await openDB<DemoDb>(name, 1, {
    upgrade(d) {
      d.createObjectStore('meta');
      d.createObjectStore('records', { keyPath: 'key' });
    },
  });
  return {
    durable: true,
    async loadMeta() {
      return (await db.get('meta', 'seed')) ?? null;
    },
    async saveMeta(meta) {
      await db.put('meta', meta, 'seed');
    },
    async loadRecords() {
      return db.getAll('records');
    },
    async put(record) {
      await db.put('records', record);
    },
    async clear() {
      const tx = db.transaction(['meta', 'records'], 'readwrite');
      await Promise.all([tx.objectStore('meta').clear(), tx.objectStore('records').clear(), tx.done]);
    },
  };
}
