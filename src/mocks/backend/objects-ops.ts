/**
 * Policies and rulesets: list / get / create / update / delete with the semantics of
 * the v1 API: validation by the engine (400 with located errors), server-set uid and
 * version, optimistic concurrency (409 on a stale version), archive of old versions,
 * audit entries, and deviations recomputed by the engine from the fingerprints.
 */
import type { SpyderbatPolicy, SpyderbatRuleset, WorkloadPolicy } from '../../engine/model/types.ts';
import type { AuditEvent } from '../../engine/generate/index.ts';
import { computeDeviations, validateDocument } from './engine-adapter.ts';
import type { MockBackend } from './mock-backend.ts';
import { versionsOf, type OrgState, type StoredObject } from './org-state.ts';
import { fail, lines, ok, type MockResult } from './result.ts';
import { text } from '../../api/mappers.ts';
import type { WireDeviationRecord } from '../../api/wire.ts';

export type ObjectKind = 'policy' | 'ruleset';
type Obj = SpyderbatPolicy | SpyderbatRuleset;

const SERVER_USER = 'api-user@palisade.local';
const OTHER_USER = 'someone-else@acme.example';
const PAGE = 100;

function store(org: OrgState, kind: ObjectKind): Map<string, StoredObject<Obj>> {
  // Both maps hold Obj values; only this module writes them, always with the matching kind.
  return kind === 'policy' ? org.policies : org.rulesets;
}

const bodyKey = (kind: ObjectKind): 'policy' | 'ruleset' => kind;
const docKind = (kind: ObjectKind): 'SpyderbatPolicy' | 'SpyderbatRuleset' => (kind === 'policy' ? 'SpyderbatPolicy' : 'SpyderbatRuleset');

function pages(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i += PAGE) out.push(items.slice(i, i + PAGE));
  return out;
}

export interface ListParams {
  type?: string | null;
  nameOrUid?: string | null;
  fromArchive?: boolean;
  selectorHash?: string | null;
  inPolicy?: string | null;
}

export function listObjects(org: OrgState, kind: ObjectKind, q: ListParams): MockResult {
  let items = [...store(org, kind).values()];
  if (kind === 'ruleset' && q.inPolicy) {
    const p = org.policies.get(q.inPolicy)?.current;
    const names = new Set(p && 'rulesets' in p.spec ? p.spec.rulesets : []);
    items = items.filter((s) => names.has(s.current.metadata.name));
  }
  const needle = q.nameOrUid?.toLowerCase();
  const out: unknown[] = [];
  for (const s of items) {
    const m = s.current.metadata;
    if (q.type && m.type !== q.type) continue;
    if (needle && !m.name.toLowerCase().includes(needle) && !s.uid.toLowerCase().includes(needle)) continue;
    if (q.selectorHash && m.selectorHash !== q.selectorHash) continue;
    for (const v of q.fromArchive ? versionsOf(s) : [s.current]) out.push({ [bodyKey(kind)]: v });
  }
  return lines(pages(out));
}

export function getObject(org: OrgState, kind: ObjectKind, uid: string): MockResult {
  const s = store(org, kind).get(uid);
  if (!s) return fail(404, `${kind === 'policy' ? 'Policy' : 'Ruleset'} ${uid} not found`);
  return lines([{ uid, [bodyKey(kind)]: s.current }]);
}

function unwrap(body: unknown, kind: ObjectKind): { obj: Record<string, unknown> } | MockResult {
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[bodyKey(kind)] : undefined;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return fail(400, `Request body must be {"${bodyKey(kind)}": {...}}`);
  return { obj: inner as Record<string, unknown> };
}

