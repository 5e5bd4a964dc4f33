/**
 * Wire → app/engine types, at the edge: structural checks that fail loudly with an
 * `invalid-response` ApiError rather than letting a malformed record into the UI.
 */
import type {
  GuardianDeviation,
  PolicyType,
  Severity,
  SpyderbatFingerprint,
  SpyderbatPolicy,
  SpyderbatRuleset,
} from '../engine/model/types.ts';
import { ApiError } from './errors.ts';
import type { AuditKind, AuditLogEntry, Cluster, ClusterPlatform, DeviationRecord, Namespace, Org, PolicyStatus, RedFlag } from './types.ts';

type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scalar as text ('' for objects, null and undefined). */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function bad(what: string, detail: string): ApiError {
  return new ApiError({ kind: 'invalid-response', detail: `${what}: ${detail}` });
}

function str(r: Rec, key: string): string | undefined {
  const v = r[key];
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
    const t = Date.parse(v);
    if (Number.isFinite(t) && !v.startsWith('0001-')) return t / 1000;
  }
  return undefined;
}

function requireString(r: Rec, key: string, what: string): string {
  const v = str(r, key);
  if (v === undefined) throw bad(what, `missing "${key}"`);
  return v;
}

export function toOrg(v: unknown): Org {
  if (!isRecord(v)) throw bad('org', 'not an object');
  return { uid: requireString(v, 'uid', 'org'), name: str(v, 'name') ?? requireString(v, 'uid', 'org') };
}

export function toCluster(v: unknown): Cluster {
  if (!isRecord(v)) throw bad('cluster', 'not an object');
  const details = isRecord(v.cluster_details) ? v.cluster_details : {};
  const p = str(details, 'platform');
  const platform: ClusterPlatform = p === 'eks' || p === 'kubernetes' || p === 'linux' ? p : 'unknown';
  const clusterId = str(v, 'cluster_id') ?? str(details, 'cluster_uid');
  const firstSeen = num(v.first_data) ?? num(v.valid_from);
  const lastData = num(v.last_data);
  return {
    uid: requireString(v, 'uid', 'cluster'),
    name: requireString(v, 'name', 'cluster'),
    platform,
    ...(clusterId ? { clusterId } : {}),
    ...(firstSeen !== undefined ? { firstSeen } : {}),
    ...(lastData !== undefined ? { lastData } : {}),
  };
}

function checkEnvelope(v: unknown, kind: string, what: string): Rec {
  if (!isRecord(v)) throw bad(what, 'not an object');
  if (v.kind !== kind) throw bad(what, `expected kind ${kind}, got ${String(v.kind)}`);
  if (!isRecord(v.metadata)) throw bad(what, 'missing metadata');
  if (!isRecord(v.spec)) throw bad(what, 'missing spec');
  return v;
}

const POLICY_TYPES: readonly PolicyType[] = ['container', 'linux-service', 'cluster'];

/** A policy object; `uid` (from the envelope) wins over a missing metadata.uid. */
export function toPolicy(v: unknown, uid?: string): SpyderbatPolicy {
  const p = checkEnvelope(v, 'SpyderbatPolicy', 'policy');
  const metadata = p.metadata as Rec;
  if (typeof metadata.name !== 'string') throw bad('policy', 'metadata.name missing');
  if (!POLICY_TYPES.includes(metadata.type as PolicyType)) throw bad('policy', `unknown metadata.type ${String(metadata.type)}`);
  const version = num(metadata.version);
  return {
    ...(p as unknown as SpyderbatPolicy),
    metadata: { ...(metadata as SpyderbatPolicy['metadata']), ...(uid && !metadata.uid ? { uid } : {}), ...(version !== undefined ? { version } : {}) },
  } as SpyderbatPolicy;
}

export function toRuleset(v: unknown, uid?: string): SpyderbatRuleset {
  const r = checkEnvelope(v, 'SpyderbatRuleset', 'ruleset');
  const metadata = r.metadata as Rec;
  if (typeof metadata.name !== 'string') throw bad('ruleset', 'metadata.name missing');
  const spec = r.spec as Rec;
  if (!Array.isArray(spec.rules)) throw bad('ruleset', 'spec.rules is not a list');
  return { ...(r as unknown as SpyderbatRuleset), metadata: { ...(metadata as SpyderbatRuleset['metadata']), ...(uid && !metadata.uid ? { uid } : {}) } };
}

