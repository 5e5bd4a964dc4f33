/**
 * Core Spyderbat object types, shared by every part of the engine.
 * Shapes follow spyctl's schemas (see docs/ARCHITECTURE.md, "Engine model").
 * Zod schemas in ./schemas.ts validate documents into these types.
 */

export const API_VERSION = 'spyderbat/v1';

export type WorkloadType = 'container' | 'linux-service';
export type PolicyType = WorkloadType | 'cluster';
export type PolicyMode = 'audit' | 'enforce';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Protocol = 'TCP' | 'UDP';
export type Direction = 'ingress' | 'egress';
export type DisableScope = 'all' | 'egress' | 'ingress';

export type ExpressionOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface MatchExpression {
  key: string;
  operator: ExpressionOperator;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: MatchExpression[];
}

export interface FieldSelectorParts {
  matchFields?: Record<string, string>;
  matchFieldsExpressions?: MatchExpression[];
}

export interface ContainerSelector extends FieldSelectorParts {
  image?: string;
  imageID?: string;
  containerName?: string;
  containerID?: string;
}

export interface ServiceSelector extends FieldSelectorParts {
  cgroup?: string;
}

export interface MachineSelector extends FieldSelectorParts {
  hostname?: string | string[];
  machineUID?: string | string[];
}

export type ClusterSelector = FieldSelectorParts;

export interface ProcessSelector extends FieldSelectorParts {
  name?: string[];
  exe?: string[];
  euser?: string[];
}

/** The selectors a workload document may carry, in spyctl's output order. */
export interface Selectors {
  clusterSelector?: ClusterSelector;
  machineSelector?: MachineSelector;
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
  containerSelector?: ContainerSelector;
  serviceSelector?: ServiceSelector;
}

export const SELECTOR_KEYS = [
  'clusterSelector',
  'machineSelector',
  'namespaceSelector',
  'podSelector',
  'containerSelector',
  'serviceSelector',
] as const satisfies readonly (keyof Selectors)[];

export interface PortRange {
  port: number;
  protocol: Protocol;
  endPort?: number;
}

export interface ProcessNode {
  name: string;
  exe: string[];
  id: string;
  euser?: string[];
  listeningSockets?: PortRange[];
  children?: ProcessNode[];
}

export interface IpBlock {
  cidr: string;
  except?: string[];
}

export type Peer = { ipBlock: IpBlock } | { dnsSelector: string[] };

export interface IngressRule {
  from: Peer[];
  ports: PortRange[];
  processes?: string[];
}

export interface EgressRule {
  to: Peer[];
  ports: PortRange[];
  processes?: string[];
}

export interface NetworkPolicy {
  ingress: IngressRule[];
  egress: EgressRule[];
}

export interface SpecOptions {
  disableProcesses?: 'all';
  disableConnections?: DisableScope;
  disablePrivateConnections?: DisableScope;
  disablePublicConnections?: DisableScope;
}

export interface MakeRedFlag {
  severity: Severity;
  impact?: string;
  content?: string;
}
export interface MakeOpsFlag {
  severity: Severity;
  content?: string;
  description?: string;
}
export interface KillAction {
  enabled?: boolean;
}
export interface ReniceAction {
  priority: number;
}

export type ActionName =
  | 'makeRedFlag'
  | 'makeOpsFlag'
  | 'agentKillPod'
  | 'agentKillProcess'
  | 'agentKillProcessGroup'
  | 'agentKillProcessTree'
  | 'agentReniceProcess'
  | 'webhook';

/** One response entry: exactly one action key, plus selectors (for scoped `actions`). */
export type ResponseAction = Selectors & {
  processSelector?: ProcessSelector;
  makeRedFlag?: MakeRedFlag & Selectors & { processSelector?: ProcessSelector };
  makeOpsFlag?: MakeOpsFlag & Selectors & { processSelector?: ProcessSelector };
  agentKillPod?: KillAction & Selectors & { processSelector?: ProcessSelector };
  agentKillProcess?: KillAction & Selectors & { processSelector?: ProcessSelector };
  agentKillProcessGroup?: KillAction & Selectors & { processSelector?: ProcessSelector };
  agentKillProcessTree?: KillAction & Selectors & { processSelector?: ProcessSelector };
  agentReniceProcess?: ReniceAction & Selectors & { processSelector?: ProcessSelector };
  webhook?: { urlDestination: string; template: 'json' | 'yaml' | 'slack' } & Selectors;
};

export interface PolicyResponse {
  default: ResponseAction[];
  actions: ResponseAction[];
}

export interface Metadata {
  name: string;
  type: PolicyType;
  uid?: string;
  creationTimestamp?: number | string;
  firstTimestamp?: number | string;
  latestTimestamp?: number | string;
  selectorHash?: string;
  version?: number;
  createdBy?: string;
  lastUpdatedBy?: string;
  lastUpdatedTimestamp?: number | string;
  /** Fingerprint metadata spyctl accepts and drops on create (cluster_name, namespace, …). */
  [extra: string]: unknown;
}

