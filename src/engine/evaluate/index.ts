export { EventEvaluator, cloneVerdict } from './evaluator.ts';
export { evaluateEvents } from './evaluate-events.ts';
export { isEventDiagnostic, parseEventLine } from './parse-event.ts';
export { identityOfFingerprint, scopeOf, serviceNameOfCgroup } from './scope.ts';
export { eventFromPolicy, generateEvents, generatePolicies, toNdjsonLines, treePaths } from './generate-events.ts';
export type { EventGenOptions, GeneratedFleet } from './generate-events.ts';
export { mulberry32, sampleGlob, sampleIp } from './sample.ts';
export type { Rng } from './sample.ts';
export type {
  DefaultActionsMode,
  DeviationKind,
  EngineEvent,
  EvaluateOptions,
  EvaluatorOptions,
  EvaluationResult,
  EvaluationSummary,
  EventConnection,
  EventKind,
  EventVerdict,
  FiredAction,
  NetworkRuleMatch,
  NodeCount,
  PolicyCoverage,
  PolicyVerdict,
  RuleCount,
  SkipReason,
} from './types.ts';