export function toFingerprint(v: unknown): SpyderbatFingerprint {
  const f = checkEnvelope(typeof v === 'string' ? (JSON.parse(v) as unknown) : v, 'SpyderbatFingerprint', 'fingerprint');
  const spec = f.spec as Rec;
  if (!Array.isArray(spec.processPolicy)) throw bad('fingerprint', 'spec.processPolicy is not a list');
  return f as unknown as SpyderbatFingerprint;
}

export function toNamespace(v: unknown): Namespace {
  if (!isRecord(v)) throw bad('namespace', 'not an object');
  const metadata = isRecord(v.metadata) ? v.metadata : {};
  const labels = isRecord(metadata.labels) ? (metadata.labels as Record<string, string>) : {};
  return { clusterUid: str(v, 'cluster_uid') ?? '', clusterName: str(v, 'cluster_name') ?? '', name: str(metadata, 'name') ?? requireString(v, 'name', 'namespace'), labels };
}

export function toDeviationRecord(v: unknown): DeviationRecord {
  const r = isRecord(v) && typeof v.full_json === 'string' ? (JSON.parse(v.full_json) as unknown) : isRecord(v) && isRecord(v.full_json) ? v.full_json : v;
  if (!isRecord(r)) throw bad('deviation', 'not an object');
  const deviation = r.deviation;
  if (!isRecord(deviation) || deviation.kind !== 'GuardianDeviation') throw bad('deviation', 'missing deviation object');
  const time = num(r.time);
  if (time === undefined) throw bad('deviation', 'missing time');
  return {
    id: requireString(r, 'id', 'deviation'),
    time,
    checksum: str(r, 'checksum') ?? str(deviation.metadata as Rec, 'checksum') ?? '',
    description: str(r, 'description') ?? '',
    policyUid: str(r, 'policy_uid') ?? '',
    policyName: str(r, 'policy_name') ?? '',
    policyMode: str(r, 'policy_mode') ?? '',
    ...optional(r, { clusterName: 'cluster_name', clusterUid: 'cluster_uid', namespace: 'namespace', muid: 'muid' }),
    deviation: deviation as unknown as GuardianDeviation,
  };
}

function optional<K extends string>(r: Rec, keys: Record<K, string>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, wire] of Object.entries(keys) as [K, string][]) {
    const v = str(r, wire);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function toRedFlag(v: unknown): RedFlag {
  const r = isRecord(v) && isRecord(v.full_json) ? v.full_json : v;
  if (!isRecord(r)) throw bad('red flag', 'not an object');
  const time = num(r.time);
  if (time === undefined) throw bad('red flag', 'missing time');
  const severity = SEVERITIES.includes(r.severity as Severity) ? (r.severity as Severity) : 'info';
  return {
    id: requireString(r, 'id', 'red flag'),
    time,
    shortName: str(r, 'short_name') ?? 'Red flag',
    severity,
    description: str(r, 'description') ?? '',
    flagClass: Array.isArray(r.class) ? r.class.filter((x): x is string => typeof x === 'string') : [],
    ref: str(r, 'ref') ?? '',
    ...optional(r, { clusterUid: 'cluster_uid', clusterName: 'cluster_name', namespace: 'namespace', muid: 'muid', policyUid: 'policy_uid', policyName: 'policy_name' }),
  };
}

const AUDIT_KINDS: readonly AuditKind[] = ['policy_change', 'guardian_deviation', 'guardian_action', 'guardian_redflag', 'guardian_opsflag'];

export function toAuditEntry(v: unknown): AuditLogEntry {
  if (!isRecord(v)) throw bad('audit entry', 'not an object');
  const time = num(v.time);
  if (time === undefined) throw bad('audit entry', 'missing time');
  const schema = str(v, 'schema') ?? '';
  const sub = schema.split(':')[1] ?? '';
  const version = num(v.version);
  return {
    id: requireString(v, 'id', 'audit entry'),
    time,
    schema,
    kind: AUDIT_KINDS.includes(sub as AuditKind) ? (sub as AuditKind) : 'other',
    description: str(v, 'description') ?? '',
    ...optional(v, { policyUid: 'policy_uid', policyName: 'policy_name', user: 'user' }),
    ...(version !== undefined ? { version } : {}),
  };
}

/** Auditing / Enforcing / Disabled, as `spyctl get policies` shows it. */
export function policyStatus(policy: SpyderbatPolicy): PolicyStatus {
  if (policy.spec.enabled === false) return 'Disabled';
  return policy.spec.mode === 'enforce' ? 'Enforcing' : 'Auditing';
}
