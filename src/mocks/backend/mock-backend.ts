/**
 * The bundled backend: an in-memory Spyderbat-v1 org built from the seeded dataset,
 * with edits persisted through a MockPersistence, API-key checks and fault scenarios.
 * HTTP-framework-free: handlers/ turns requests into calls here.
 */
import { generateDataset, Rng, type AuditEvent } from '../../engine/generate/index.ts';
import type { SpyderbatPolicy, SpyderbatRuleset } from '../../engine/model/types.ts';
import { NO_FAULTS, normalizeFaults, type FaultSettings } from '../../api/demo-backend.ts';
import type { WireDeviationRecord } from '../../api/wire.ts';
import { DEMO_API_KEY, DEMO_ORG_NAME, DEMO_ORG_UID, DEMO_READ_ONLY_KEY, DEMO_SEED, SANDBOX_ORG_NAME, SANDBOX_ORG_UID } from '../constants.ts';
import { emptyOrg, orgFromDataset, type OrgState, type StoredObject } from './org-state.ts';
import { memoryPersistence, recordKey, STORE_FORMAT, type MockPersistence, type RecordKind, type SeedMeta } from './persistence.ts';
import { fail, type MockResult } from './result.ts';

export interface MockBackendOptions {
  seed?: number;
  scale?: number;
  /** Epoch seconds the seed is generated for (default: from persistence, else the clock). */
  now?: number;
  /** Epoch milliseconds; default Date.now. */
  clock?: () => number;
  persistence?: MockPersistence;
  apiKeys?: readonly string[];
  readOnlyKeys?: readonly string[];
  faults?: Partial<FaultSettings>;
  /** Polls a search answers `{status: "RUNNING"}` before its results (default 0). */
  searchPendingPolls?: number;
}

export interface SearchJob {
  id: string;
  org: string;
  results: Record<string, unknown>[];
  pending: number;
}

export class MockBackend {
  readonly orgs = new Map<string, OrgState>();
  faults: FaultSettings;
  meta: SeedMeta;
  readonly persistence: MockPersistence;
  readonly clock: () => number;
  readonly jobs = new Map<string, SearchJob>();
  readonly searchPendingPolls: number;
  private readonly keys: Set<string>;
  private readonly readOnly: Set<string>;
  private requestCounter = 0;
  private searchCounter = 0;
  private faultCounter = 0;
  private uidRng: Rng;

  private constructor(options: MockBackendOptions, meta: SeedMeta) {
    this.clock = options.clock ?? (() => Date.now());
    this.persistence = options.persistence ?? memoryPersistence();
    this.keys = new Set(options.apiKeys ?? [DEMO_API_KEY]);
    this.readOnly = new Set(options.readOnlyKeys ?? [DEMO_READ_ONLY_KEY]);
    this.faults = normalizeFaults(options.faults ?? NO_FAULTS);
    this.searchPendingPolls = options.searchPendingPolls ?? 0;
    this.meta = meta;
    this.uidRng = new Rng(meta.seed).fork('uids');
    this.seed();
  }

  /** Builds the backend: seed from persistence (or options), then the stored edits. */
  static async create(options: MockBackendOptions = {}): Promise<MockBackend> {
    const persistence = options.persistence ?? memoryPersistence();
    const clock = options.clock ?? (() => Date.now());
    const stored = await persistence.loadMeta().catch(() => null);
    const fresh: SeedMeta = { seed: options.seed ?? DEMO_SEED, scale: options.scale ?? 1, now: options.now ?? Math.floor(clock() / 1000), format: STORE_FORMAT };
    const usable = stored && stored.format === STORE_FORMAT && stored.seed === fresh.seed && stored.scale === fresh.scale;
    const meta = usable ? stored : fresh;
    if (!usable) {
      await persistence.clear().catch(() => undefined);
      await persistence.saveMeta(meta).catch(() => undefined);
    }
    const backend = new MockBackend({ ...options, persistence, clock }, meta);
    if (usable) await backend.applyStored();
    return backend;
  }

  /** Synchronous, memory-only (tests). */
  static createSync(options: MockBackendOptions = {}): MockBackend {
    const clock = options.clock ?? (() => Date.now());
    const meta: SeedMeta = { seed: options.seed ?? DEMO_SEED, scale: options.scale ?? 1, now: options.now ?? Math.floor(clock() / 1000), format: STORE_FORMAT };
    return new MockBackend({ ...options, clock }, meta);
  }

