/** Shapes of the generated dataset (camelCase; the mock backend maps them to wire records). */
import type {
  GuardianDeviation,
  Severity,
  SpyderbatFingerprint,
  SpyderbatPolicy,
  SpyderbatRuleset,
  WorkloadType,
} from '../model/types.ts';

export type ClusterPlatform = 'eks' | 'kubernetes' | 'linux';

export interface GeneratedOrg {
  uid: string;
  name: string;
}

export interface GeneratedCluster {
  uid: string;
  name: string;
  /** The Kubernetes cluster id (kube-system namespace uid); absent for the Linux fleet. */
  clusterId?: string;
  platform: ClusterPlatform;
  /** Epoch seconds. */
  firstData: number;
  lastData: number;
}

export interface GeneratedNamespace {
  clusterUid: string;
  clusterName: string;
  name: string;
  labels: Record<string, string>;
}

export interface GeneratedMachine {
  muid: string;
  hostname: string;
  clusterUid: string;
  ip: string;
}

export interface DeviationDef {
  checksum: string;
  policyUid: string;
  policyName: string;
  type: 'container' | 'linux-service' | 'cluster';
  clusterUid: string;
  clusterName: string;
  namespace?: string;
  muid?: string;
  /** Image or service the deviation was seen on. */
  subject: string;
  description: string;
  /** Red-flag severity if the policy responds with one. */
  severity: Severity;
  deviation: GuardianDeviation;
}

/**
 * One occurrence of a deviation (events repeat; the checksum identifies the deviation).
 * Its id is derived (`deviationEventId`) so a million events store no strings.
 */
export interface DeviationEvent {
  /** Epoch seconds. */
  time: number;
  /** Index into `Dataset.deviations`. */
  def: number;
}

export interface RedFlagEvent {
  id: string;
  time: number;
  shortName: string;
  severity: Severity;
  description: string;
  /** e.g. ['redflag', 'proc', 'guardian_deviation']. */
  flagClass: string[];
  clusterUid: string;
  clusterName: string;
  namespace?: string;
  muid?: string;
  /** The object the flag refers to (process, connection or container id). */
  ref: string;
  policyUid?: string;
  policyName?: string;
  deviationChecksum?: string;
}

export type AuditKind = 'policy_change' | 'guardian_deviation' | 'guardian_action' | 'guardian_redflag';

export interface AuditEvent {
  id: string;
  time: number;
  kind: AuditKind;
  policyUid: string;
  policyName: string;
  description: string;
  user?: string;
  version?: number;
}

export interface DatasetSizes {
  fingerprints: number;
  policies: number;
  deviationEvents: number;
}

export interface Dataset {
  seed: number;
  scale: number;
  /** Epoch seconds the dataset was generated for ("now"). */
  now: number;
  org: GeneratedOrg;
  clusters: GeneratedCluster[];
  namespaces: GeneratedNamespace[];
  machines: GeneratedMachine[];
  fingerprints: SpyderbatFingerprint[];
  policies: SpyderbatPolicy[];
  rulesets: SpyderbatRuleset[];
  deviations: DeviationDef[];
  /** Sorted by time. */
  deviationEvents: DeviationEvent[];
  /** Sorted by time. */
  redFlags: RedFlagEvent[];
  /** Policy lifecycle entries, sorted by time (deviation/action entries derive from events). */
  auditEvents: AuditEvent[];
}

export interface WorkloadRef {
  type: WorkloadType;
  clusterUid: string;
  namespace?: string;
  app: string;
}
