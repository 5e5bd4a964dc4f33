/**
 * What fires when a workload in scope deviates: the response actions per
 * workload (same rule as the evaluator: matching scoped `actions` fire,
 * otherwise the `default` list), grouped into outcomes, and a sentence for
 * the editor.
 */
import type { ResponseAction, WorkloadIdentity, WorkloadPolicy } from '../model/types.ts';
import type { FiredAction } from '../evaluate/types.ts';
import { compileResponse, firedActions } from '../evaluate/actions.ts';
import type { ActionsSummary } from './types.ts';

function describe(f: FiredAction): string {
  const body = (f.entry as Record<string, unknown>)[f.action];
  const b = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  switch (f.action) {
    case 'makeRedFlag':
    case 'makeOpsFlag':
      return typeof b.severity === 'string' ? `${f.action} (${b.severity})` : f.action;
    case 'agentReniceProcess':
      return typeof b.priority === 'number' ? `${f.action} (priority ${b.priority})` : f.action;
    case 'webhook':
      return typeof b.template === 'string' ? `webhook (${b.template})` : f.action;
    default:
      return f.action;
  }
}

function hasProcessSelector(entry: ResponseAction): boolean {
  if (entry.processSelector !== undefined) return true;
  return Object.values(entry).some(
    (v) => v !== null && typeof v === 'object' && (v as Record<string, unknown>).processSelector !== undefined,
  );
}

function actionName(entry: ResponseAction): string {
  return Object.keys(entry).find((k) => !k.endsWith('Selector')) ?? 'action';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The response outcome for each workload in scope, grouped. */
export function summarizeActions(policy: WorkloadPolicy, inScope: readonly WorkloadIdentity[]): ActionsSummary {
  const spec = policy.spec;
  const mode = spec.mode === 'enforce' ? 'enforce' : 'audit';
  const enabled = spec.enabled !== false;
  const response = compileResponse(spec.response, mode);
  const groups = new Map<string, { actions: string[]; workloads: number }>();
  for (const id of inScope) {
    const labels = firedActions(response, id, undefined).map(describe);
    const key = labels.join('\u0000');
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { actions: labels, workloads: 1 });
    else g.workloads += 1;
  }
  const outcomes = [...groups.values()].sort((a, b) => b.workloads - a.workloads);
  const actions = Array.isArray(spec.response?.actions) ? spec.response.actions : [];
  const processDependent = actions.filter(hasProcessSelector).map(actionName);
  return { mode, enabled, outcomes, processDependent, text: summaryText(mode, enabled, inScope.length, outcomes, processDependent) };
}

function summaryText(
  mode: 'audit' | 'enforce',
  enabled: boolean,
  scope: number,
  outcomes: readonly { actions: string[]; workloads: number }[],
  processDependent: readonly string[],
): string {
  if (!enabled) return 'Disabled (enabled: false): deviations are not reported and no action fires.';
  const lead =
    mode === 'audit'
      ? 'Audit mode: actions are only logged as what would have happened, never taken.'
      : 'Enforce mode: actions are taken.';
  if (scope === 0) return `${lead} No workload in the data set is in scope, so nothing would fire.`;
  const parts = outcomes.map((o) => {
    const what = o.actions.length === 0 ? 'no action' : o.actions.join(' + ');
    return outcomes.length === 1 ? what : `${plural(o.workloads, 'workload')}: ${what}`;
  });
  const whom = outcomes.length === 1 ? `any of the ${plural(scope, 'workload')} in scope` : `the ${plural(scope, 'workload')} in scope`;
  let text = `${lead} On a deviation in ${whom}: ${parts.join('; ')}.`;
  if (processDependent.length > 0) {
    text += ` For a deviating process that matches its processSelector, ${[...new Set(processDependent)].join(', ')} also fires (and then no default action does).`;
  }
  return text;
}
