/** The mutable state of one org in the mock: seed data plus edits. */
import type { AuditEvent, Dataset } from '../../engine/generate/index.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy, SpyderbatRuleset } from '../../engine/model/types.ts';
import type { WireCluster, WireDeviationRecord } from '../../api/wire.ts';
import { clusterRecord } from './records.ts';

export interface StoredObject<T> {
  uid: string;
  current: T;
  /** Earlier versions, oldest first (edits made through the mock). */
  archive: T[];
}

export interface OrgState {
  uid: string;
  name: string;
  /** null for an empty org. */
  dataset: Dataset | null;
  clusters: WireCluster[];
  fingerprints: SpyderbatFingerprint[];
  policies: Map<string, StoredObject<SpyderbatPolicy>>;
  rulesets: Map<string, StoredObject<SpyderbatRuleset>>;
  /** Policy uids deleted through the mock (their seed events are hidden). */
  deleted: Set<string>;
  /** Lifecycle entries added through the mock. */
  audit: AuditEvent[];
  /** Deviations computed by the engine after a create/update, per policy uid. */
  computed: Map<string, WireDeviationRecord[]>;
}

export function emptyOrg(uid: string, name: string): OrgState {
  return { uid, name, dataset: null, clusters: [], fingerprints: [], policies: new Map(), rulesets: new Map(), deleted: new Set(), audit: [], computed: new Map() };
}

export function orgFromDataset(ds: Dataset): OrgState {
  const org = emptyOrg(ds.org.uid, ds.org.name);
  org.dataset = ds;
  org.clusters = ds.clusters.map((c) => clusterRecord(c, ds.org.uid));
  org.fingerprints = ds.fingerprints;
  for (const p of ds.policies) {
    const uid = p.metadata.uid ?? '';
    org.policies.set(uid, { uid, current: p, archive: [] });
  }
  for (const r of ds.rulesets) {
    const uid = r.metadata.uid ?? '';
    org.rulesets.set(uid, { uid, current: r, archive: [] });
  }
  return org;
}

/** Every stored version of an object: explicit archive, or (for seed objects) copies of earlier versions. */
export function versionsOf<T extends { metadata: { version?: number; [k: string]: unknown } }>(s: StoredObject<T>): T[] {
  if (s.archive.length > 0) return [...s.archive, s.current];
  const v = s.current.metadata.version ?? 1;
  const out: T[] = [];
  for (let k = 1; k < v; k++) out.push({ ...s.current, metadata: { ...s.current.metadata, version: k } });
  out.push(s.current);
  return out;
}