function audit(b: MockBackend, org: OrgState, kind: ObjectKind, obj: Obj, what: string, user: string): Promise<void> {
  if (kind !== 'policy') return Promise.resolve();
  const m = obj.metadata;
  const version = m.version ?? 1;
  const ev: AuditEvent = {
    id: `audit:policy_change:${m.uid ?? ''}:${version}:${b.nowSeconds()}`,
    time: b.nowSeconds(),
    kind: 'policy_change',
    policyUid: m.uid ?? '',
    policyName: m.name,
    user,
    version,
    description: `${what} (version ${version}, by ${user}).`,
  };
  org.audit.push(ev);
  return b.persist(org.uid, 'audit', ev.id, ev);
}

/** Recomputes the engine's deviations of a workload policy against the org's fingerprints. */
export async function recompute(b: MockBackend, org: OrgState, policy: SpyderbatPolicy): Promise<void> {
  const uid = policy.metadata.uid ?? '';
  if (policy.metadata.type === 'cluster' || policy.spec.enabled === false) {
    if (org.computed.has(uid)) {
      org.computed.delete(uid);
      await b.persist(org.uid, 'computed', uid, []);
    }
    return;
  }
  const now = b.nowSeconds();
  const seen = new Set<string>();
  const records: WireDeviationRecord[] = [];
  for (const d of computeDeviations(policy as WorkloadPolicy, org.fingerprints)) {
    const checksum = d.deviation.metadata.checksum ?? '';
    if (seen.has(checksum)) continue;
    seen.add(checksum);
    const m = d.fingerprint.metadata;
    const time = Math.min(now, Number(m.latestTimestamp ?? now));
    const id = `audit:guardian_deviation:${uid.replace(/^pol:/, '')}:${time}:${checksum.slice(0, 8)}:c${records.length.toString(36)}`;
    records.push({
      id,
      schema: 'event_deviation:workload:1.0.0',
      time,
      checksum,
      description: d.description,
      policy_uid: uid,
      policy_name: policy.metadata.name,
      policy_mode: policy.spec.mode,
      ...(typeof m.cluster_name === 'string' ? { cluster_name: m.cluster_name } : {}),
      ...(typeof m.cluster_uid === 'string' ? { cluster_uid: m.cluster_uid } : {}),
      ...(typeof m.namespace === 'string' ? { namespace: m.namespace } : {}),
      ...(typeof m.muid === 'string' ? { muid: m.muid } : {}),
      deviation: { ...d.deviation, metadata: { ...d.deviation.metadata, uid: id } },
    });
  }
  org.computed.set(uid, records);
  await b.persist(org.uid, 'computed', uid, records);
}

export async function createObject(b: MockBackend, org: OrgState, kind: ObjectKind, body: unknown): Promise<MockResult> {
  const u = unwrap(body, kind);
  if ('status' in u) return u;
  const invalid = validateDocument(u.obj, docKind(kind));
  if (invalid) return { status: 400, json: invalid };
  const objects = store(org, kind);
  const now = b.nowSeconds();
  const uid = b.newUid(kind === 'policy' ? 'pol' : 'rs', (x) => objects.has(x) || org.deleted.has(x));
  const incoming = u.obj as unknown as Obj;
  const { version: _v, createdBy: _c, lastUpdatedBy: _l, lastUpdatedTimestamp: _t, ...metadata } = incoming.metadata;
  const stored = {
    ...incoming,
    metadata: { ...metadata, uid, version: 1, creationTimestamp: now, createdBy: SERVER_USER, lastUpdatedBy: SERVER_USER, lastUpdatedTimestamp: now },
  } as Obj;
  objects.set(uid, { uid, current: stored, archive: [] });
  await b.persist(org.uid, kind, uid, objects.get(uid));
  await audit(b, org, kind, stored, `Policy "${stored.metadata.name}" created`, SERVER_USER);
  if (kind === 'policy') await recompute(b, org, stored as SpyderbatPolicy);
  return ok({ uid });
}

