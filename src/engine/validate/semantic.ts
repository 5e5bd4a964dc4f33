/**
 * Cross-field rules zod cannot express locally. They run on the raw value
 * (whatever its shape) so they report even while other fields are wrong, and
 * walk trees iteratively.
 */
import { ACTION_NAMES, ACTION_SELECTOR_KEYS, ALLOWED_ACTIONS, REQUIRED_SELECTOR } from '../model/constants.ts';
import { formatList, isRecord } from '../model/schema-helpers.ts';
import type { PlainRecord } from '../model/schema-helpers.ts';
import type { ActionName, PolicyType } from '../model/types.ts';
import type { Path, PathSegment } from '../yaml/path.ts';
import { problem } from './problem.ts';
import type { Problem, Where } from './problem.ts';

const ACTIONS: readonly string[] = ACTION_NAMES;

export interface TreeOptions {
  /** Top-level processes must list `euser` (fingerprints, baselines, policies). */
  rootsNeedEuser: boolean;
  /** Entries may be `{policyNode: {id, children}}` (deviations). */
  allowPolicyNode: boolean;
}

/** Checks unique ids (and root euser) in `spec.processPolicy`; returns the ids seen. */
export function checkProcessTree(spec: PlainRecord, base: Path, opts: TreeOptions, where: Where, out: Problem[]): Set<string> {
  const first = new Map<string, PathSegment[]>();
  const roots = spec.processPolicy;
  if (!Array.isArray(roots)) return new Set();
  const stack: Array<{ node: unknown; path: PathSegment[]; root: boolean }> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], path: [...base, 'processPolicy', i], root: true });
  const noteId = (id: unknown, path: PathSegment[]) => {
    if (typeof id !== 'string') return;
    const prev = first.get(id);
    if (prev) out.push(problem(path, `duplicate process id '${id}' (first defined at ${where(prev)})`));
    else first.set(id, path);
  };
  const pushChildren = (children: unknown, path: PathSegment[]) => {
    if (!Array.isArray(children)) return;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: [...path, 'children', i], root: false });
  };
  while (stack.length > 0) {
    const { node, path, root } = stack.pop() ?? { node: null, path: [], root: false };
    if (!isRecord(node)) continue;
    if (opts.allowPolicyNode && root && isRecord(node.policyNode)) {
      noteId(node.policyNode.id, [...path, 'policyNode', 'id']);
      pushChildren(node.policyNode.children, [...path, 'policyNode']);
      continue;
    }
    noteId(node.id, [...path, 'id']);
    if (root && opts.rootsNeedEuser && (node.euser === undefined || node.euser === null || (Array.isArray(node.euser) && node.euser.length === 0))) {
      const name = typeof node.name === 'string' ? `'${node.name}'` : 'process';
      const id = typeof node.id === 'string' ? ` (id ${node.id})` : '';
      out.push(problem([...path, 'euser'], `top-level process ${name}${id} needs euser: list the users it runs as`));
    }
    pushChildren(node.children, path);
  }
  return new Set(first.keys());
}

/** Network rules may only name processes defined in processPolicy. */
export function checkProcessRefs(spec: PlainRecord, ids: Set<string>, base: Path, out: Problem[]): void {
  const net = spec.networkPolicy;
  if (!isRecord(net)) return;
  for (const dir of ['ingress', 'egress'] as const) {
    const rules = net[dir];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule, i) => {
      if (!isRecord(rule) || !Array.isArray(rule.processes)) return;
      rule.processes.forEach((id, j) => {
        if (typeof id === 'string' && !ids.has(id)) {
          out.push(problem([...base, 'networkPolicy', dir, i, 'processes', j], `network rule references unknown process id '${id}'`));
        }
      });
    });
  }
}

/** `metadata.type` decides which selector `spec` must carry. */
export function checkRequiredSelector(type: PolicyType, spec: PlainRecord, base: Path, out: Problem[]): void {
  const key = REQUIRED_SELECTOR[type];
  if (spec[key] === undefined) {
    out.push(problem([...base, key], `spec.${key} is required when metadata.type is ${type}`));
  }
}

const SCOPE_LIST = formatList([...ACTION_SELECTOR_KEYS]);

/** One action per entry; scoped actions need a selector; actions allowed for the policy type. */
export function checkResponse(response: unknown, type: PolicyType | undefined, base: Path, out: Problem[]): void {
  if (!isRecord(response)) return;
  for (const list of ['default', 'actions'] as const) {
    const entries = response[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      const path = [...base, list, i];
      if (!isRecord(entry)) return;
      const keys = Object.keys(entry);
      const actions = keys.filter((k) => ACTIONS.includes(k));
      if (keys.length === 0) {
        out.push(problem(path, `response entry has no action (expected one of ${formatList([...ACTION_NAMES])})`));
        return;
      }
      if (actions.length > 1) {
        out.push(
          problem(path, `each response entry must hold exactly one action, found ${formatList(actions).replace(' or ', ' and ')}; put each action in its own list item`),
        );
      }
      for (const action of actions) {
        if (type && !ALLOWED_ACTIONS[type].includes(action as ActionName)) {
          out.push(problem([...path, action], `${action} is not allowed in a ${type} policy (allowed: ${ALLOWED_ACTIONS[type].join(', ')})`));
        }
        if (list === 'actions') {
          const body = entry[action];
          const selectors = isRecord(body) ? Object.keys(body).filter((k) => k.endsWith('Selector')) : [];
          if (selectors.length === 0) {
            out.push(problem([...path, action], `a scoped action needs at least one selector (${SCOPE_LIST}); use response.default for actions that apply everywhere`));
          }
        }
      }
    });
  }
}