  private seed(): void {
    this.orgs.clear();
    const ds = generateDataset({ seed: this.meta.seed, scale: this.meta.scale, now: this.meta.now, orgUid: DEMO_ORG_UID, orgName: DEMO_ORG_NAME });
    this.orgs.set(ds.org.uid, orgFromDataset(ds));
    this.orgs.set(SANDBOX_ORG_UID, emptyOrg(SANDBOX_ORG_UID, SANDBOX_ORG_NAME));
  }

  private async applyStored(): Promise<void> {
    const records = await this.persistence.loadRecords().catch(() => []);
    for (const r of records) {
      const org = this.orgs.get(r.org);
      if (!org) continue;
      if (r.kind === 'policy') {
        if (r.value === null) {
          org.policies.delete(r.id);
          org.deleted.add(r.id);
        } else org.policies.set(r.id, r.value as StoredObject<SpyderbatPolicy>);
      } else if (r.kind === 'ruleset') {
        if (r.value === null) org.rulesets.delete(r.id);
        else org.rulesets.set(r.id, r.value as StoredObject<SpyderbatRuleset>);
      } else if (r.kind === 'computed') {
        org.computed.set(r.id, (r.value as WireDeviationRecord[] | null) ?? []);
      } else if (r.kind === 'audit' && r.value) {
        org.audit.push(r.value as AuditEvent);
      }
    }
    for (const org of this.orgs.values()) org.audit.sort((a, b) => a.time - b.time);
  }

  /** Drops every edit and regenerates the seed for the current time. */
  async reset(now?: number): Promise<void> {
    this.meta = { ...this.meta, now: now ?? Math.floor(this.clock() / 1000) };
    this.uidRng = new Rng(this.meta.seed).fork('uids');
    this.jobs.clear();
    await this.persistence.clear().catch(() => undefined);
    await this.persistence.saveMeta(this.meta).catch(() => undefined);
    this.seed();
  }

  persist(org: string, kind: RecordKind, id: string, value: unknown): Promise<void> {
    return this.persistence.put({ key: recordKey(org, kind, id), org, kind, id, value }).catch(() => undefined);
  }

  nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  nextRequestId(): string {
    this.requestCounter++;
    return `ctx:${this.requestCounter.toString(36).padStart(8, '0')}`;
  }

  nextSearchId(): string {
    this.searchCounter++;
    return `search-${this.searchCounter.toString(36).padStart(6, '0')}`;
  }

  newUid(prefix: 'pol' | 'rs', taken: (uid: string) => boolean): string {
    for (;;) {
      const uid = `${prefix}:${this.uidRng.base62(20)}`;
      if (!taken(uid)) return uid;
    }
  }

  /** Checks the Authorization header; a write needs a read-write key. */
  authorize(header: string | null, write: boolean): MockResult | null {
    if (this.faults.expiredKey) return fail(401, 'API key expired');
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    const key = m?.[1]?.trim();
    if (!key) return fail(401, 'Missing API key: send "Authorization: Bearer <key>"');
    if (this.keys.has(key)) return null;
    if (this.readOnly.has(key)) return write ? fail(403, 'This API key is read-only') : null;
    return fail(401, 'Invalid API key');
  }

  /** True when this request should fail with HTTP 500 (every request, or every n-th). */
  shouldFail500(): boolean {
    const rate = this.faults.errorRate;
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    const every = Math.max(2, Math.round(1 / rate));
    this.faultCounter++;
    return this.faultCounter % every === 0;
  }

  setFaults(f: Partial<FaultSettings>): void {
    this.faults = normalizeFaults({ ...this.faults, ...f });
    this.faultCounter = 0;
  }

  org(uid: string): OrgState | undefined {
    return this.orgs.get(uid);
  }

  /** policy uid → current mode / name, for event records. */
  policyInfo(org: OrgState, uid: string): { mode: string; name: string | undefined } {
    const p = org.policies.get(uid)?.current;
    return { mode: p?.spec.mode ?? 'audit', name: p?.metadata.name };
  }
}
