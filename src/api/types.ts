/** App-facing types of the data layer (engine types for Spyderbat objects, plus records). */
import type { GuardianDeviation, Severity, SpyderbatPolicy } from '../engine/model/types.ts';

export interface Org {
  uid: string;
  name: string;
}

export type ClusterPlatform = 'eks' | 'kubernetes' | 'linux' | 'unknown';

export interface Cluster {
  uid: string;
  name: string;
  clusterId?: string;
  platform: ClusterPlatform;
  /** Epoch seconds. */
  firstSeen?: number;
  lastData?: number;
}

export interface Namespace {
  clusterUid: string;
  clusterName: string;
  name: string;
  labels: Record<string, string>;
}

export type PolicyStatus = 'Auditing' | 'Enforcing' | 'Disabled';

/** A deviation occurrence with its context (one `event_deviation` record). */
export interface DeviationRecord {
  id: string;
  /** Epoch seconds. */
  time: number;
  checksum: string;
  description: string;
  policyUid: string;
  policyName: string;
  policyMode: string;
  clusterName?: string;
  clusterUid?: string;
  namespace?: string;
  muid?: string;
  deviation: GuardianDeviation;
}

/** Unique deviations of a policy: one per checksum, with how often and when it was seen. */
export interface DeviationSummary extends DeviationRecord {
  count: number;
  firstTime: number;
  lastTime: number;
}

export interface RedFlag {
  id: string;
  time: number;
  shortName: string;
  severity: Severity;
  description: string;
  flagClass: string[];
  ref: string;
  clusterUid?: string;
  clusterName?: string;
  namespace?: string;
  muid?: string;
  policyUid?: string;
  policyName?: string;
}

export type AuditKind = 'policy_change' | 'guardian_deviation' | 'guardian_action' | 'guardian_redflag' | 'guardian_opsflag' | 'other';

export interface AuditLogEntry {
  id: string;
  time: number;
  schema: string;
  kind: AuditKind;
  description: string;
  policyUid?: string;
  policyName?: string;
  user?: string;
  version?: number;
}

/** A chart bucket: [start, start + size) in epoch seconds. */
export interface TimeBucket {
  start: number;
  count: number;
  /** Counts per value of the split field (severity, policy uid, …) when one was asked for. */
  by?: Record<string, number>;
}

/** A relative time window, stable in query keys ("the last N days" until the request runs). */
export interface TimeWindow {
  days: number;
}

export interface PolicyWithStatus {
  policy: SpyderbatPolicy;
  status: PolicyStatus;
}
