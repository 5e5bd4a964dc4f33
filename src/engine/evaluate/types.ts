/**
 * Streaming event evaluation: the event format and the verdicts.
 *
 * Event format (NDJSON, one JSON object per line; see
 * src/engine/__fixtures__/evaluate/README.md):
 *
 *   { "time": 1700000000.5,                      // epoch seconds
 *     "workload": WorkloadIdentity,              // type + cluster/machine/labels/container/service
 *     "kind": "process" | "connection",
 *     "process": { "chain": [ {"name","exe","euser"}, … ] },   // root → leaf, ≥ 1 entry
 *     "connection": { "direction": "ingress" | "egress",       // required when kind = connection
 *                     "ip"?: string, "dns"?: string,            // at least one of the two
 *                     "port": 0–65535, "protocol": "TCP" | "UDP" } }
 *
 * A process event says "the leaf of this chain ran"; a connection event says
 * "the leaf of this chain made or accepted this connection".
 */
import type {
  ActionName,
  Direction,
  PolicyMode,
  Protocol,
  ResponseAction,
  WorkloadIdentity,
} from '../model/types.ts';
import type { ProcessInfo } from '../match/selectors.ts';

export type EventKind = 'process' | 'connection';

export interface EventConnection {
  direction: Direction;
  ip?: string;
  dns?: string;
  port: number;
  protocol: Protocol;
}

export interface EngineEvent {
  time: number;
  workload: WorkloadIdentity;
  kind: EventKind;
  process: { chain: ProcessInfo[] };
  connection?: EventConnection;
}

/** Why a covering policy let an event through without checking it. */
export type SkipReason =
  | 'processes-disabled'
  | 'connections-disabled'
  | 'private-connections-disabled'
  | 'public-connections-disabled';

export type DeviationKind = 'process' | 'connection';

/** The network rule (and the peer inside it) that allowed a connection. Shared, read-only. */
export interface NetworkRuleMatch {
  readonly direction: Direction;
  /** Index into `spec.networkPolicy.ingress|egress`. */
  readonly ruleIndex: number;
  /** Index into the rule's `from` / `to`. */
  readonly peerIndex: number;
}

/** A response action that fires for a deviation. Shared, read-only. */
export interface FiredAction {
  readonly action: ActionName;
  /** `default` list, or the scoped `actions` list. */
  readonly source: 'default' | 'actions';
  /** Index in that list. */
  readonly index: number;
  /** Audit mode: the action is not taken, only logged as what would have happened. */
  readonly wouldHave: boolean;
  /** The action entry as written in the policy. */
  readonly entry: ResponseAction;
}

export interface PolicyVerdict {
  policyIndex: number;
  name: string;
  uid: string | undefined;
  mode: PolicyMode;
  allowed: boolean;
  /** Set when `allowed` is false. */
  deviation: DeviationKind | null;
  /** Set when a disable option let the event through unchecked. */
  skipped: SkipReason | null;
  /**
   * Ids of the process nodes matched by the chain, root → leaf (null when
   * nothing matched). For a process deviation: the longest matched prefix.
   */
  processPath: readonly string[] | null;
  /** For a process deviation: index in the chain of the first unmatched process. */
  deviationDepth: number;
  /** For an allowed connection: the rule and peer that allowed it. */
  networkRule: NetworkRuleMatch | null;
  /** Actions that fire (empty unless deviation). */
  actions: readonly FiredAction[];
}

export interface EventVerdict {
  event: EngineEvent;
  /** Some enabled workload policy covers the event's workload. */
  covered: boolean;
  /** Some covering policy reports a deviation. */
  deviation: boolean;
  /** One entry per covering enabled policy, ordered by policy index. */
  policies: PolicyVerdict[];
}

export interface RuleCount {
  index: number;
  count: number;
}

export interface NodeCount {
  id: string;
  count: number;
}

export interface PolicyCoverage {
  policyIndex: number;
  name: string;
  uid: string | undefined;
  /** Events whose workload the policy covered. */
  events: number;
  deviations: number;
  processDeviations: number;
  connectionDeviations: number;
  /** Chain matches per process node (every node on a matched path counts once). */
  processNodes: NodeCount[];
  ingress: RuleCount[];
  egress: RuleCount[];
  /** Nodes / rules never matched: candidates for removal. */
  deadProcessNodes: string[];
  deadIngressRules: number[];
  deadEgressRules: number[];
}

export interface EvaluationSummary {
  events: number;
  processEvents: number;
  connectionEvents: number;
  /** Events no enabled workload policy covered. */
  uncovered: number;
  /** Covered events without a deviation. */
  allowed: number;
  /** Events with at least one deviation. */
  deviations: number;
  /** Enabled workload policies, by index (cluster and disabled policies are not evaluated). */
  policies: PolicyCoverage[];
}

/** When the `default` response actions fire: only if no scoped action fires (seed 001), or always. */
export type DefaultActionsMode = 'fallback' | 'always';

export interface EvaluatorOptions {
  /** Default `fallback`. */
  defaultActions?: DefaultActionsMode;
}

export interface EvaluateOptions extends EvaluatorOptions {
  /** Keep clones of at most this many deviating verdicts (default 1000). */
  maxDeviations?: number;
  /** Keep a clone of every verdict (default false; memory grows with the input). */
  keepVerdicts?: boolean;
}

export interface EvaluationResult {
  summary: EvaluationSummary;
  deviations: EventVerdict[];
  verdicts?: EventVerdict[];
}