/** Spec shared by fingerprints, baselines and workload policies. */
export interface WorkloadSpec extends Selectors, SpecOptions {
  processPolicy: ProcessNode[];
  networkPolicy: NetworkPolicy;
}

export interface WorkloadPolicySpec extends WorkloadSpec {
  enabled?: boolean;
  mode: PolicyMode;
  response: PolicyResponse;
}

export interface ClusterPolicySpec {
  clusterSelector: ClusterSelector;
  enabled?: boolean;
  mode: PolicyMode;
  rulesets: string[];
  response: PolicyResponse;
}

export interface SpyderbatFingerprint {
  apiVersion: typeof API_VERSION;
  kind: 'SpyderbatFingerprint';
  metadata: Metadata & { type: WorkloadType };
  spec: WorkloadSpec;
}

export interface SpyderbatBaseline {
  apiVersion: typeof API_VERSION;
  kind: 'SpyderbatBaseline';
  metadata: Metadata & { type: WorkloadType };
  spec: WorkloadSpec;
}

export interface WorkloadPolicy {
  apiVersion: typeof API_VERSION;
  kind: 'SpyderbatPolicy';
  metadata: Metadata & { type: WorkloadType };
  spec: WorkloadPolicySpec;
}

export interface ClusterPolicy {
  apiVersion: typeof API_VERSION;
  kind: 'SpyderbatPolicy';
  metadata: Metadata & { type: 'cluster' };
  spec: ClusterPolicySpec;
}

export type SpyderbatPolicy = WorkloadPolicy | ClusterPolicy;

export interface FingerprintGroup {
  apiVersion: typeof API_VERSION;
  kind: 'FingerprintGroup';
  metadata: {
    image?: string;
    imageID?: string;
    cgroup?: string;
    firstTimestamp?: number | string;
    latestTimestamp?: number | string;
    [extra: string]: unknown;
  };
  data: {
    fingerprints: SpyderbatFingerprint[];
    containerNames?: string[];
    containerIDs?: string[];
    machines?: string[];
  };
}

export type RuleVerb = 'allow' | 'deny';
export type ContainerRuleTarget =
  | 'container::image'
  | 'container::imageID'
  | 'container::containerName'
  | 'container::containerID';
export type ProcessRuleTarget = 'process::exe' | 'process::name' | 'process::euser';

export interface RulesetRule extends Selectors {
  target: ContainerRuleTarget | ProcessRuleTarget;
  verb: RuleVerb;
  values: string[];
  processSelector?: ProcessSelector;
}

export interface SpyderbatRuleset {
  apiVersion: typeof API_VERSION;
  kind: 'SpyderbatRuleset';
  metadata: {
    name: string;
    type: 'cluster' | 'container';
    uid?: string;
    version?: number;
    [extra: string]: unknown;
  };
  spec: { rules: RulesetRule[] };
}

/** A processPolicy entry of a deviation: a full node, or new children under an existing node. */
export type DeviationProcessEntry = ProcessNode | { policyNode: { id: string; children: ProcessNode[] } };

export interface GuardianDeviation {
  apiVersion: typeof API_VERSION;
  kind: 'GuardianDeviation';
  metadata: {
    type: PolicyType;
    policy_uid?: string;
    checksum?: string;
    uid?: string;
    scopes?: Selectors;
    [extra: string]: unknown;
  };
  spec: Selectors & {
    processPolicy?: DeviationProcessEntry[];
    networkPolicy?: Partial<NetworkPolicy>;
    rules?: RulesetRule[];
    matches?: unknown;
  };
}

export type SpyderbatObject =
  | SpyderbatFingerprint
  | SpyderbatBaseline
  | SpyderbatPolicy
  | FingerprintGroup
  | SpyderbatRuleset
  | GuardianDeviation;

export interface ItemsList {
  apiVersion: typeof API_VERSION;
  items: SpyderbatObject[];
}

/** Where something sits in a source file. Lines and columns are 1-based. */
export interface SourcePosition {
  file?: string;
  line: number;
  column: number;
}

export interface EngineDiagnostic extends SourcePosition {
  /** JSON path in dotted/bracket form, e.g. `spec.processPolicy[0].children[1].id`. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** Optional end position for editor ranges. */
  endLine?: number;
  endColumn?: number;
}

/** A workload's identity, as selectors see it (used by scope and evaluation). */
export interface WorkloadIdentity {
  type: WorkloadType;
  cluster?: { name?: string; uid?: string };
  machine?: { hostname?: string; uid?: string; sourceName?: string };
  namespaceLabels?: Record<string, string>;
  podLabels?: Record<string, string>;
  container?: { image?: string; imageID?: string; containerName?: string; containerID?: string };
  service?: { cgroup?: string; name?: string };
}
