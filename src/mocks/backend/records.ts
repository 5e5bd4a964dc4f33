/** Generated dataset → wire records (search rows, full_json, audit log lines, clusters). */
import { deviationAuditEntries, deviationEventId, type AuditEvent, type Dataset, type GeneratedCluster, type GeneratedNamespace, type RedFlagEvent } from '../../engine/generate/index.ts';
import type { SpyderbatFingerprint } from '../../engine/model/types.ts';
import { text } from '../../api/mappers.ts';
import type { WireAuditRecord, WireCluster, WireDeviationRecord, WireRedFlagRecord } from '../../api/wire.ts';
import { deviationFacets } from '../search/deviation-facets.ts';

export type Row = Record<string, unknown>;

const iso = (t: number): string => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function clusterRecord(c: GeneratedCluster, orgUid: string): WireCluster {
  return {
    uid: c.uid,
    name: c.name,
    org_uid: orgUid,
    ...(c.clusterId ? { cluster_id: c.clusterId } : {}),
    first_data: c.firstData,
    last_data: c.lastData,
    valid_from: iso(c.firstData),
    valid_to: '0001-01-01T00:00:00Z',
    cluster_details: {
      ...(c.clusterId ? { cluster_uid: c.clusterId } : {}),
      cluster_name: c.name,
      cluid: c.uid,
      platform: c.platform,
    },
  };
}

export function fingerprintRow(fp: SpyderbatFingerprint): Row {
  const m = fp.metadata;
  const container = m.type === 'container';
  return {
    id: text(m.id),
    schema: 'model_fingerprint::1.0.0',
    time: Number(m.latestTimestamp ?? 0),
    valid_from: Number(m.firstTimestamp ?? 0),
    valid_to: Number(m.latestTimestamp ?? 0),
    metadata: m,
    type: m.type,
    cluster_name: m.cluster_name,
    cluster_uid: m.cluster_uid,
    namespace: m.namespace,
    muid: m.muid,
    ...(container
      ? { image: m.image ?? fp.spec.containerSelector?.image, image_id: m.imageID, container_name: m.containerName, container_id: m.containerID, pod_name: m.pod_name }
      : { service_name: m.name, cgroup: m.cgroup, hostname: m.hostname }),
    full_json: fp,
  };
}

export function namespaceRow(ns: GeneratedNamespace, t: number): Row {
  return {
    id: `${ns.clusterUid}:ns:${ns.name}`,
    schema: 'model_k8s_namespace::1.0.0',
    time: t,
    cluster_uid: ns.clusterUid,
    cluster_name: ns.clusterName,
    name: ns.name,
    metadata: { name: ns.name, labels: ns.labels },
    full_json: { id: `${ns.clusterUid}:ns:${ns.name}`, cluster_uid: ns.clusterUid, cluster_name: ns.clusterName, metadata: { name: ns.name, labels: ns.labels } },
  };
}

export type ModeOf = (policyUid: string) => string;

/** The i-th deviation event of a dataset as an `event_deviation` record. */
export function deviationRecord(ds: Dataset, index: number, modeOf: ModeOf): WireDeviationRecord | null {
  const ev = ds.deviationEvents[index];
  const def = ev ? ds.deviations[ev.def] : undefined;
  if (!ev || !def) return null;
  const id = deviationEventId(def, ev, index);
  return {
    id,
    schema: `event_deviation:${def.type === 'cluster' ? 'cluster' : 'workload'}:1.0.0`,
    time: ev.time,
    checksum: def.checksum,
    description: def.description,
    policy_uid: def.policyUid,
    policy_name: def.policyName,
    policy_mode: modeOf(def.policyUid),
    cluster_name: def.clusterName,
    cluster_uid: def.clusterUid,
    ...(def.namespace ? { namespace: def.namespace } : {}),
    ...(def.muid ? { muid: def.muid } : {}),
    deviation: { ...def.deviation, metadata: { ...def.deviation.metadata, uid: id } },
  };
}

export function deviationRow(rec: WireDeviationRecord): Row {
  // Derived fields (kind, workload, policy type) are searchable but not part of full_json.
  return { ...rec, ...deviationFacets(rec), full_json: rec };
}

export function redFlagRecord(f: RedFlagEvent): WireRedFlagRecord {
  return {
    id: f.id,
    schema: `event_redflag:${f.flagClass[2] ?? f.flagClass[1] ?? 'scout'}:1.0.0`,
    time: f.time,
    short_name: f.shortName,
    severity: f.severity,
    description: f.description,
    class: f.flagClass,
    ref: f.ref,
    cluster_uid: f.clusterUid,
    cluster_name: f.clusterName,
    ...(f.namespace ? { namespace: f.namespace } : {}),
    ...(f.muid ? { muid: f.muid } : {}),
    ...(f.policyUid ? { policy_uid: f.policyUid, policy_name: f.policyName } : {}),
  };
}

export function auditRecord(e: AuditEvent): WireAuditRecord {
  return {
    id: e.id,
    schema: `event_audit:${e.kind}:1.0.0`,
    time: e.time,
    description: e.description,
    policy_uid: e.policyUid,
    policy_name: e.policyName,
    ...(e.user ? { user: e.user } : {}),
    ...(e.version !== undefined ? { version: e.version } : {}),
  };
}

/** Audit entries (deviation + action) of the i-th deviation event. */
export function deviationAudit(ds: Dataset, index: number, modeOf: ModeOf): WireAuditRecord[] {
  const ev = ds.deviationEvents[index];
  const def = ev ? ds.deviations[ev.def] : undefined;
  if (!ev || !def) return [];
  const mode = modeOf(def.policyUid) === 'enforce' ? 'enforce' : 'audit';
  return deviationAuditEntries(def, ev, deviationEventId(def, ev, index), mode).map(auditRecord);
}

/** First index with time ≥ t in a list sorted by time. */
export function lowerBound<T extends { time: number }>(list: readonly T[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as T).time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
