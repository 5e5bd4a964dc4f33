export { previewPolicy, previewPolicySteps } from './preview.ts';
export { prepareDataset, isPreparedDataset, workloadLabel } from './dataset.ts';
export { findBroadRules, broadExeReason, matchesAnything } from './broad-rules.ts';
export { summarizeActions } from './actions-summary.ts';
export { fingerprintActivity } from './activity.ts';
export { readDraft } from './draft.ts';
export type { DraftPolicy } from './draft.ts';
export type {
  ActionOutcome,
  ActionsSummary,
  BroadRule,
  DeviationGroup,
  DeviationKindGroup,
  DeviationSummary,
  NetworkRuleCoverage,
  NodeCoverage,
  PreparedDataset,
  PreviewDatasetInput,
  PreviewDeviationKind,
  PreviewOptions,
  PreviewPolicyInfo,
  PreviewResult,
  PreviewStep,
  RuleCoverage,
  ScopeSummary,
  PreviewWorkload,
} from './types.ts';
