/** Batch evaluation over an iterable of events (see evaluator.ts for the semantics). */
import type { SpyderbatPolicy } from '../model/types.ts';
import { cloneVerdict, EventEvaluator } from './evaluator.ts';
import type { EngineEvent, EvaluateOptions, EvaluationResult, EventVerdict } from './types.ts';

const DEFAULT_MAX_DEVIATIONS = 1000;

export function evaluateEvents(
  policies: readonly SpyderbatPolicy[],
  events: Iterable<EngineEvent>,
  opts: EvaluateOptions = {},
): EvaluationResult {
  const evaluator = new EventEvaluator(policies, opts);
  const maxDeviations = opts.maxDeviations ?? DEFAULT_MAX_DEVIATIONS;
  const deviations: EventVerdict[] = [];
  const verdicts: EventVerdict[] | undefined = opts.keepVerdicts === true ? [] : undefined;
  for (const event of events) {
    const v = evaluator.evaluate(event);
    if (v.deviation && deviations.length < maxDeviations) deviations.push(cloneVerdict(v));
    if (verdicts !== undefined) verdicts.push(cloneVerdict(v));
  }
  const result: EvaluationResult = { summary: evaluator.summary(), deviations };
  if (verdicts !== undefined) result.verdicts = verdicts;
  return result;
}
