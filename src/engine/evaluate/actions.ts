/**
 * Response actions for a deviation.
 *
 * Seed 001: "The default Actions are taken when a policy is violated and no
 * Actions in the actions list are taken." So: every scoped action (under
 * `actions`) whose selectors all match the workload (and the deviating process,
 * for `processSelector`) fires; when none fires, the `default` list fires.
 * (Option `defaultActions: 'always'` fires the defaults in every case.)
 * Selectors may sit beside the action key or inside the action body (seed 001
 * writes `agentKillProcess: {podSelector: …}`); both places are ANDed.
 * A scoped entry without any selector never fires (it is invalid: "needs ≥1
 * selector"); a default entry with selectors fires only where they match.
 * Kill actions with `enabled: false` never fire. In audit mode every fired
 * action is marked `wouldHave` (logged, not taken).
 */
import type { ActionName, PolicyMode, PolicyResponse, ResponseAction, WorkloadIdentity } from '../model/types.ts';
import type { ProcessInfo, SelectorPredicate } from '../match/selectors.ts';
import { compileSelectors, pickSelectors, SELECTOR_NAMES } from '../match/selectors.ts';
import type { DefaultActionsMode, FiredAction } from './types.ts';

const ACTION_NAMES: readonly ActionName[] = [
  'makeRedFlag',
  'makeOpsFlag',
  'agentKillPod',
  'agentKillProcess',
  'agentKillProcessGroup',
  'agentKillProcessTree',
  'agentReniceProcess',
  'webhook',
];

interface ScopedAction {
  fired: FiredAction;
  /** null: no selector constraint. */
  test: SelectorPredicate | null;
}

export interface CompiledResponse {
  defaults: ScopedAction[];
  scoped: ScopedAction[];
  /** The defaults when none has selectors (shared result, no allocation). */
  plainDefaults: readonly FiredAction[] | null;
}

const NONE: readonly FiredAction[] = Object.freeze([]);

function actionOf(entry: ResponseAction): { name: ActionName; body: Record<string, unknown> } | null {
  for (const name of ACTION_NAMES) {
    const body: unknown = entry[name];
    if (body !== undefined) {
      return { name, body: body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {} };
    }
  }
  return null;
}

function hasAnySelector(obj: Readonly<Record<string, unknown>>): boolean {
  return SELECTOR_NAMES.some((k) => obj[k] !== undefined && obj[k] !== null);
}

function compileEntry(
  entry: ResponseAction,
  source: 'default' | 'actions',
  index: number,
  mode: PolicyMode,
): ScopedAction | null {
  const action = actionOf(entry);
  if (action === null || action.body.enabled === false) return null;
  const outer = entry as Readonly<Record<string, unknown>>;
  const fired: FiredAction = Object.freeze({ action: action.name, source, index, wouldHave: mode !== 'enforce', entry });
  const hasOuter = hasAnySelector(outer);
  const hasInner = hasAnySelector(action.body);
  if (!hasOuter && !hasInner) return source === 'default' ? { fired, test: null } : null;
  const a = hasOuter ? compileSelectors(pickSelectors(outer)) : null;
  const b = hasInner ? compileSelectors(pickSelectors(action.body)) : null;
  const test: SelectorPredicate =
    a !== null && b !== null ? (id, proc) => a(id, proc) && b(id, proc) : ((a ?? b) as SelectorPredicate);
  return { fired, test };
}

export function compileResponse(response: PolicyResponse | undefined, mode: PolicyMode): CompiledResponse {
  const compileList = (list: unknown, source: 'default' | 'actions'): ScopedAction[] =>
    (Array.isArray(list) ? (list as ResponseAction[]) : [])
      .map((e, i) => compileEntry(e, source, i, mode))
      .filter((x): x is ScopedAction => x !== null);
  const defaults = compileList(response?.default, 'default');
  const scoped = compileList(response?.actions, 'actions');
  const plainDefaults = defaults.every((d) => d.test === null) ? Object.freeze(defaults.map((d) => d.fired)) : null;
  return { defaults, scoped, plainDefaults };
}

/**
 * The actions that fire for a deviation of this workload / process.
 * `mode`: `fallback` (seed 001: only when no scoped action fires) or
 * `always` (defaults after the scoped actions).
 */
export function firedActions(
  r: CompiledResponse,
  id: WorkloadIdentity,
  proc: ProcessInfo | undefined,
  mode: DefaultActionsMode = 'fallback',
): readonly FiredAction[] {
  let out: FiredAction[] | null = null;
  for (const s of r.scoped) {
    if (s.test === null || s.test(id, proc)) (out ??= []).push(s.fired);
  }
  if (out !== null) {
    if (mode === 'always') {
      for (const d of r.defaults) if (d.test === null || d.test(id, proc)) out.push(d.fired);
    }
    return out;
  }
  if (r.plainDefaults !== null) return r.plainDefaults.length === 0 ? NONE : r.plainDefaults;
  const defaults = r.defaults.filter((d) => d.test === null || d.test(id, proc)).map((d) => d.fired);
  return defaults.length === 0 ? NONE : defaults;
}