export async function updateObject(b: MockBackend, org: OrgState, kind: ObjectKind, body: unknown): Promise<MockResult> {
  const u = unwrap(body, kind);
  if ('status' in u) return u;
  const meta = u.obj.metadata as Record<string, unknown> | undefined;
  const uid = typeof meta?.uid === 'string' ? meta.uid : undefined;
  if (!uid) return fail(400, 'metadata.uid is required to update (POST creates a new object)', { errors: [{ path: 'metadata.uid', message: 'required for an update' }] });
  const objects = store(org, kind);
  const s = objects.get(uid);
  if (!s) return fail(404, `${kind === 'policy' ? 'Policy' : 'Ruleset'} ${uid} not found`);
  const invalid = validateDocument(u.obj, docKind(kind));
  if (invalid) return { status: 400, json: invalid };
  const incoming = u.obj as unknown as Obj;
  if (incoming.metadata.type !== s.current.metadata.type) {
    return fail(400, `metadata.type cannot change (${String(s.current.metadata.type)} → ${String(incoming.metadata.type)})`, { errors: [{ path: 'metadata.type', message: 'cannot change on update' }] });
  }
  const now = b.nowSeconds();
  if (b.faults.conflictOnUpdate) {
    // Someone else saved first: the stored version moves on, this update is refused.
    const bumped = { ...s.current, metadata: { ...s.current.metadata, version: (s.current.metadata.version ?? 1) + 1, lastUpdatedBy: OTHER_USER, lastUpdatedTimestamp: now } } as Obj;
    s.archive = [...versionsOf(s).slice(0, -1), s.current];
    s.current = bumped;
    await b.persist(org.uid, kind, uid, s);
    await audit(b, org, kind, bumped, 'Edited by another user', OTHER_USER);
  }
  const current = s.current.metadata.version ?? 1;
  const sent = incoming.metadata.version;
  if (sent !== undefined && sent !== current) {
    return fail(409, `Version conflict: ${uid} is at version ${current} (last updated by ${text(s.current.metadata.lastUpdatedBy) || 'unknown'}); the update was based on version ${sent}`, {
      current_version: current,
    });
  }
  const next = {
    ...incoming,
    metadata: {
      ...incoming.metadata,
      uid,
      version: current + 1,
      creationTimestamp: s.current.metadata.creationTimestamp ?? now,
      createdBy: s.current.metadata.createdBy ?? SERVER_USER,
      lastUpdatedBy: SERVER_USER,
      lastUpdatedTimestamp: now,
    },
  } as Obj;
  s.archive = [...versionsOf(s).slice(0, -1), s.current];
  s.current = next;
  await b.persist(org.uid, kind, uid, s);
  await audit(b, org, kind, next, describeChange(s.archive[s.archive.length - 1], next), SERVER_USER);
  if (kind === 'policy') await recompute(b, org, next as SpyderbatPolicy);
  return ok({});
}

function describeChange(before: Obj | undefined, after: Obj): string {
  if (before && 'mode' in before.spec && 'mode' in after.spec) {
    const b = before.spec as { mode: string; enabled?: boolean };
    const a = after.spec as { mode: string; enabled?: boolean };
    if (b.enabled !== false && a.enabled === false) return 'Disabled the policy';
    if (b.enabled === false && a.enabled !== false) return 'Enabled the policy';
    if (b.mode !== a.mode) return `Changed mode from ${b.mode} to ${a.mode}`;
  }
  return 'Updated the policy';
}

export async function deleteObject(b: MockBackend, org: OrgState, kind: ObjectKind, uid: string): Promise<MockResult> {
  const objects = store(org, kind);
  const s = objects.get(uid);
  if (!s) return fail(404, `${kind === 'policy' ? 'Policy' : 'Ruleset'} ${uid} not found`);
  objects.delete(uid);
  await b.persist(org.uid, kind, uid, null);
  if (kind === 'policy') {
    org.deleted.add(uid);
    org.computed.delete(uid);
    await b.persist(org.uid, 'computed', uid, []);
    await audit(b, org, kind, s.current, `Policy "${s.current.metadata.name}" deleted`, SERVER_USER);
  }
  return ok({});
}
