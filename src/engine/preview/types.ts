/** Shapes of the live preview (all plain data: results cross the worker boundary). */
import type {
  EngineDiagnostic,
  PolicyMode,
  PolicyType,
  SpyderbatFingerprint,
  SpyderbatPolicy,
  WorkloadIdentity,
  WorkloadType,
} from '../model/types.ts';
import type { EngineEvent } from '../evaluate/types.ts';

/** What the app loads once per revision. */
export interface PreviewDatasetInput {
  /** Fingerprints, FingerprintGroups or `items` lists of them. */
  fingerprints: readonly unknown[];
  /** Policies as stored (used to find the applied version of a draft). */
  policies?: readonly SpyderbatPolicy[];
  /** Recorded events (NDJSON objects, see evaluate/types.ts). */
  events?: readonly EngineEvent[];
}

/** A dataset with per-fingerprint identities computed once. */
export interface PreparedDataset {
  readonly kind: 'prepared-dataset';
  readonly fingerprints: readonly SpyderbatFingerprint[];
  readonly identities: readonly WorkloadIdentity[];
  /** Display label per fingerprint. */
  readonly labels: readonly string[];
  readonly policies: readonly SpyderbatPolicy[];
  readonly events: readonly EngineEvent[];
  /** Inputs that were not fingerprints (skipped). */
  readonly skipped: number;
}

export interface PreviewWorkload {
  /** Index in the dataset's fingerprints (−1 for a workload known only from events). */
  index: number;
  label: string;
  type: WorkloadType;
}

export interface ScopeSummary {
  /** Fingerprints the draft's selectors cover. */
  count: number;
  total: number;
  /** Up to `sampleSize` covered workloads. */
  sample: PreviewWorkload[];
  /** Workloads seen in events that the draft covers (0 without events). */
  eventWorkloads: number;
}

export type PreviewDeviationKind = 'process' | 'ingress' | 'egress';

export interface DeviationKindGroup {
  kind: PreviewDeviationKind;
  count: number;
  /** A few human-readable examples. */
  samples: string[];
}

export interface DeviationGroup {
  workload: PreviewWorkload;
  /** Where the deviations come from. */
  source: 'fingerprint' | 'events';
  total: number;
  kinds: DeviationKindGroup[];
}

export interface DeviationSummary {
  /** Fingerprints in scope whose activity the draft does not allow. */
  fingerprints: number;
  /** Events in scope that deviate. */
  events: number;
  groups: DeviationGroup[];
  /** Groups left out of `groups` (list capped). */
  moreGroups: number;
}

export interface ActionOutcome {
  /** Actions that fire, described (`makeRedFlag (high)`); empty: nothing fires. */
  actions: string[];
  /** Workloads in scope that get this outcome. */
  workloads: number;
}

export interface ActionsSummary {
  mode: PolicyMode;
  enabled: boolean;
  outcomes: ActionOutcome[];
  /** Scoped actions that depend on the deviating process (processSelector). */
  processDependent: string[];
  text: string;
}

export interface BroadRule {
  kind: 'process' | 'network' | 'selector';
  /** JSON path into the draft, e.g. `spec.processPolicy[0].exe[1]`. */
  path: string;
  /** Process node id (process rules). */
  id?: string;
  direction?: 'ingress' | 'egress';
  /** Network rule index in its direction. */
  rule?: number;
  reason: string;
}

export interface NodeCoverage {
  id: string;
  name: string;
  path: string;
  count: number;
}

export interface NetworkRuleCoverage {
  index: number;
  path: string;
  count: number;
}

export interface RuleCoverage {
  /** What was replayed: activities synthesised from fingerprints in scope, and recorded events in scope. */
  sources: { fingerprintActivities: number; events: number };
  processNodes: NodeCoverage[];
  ingress: NetworkRuleCoverage[];
  egress: NetworkRuleCoverage[];
  /** Never matched (only meaningful when something was replayed). */
  dead: { processNodes: string[]; ingress: number[]; egress: number[] };
  tooBroad: BroadRule[];
}

export interface PreviewPolicyInfo {
  name: string;
  type: PolicyType;
  mode: PolicyMode;
  enabled: boolean;
  /** Index of the dataset policy with the same uid (or name), if any. */
  appliedIndex: number;
}

export interface PreviewResult {
  diagnostics: EngineDiagnostic[];
  errorCount: number;
  policy: PreviewPolicyInfo | null;
  scope: ScopeSummary | null;
  deviations: DeviationSummary | null;
  actions: ActionsSummary | null;
  coverage: RuleCoverage | null;
  /** Why sections are missing or partial. */
  notes: string[];
}

export interface PreviewOptions {
  /** Covered workloads listed in `scope.sample` (default 20). */
  sampleSize?: number;
  /** Deviation groups listed (default 100). */
  maxGroups?: number;
  /** Examples per deviation kind (default 3). */
  maxSamples?: number;
  /** Work units between two progress steps of the step-wise run (default 256). */
  chunk?: number;
  /** Fingerprints per step when finding fingerprint deviations, the costly part (default 16). */
  deviationChunk?: number;
}

export interface PreviewStep {
  phase: 'validate' | 'scope' | 'deviations' | 'events' | 'coverage';
  done: number;
  total: number;
}
