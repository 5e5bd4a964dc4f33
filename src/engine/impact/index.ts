export { policyStatus, modeTargetOf, withModeTarget, describeModeChange, STATUS_OF_TARGET } from './status.ts';
export type { PolicyStatus, ModeTarget } from './status.ts';
export { enforceImpact } from './enforce-impact.ts';
export type { EnforceImpact, DeviationOccurrence } from './enforce-impact.ts';
export { selectorSummary, selectorSentences, actionSentence } from './describe.ts';
export { coverage } from './coverage.ts';
export type { Coverage } from './coverage.ts';
