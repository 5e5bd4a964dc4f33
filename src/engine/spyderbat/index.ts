/** Spyderbat create / merge / diff / deviations, as spyctl v0.13.1 does them (with its known bugs fixed). */
export { createPolicy, orderPolicySpec } from './create-policy.ts';
export type { CreatePolicyOptions, CreatePolicyResult } from './create-policy.ts';
export { mergeIntoPolicy } from './merge-policy.ts';
export type { MergeIntoPolicyOptions, MergeIntoPolicyResult } from './merge-policy.ts';
export { diffPolicy, summarizePolicyChange } from './diff-policy.ts';
export type { DiffPolicyResult } from './diff-policy.ts';
export { findDeviations } from './find-deviations.ts';
export type { FindDeviationsOptions } from './find-deviations.ts';
export { dumpYaml, dumpYamlLines } from './yaml-dump.ts';
export type { EngineInput } from './inputs.ts';
export type {
  BehaviourSummary,
  DeviationItem,
  FingerprintDeviation,
  FiredAction as DeviationFiredAction,
  MergeWarning,
  WildcardNote,
} from './types.ts';
