/**
 * Runs a zod schema and turns its issues into readable problems.
 */
import type * as z from 'zod';
import { ACTION_NAMES, ACTION_SELECTOR_KEYS } from '../model/constants.ts';
import { formatList } from '../model/schema-helpers.ts';
import type { Path, PathSegment } from '../yaml/path.ts';
import { describeValue, fieldLabel, problem, valueAt } from './problem.ts';
import type { Problem } from './problem.ts';
import { allowedKeysAt, suggestKey } from './schema-keys.ts';

type Issue = z.core.$ZodIssue;

/** Message zod issues get unless the schema supplied its own. */
const GENERIC = '\u0000generic';
const PARSE_OPTIONS = { error: () => GENERIC };

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'null',
};

/** Extra help when a required field is missing. */
const MISSING_HINTS: Record<string, string> = {
  response: 'e.g. {default: [{makeRedFlag: {severity: high}}], actions: []}',
  processPolicy: 'use [] for none',
  networkPolicy: 'e.g. {ingress: [], egress: []}',
  ingress: 'use [] for none',
  egress: 'use [] for none',
};

const PORT_FIELDS = new Set(['port', 'endPort']);
const INT_FIELDS = new Set(['port', 'endPort', 'priority', 'version']);
const SELECTOR_KEYS: readonly string[] = ACTION_SELECTOR_KEYS;
const ACTIONS: readonly string[] = ACTION_NAMES;

interface Ctx {
  root: unknown;
  schema: z.ZodType;
  base: Path;
  kind: string;
  out: Problem[];
}

function where(path: Path, kind: string): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 0) return `a ${kind} document`;
  if (last === 'spec') return `a ${kind} spec`;
  if (typeof last === 'string') {
    if (last.endsWith('Selector') || ACTIONS.includes(last) || last === 'ipBlock') return last;
    if (last === 'policyNode') return 'policyNode';
    return `'${last}'`;
  }
  if (parent === 'processPolicy' || parent === 'children') return 'a process node';
  if (parent === 'ports' || parent === 'listeningSockets') return 'a port';
  if (parent === 'ingress' || parent === 'egress') return `an ${parent} rule`;
  if (parent === 'from' || parent === 'to') return 'a peer';
  if (parent === 'default' || parent === 'actions') return 'a response entry';
  if (parent === 'rules') return 'a rule';
  return 'this mapping';
}

function unknownKey(ctx: Ctx, path: Path, key: string): string {
  const parent = path[path.length - 1];
  const grand = path[path.length - 2];
  if (SELECTOR_KEYS.includes(key) && path[path.length - 3] === 'default' && path[path.length - 4] === 'response') {
    return `'${key}' is not allowed in a default action; actions scoped by a selector belong under response.actions`;
  }
  if (SELECTOR_KEYS.includes(key) && typeof parent === 'number' && grand === 'actions') {
    return `'${key}' must go inside the action it scopes, e.g. agentKillProcess: {${key}: …}`;
  }
  const allowed = allowedKeysAt(ctx.schema, ctx.root, path) ?? [];
  const hint = suggestKey(key, allowed);
  return `unknown field '${key}' in ${where(path, ctx.kind)}${hint ? ` (did you mean '${hint}'?)` : ''}`;
}

function rangeText(path: Path, bound: 'min' | 'max', n: number, origin: string, input: unknown): string {
  const label = fieldLabel(path);
  const last = path[path.length - 1];
  if (typeof last === 'string' && PORT_FIELDS.has(last)) return `${label} must be between 0 and 65535`;
  if (origin === 'array') {
    if (bound === 'min') return n <= 1 ? `${label} must not be empty` : `${label} needs at least ${n} entries`;
    return `${label} may have at most ${n} entries (it has ${Array.isArray(input) ? input.length : '?'})`;
  }
  if (origin === 'string') {
    const len = typeof input === 'string' ? ` (it has ${input.length})` : '';
    return `${label} must be ${bound === 'min' ? 'at least' : 'at most'} ${n} characters${len}`;
  }
  return `${label} must be ${bound === 'min' ? 'at least' : 'at most'} ${n}`;
}

function message(ctx: Ctx, issue: Issue, path: Path): string {
  if (issue.message !== GENERIC) return issue.message;
  const label = fieldLabel(path);
  const input = valueAt(ctx.root, path);
  const allowed = issue.code === 'invalid_value' ? `${label} must be ${formatList(issue.values.map(String))}` : undefined;
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const hint = allowed ?? MISSING_HINTS[label];
    return `missing required field '${label}'${hint ? ` (${hint})` : ''}`;
  }
  switch (issue.code) {
    case 'invalid_type': {
      const last = path[path.length - 1];
      const whole = issue.expected === 'number' && typeof last === 'string' && INT_FIELDS.has(last);
      return `${label} must be ${whole ? 'a whole number' : (TYPE_NAMES[issue.expected] ?? issue.expected)}, not ${describeValue(input)}`;
    }
    case 'invalid_value':
      return allowed ?? `${label} is not valid`;
    case 'too_small':
      return rangeText(path, 'min', Number(issue.minimum), issue.origin, input);
    case 'too_big':
      return rangeText(path, 'max', Number(issue.maximum), issue.origin, input);
    default:
      return `${label} is not valid`;
  }
}

function absolute(prefix: Path, issue: Issue): PathSegment[] {
  return [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
}

function collect(ctx: Ctx, issues: readonly Issue[], prefix: Path): void {
  for (const issue of issues) {
    const path = absolute(prefix, issue);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) ctx.out.push(problem([...ctx.base, ...path, key], unknownKey(ctx, path, key)));
    } else if (issue.code === 'invalid_union') {
      union(ctx, issue, path);
    } else {
      ctx.out.push(problem([...ctx.base, ...path], message(ctx, issue, path)));
    }
  }
}

function union(ctx: Ctx, issue: z.core.$ZodIssueInvalidUnion, path: Path): void {
  if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
    const key = issue.discriminator;
    const at = path[path.length - 1] === key ? path : [...path, key];
    const options = formatList(issue.options.map(String));
    ctx.out.push(problem([...ctx.base, ...at], `${key} must be ${options}`));
    return;
  }
  const branches = issue.errors;
  let best = -1;
  let bestCount = Infinity;
  let tie = false;
  branches.forEach((branch, i) => {
    if (branch.length < bestCount) {
      best = i;
      bestCount = branch.length;
      tie = false;
    } else if (branch.length === bestCount) {
      tie = true;
    }
  });
  const chosen = branches[best];
  if (!chosen || (tie && issue.message !== GENERIC)) {
    const input = valueAt(ctx.root, path);
    const text = issue.message !== GENERIC ? issue.message : `${fieldLabel(path)} has an unexpected shape`;
    ctx.out.push(problem([...ctx.base, ...path], input === undefined ? `missing required field '${fieldLabel(path)}'` : text));
    return;
  }
  collect(ctx, chosen, path);
}

/** Validates `value` with `schema`; problem paths are prefixed with `base`. */
export function zodProblems(schema: z.ZodType, value: unknown, base: Path, kind: string): Problem[] {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return [];
  const ctx: Ctx = { root: value, schema, base, kind, out: [] };
  collect(ctx, result.error.issues, []);
  return ctx.out;
}
