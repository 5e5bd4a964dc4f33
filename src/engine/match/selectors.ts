/**
 * Selector evaluation (reference §3): a policy's or response action's selectors
 * against a workload identity and, for `processSelector`, a process.
 *
 * Every selector becomes a group of expressions over one scope of the identity:
 * - plain fields (`containerSelector.image`, `machineSelector.hostname`, …),
 *   `matchLabels` and `matchFields` become `In [value]` (a list value, as
 *   `hostname`/`machineUID`/process fields allow, becomes `In [...list]`);
 * - `matchExpressions` / `matchFieldsExpressions` are taken as written;
 * - all expressions of all selectors are ANDed.
 * Operators: `In` — the key is present and some value matches (a value with any
 * of `* ? [ ]` by fnmatch, otherwise equality); `NotIn` — key absent or no value
 * matches; `Exists` / `DoesNotExist` — presence.
 *
 * Choices (following spyctl-cli's scope selectors):
 * - A selector present in the policy whose scope is absent from the identity
 *   (a `namespaceSelector` against a workload without namespace labels, a
 *   `processSelector` without a process, …) does not match: the policy asks
 *   about something the workload cannot show, so we do not assume it.
 * - A selector present but with no expressions at all (`podSelector: {}`) does
 *   not match either; such selectors are invalid ("All selectors must have
 *   values") and must not silently widen a policy to every workload.
 * - Field keys outside the known set are looked up verbatim and are therefore
 *   absent (spyctl raises on them; validation reports them).
 * - A list-valued `hostname` / `machineUID` is `In` its items (spyctl-cli
 *   compares the whole list to the string and never matches; that is a bug).
 */
import type {
  FieldSelectorParts,
  LabelSelector,
  MatchExpression,
  ProcessSelector,
  Selectors,
  WorkloadIdentity,
} from '../model/types.ts';
import { compileGlob, hasGlob } from './fnmatch.ts';

/** The process a response action's `processSelector` is checked against. */
export interface ProcessInfo {
  name: string;
  exe: string;
  euser: string;
}

export type SelectorSet = Selectors & { processSelector?: ProcessSelector };

export type SelectorPredicate = (id: WorkloadIdentity, proc?: ProcessInfo) => boolean;

/** Which part of the identity a selector looks at. */
export type SelectorScope = 'cluster' | 'machine' | 'namespace' | 'pod' | 'container' | 'service' | 'process';

export const OP_IN = 0;
export const OP_NOT_IN = 1;
export const OP_EXISTS = 2;
export const OP_DOES_NOT_EXIST = 3;
export type OpCode = typeof OP_IN | typeof OP_NOT_IN | typeof OP_EXISTS | typeof OP_DOES_NOT_EXIST;

export interface CompiledExpression {
  /** Key in the identity scope (already mapped from the YAML field name). */
  key: string;
  op: OpCode;
  /** Values matched by equality. */
  exact: ReadonlySet<string>;
  /** Values containing glob characters, compiled. */
  globs: readonly RegExp[];
  /** The values as written, for indexing and messages. */
  values: readonly string[];
  /** The only value, when there is exactly one and it has no glob (compared with ===). */
  single: string | null;
}

export interface CompiledGroup {
  scope: SelectorScope;
  expressions: readonly CompiledExpression[];
}

export interface CompiledSelectors {
  groups: readonly CompiledGroup[];
  test: SelectorPredicate;
}

const FIELD_KEYS: Record<SelectorScope, Readonly<Record<string, string>>> = {
  cluster: { name: 'name', uid: 'uid' },
  machine: { hostname: 'hostname', sourceName: 'sourceName', uid: 'uid', machineUID: 'uid' },
  container: { image: 'image', imageID: 'imageID', containerName: 'containerName', containerID: 'containerID' },
  service: { cgroup: 'cgroup', name: 'name' },
  process: { name: 'name', exe: 'exe', euser: 'euser' },
  namespace: {},
  pod: {},
};

/** Plain (non-matchFields) keys each field selector accepts. */
const PLAIN_KEYS: Partial<Record<SelectorScope, readonly string[]>> = {
  machine: ['hostname', 'machineUID'],
  container: ['image', 'imageID', 'containerName', 'containerID'],
  service: ['cgroup'],
  process: ['name', 'exe', 'euser'],
};

const OPS: Readonly<Record<string, OpCode>> = {
  In: OP_IN,
  NotIn: OP_NOT_IN,
  Exists: OP_EXISTS,
  DoesNotExist: OP_DOES_NOT_EXIST,
};

/** Values as strings; YAML scalars that are not strings (numbers, booleans) are stringified, objects dropped. */
function scalar(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return [String(x)];
  return [];
}

function toStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.flatMap(scalar) : scalar(v);
}

function compileExpression(key: string, op: OpCode, values: readonly string[]): CompiledExpression {
  const exact = new Set<string>();
  const globs: RegExp[] = [];
  for (const v of values) {
    if (hasGlob(v)) globs.push(compileGlob(v));
    else exact.add(v);
  }
  const only = values.length === 1 && globs.length === 0 ? (values[0] as string) : null;
  return { key, op, exact, globs, values, single: only };
}

function fromExpression(e: MatchExpression, mapKey: (k: string) => string): CompiledExpression {
  // An unknown operator matches nothing (validation reports it).
  const op = OPS[e.operator];
  if (op === undefined) return compileExpression(mapKey(e.key), OP_IN, []);
  return compileExpression(mapKey(e.key), op, toStrings(e.values));
}

function labelGroup(scope: 'namespace' | 'pod', sel: LabelSelector): CompiledGroup {
  const expressions: CompiledExpression[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    expressions.push(compileExpression(k, OP_IN, toStrings(v)));
  }
  for (const e of sel.matchExpressions ?? []) expressions.push(fromExpression(e, (k) => k));
  return { scope, expressions };
}

function fieldGroup(scope: SelectorScope, sel: FieldSelectorParts): CompiledGroup {
  const keys = FIELD_KEYS[scope];
  const mapKey = (k: string): string => keys[k] ?? k;
  const expressions: CompiledExpression[] = [];
  for (const [k, v] of Object.entries(sel.matchFields ?? {})) {
    expressions.push(compileExpression(mapKey(k), OP_IN, toStrings(v)));
  }
  for (const e of sel.matchFieldsExpressions ?? []) expressions.push(fromExpression(e, mapKey));
  for (const k of PLAIN_KEYS[scope] ?? []) {
    const v = (sel as Readonly<Record<string, unknown>>)[k];
    if (v !== undefined && v !== null) expressions.push(compileExpression(mapKey(k), OP_IN, toStrings(v)));
  }
  return { scope, expressions };
}

type ScopeObject = Readonly<Record<string, unknown>>;

function scopeObject(scope: SelectorScope, id: WorkloadIdentity, proc: ProcessInfo | undefined): ScopeObject | undefined {
  switch (scope) {
    case 'cluster':
      return id.cluster;
    case 'machine':
      return id.machine;
    case 'namespace':
      return id.namespaceLabels;
    case 'pod':
      return id.podLabels;
    case 'container':
      return id.container;
    case 'service':
      return id.service;
    case 'process':
      return proc as ScopeObject | undefined;
  }
}

/**
 * The value of `key` in a scope object: string values only. Inherited members
 * (`constructor`, `__proto__`, `toString` …) are never strings, so the typeof
 * check alone keeps them absent without a slower own-property test.
 */
function valueOf(obj: ScopeObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

/** `In` on a present value. */
export function expressionValueMatches(e: CompiledExpression, value: string): boolean {
  if (e.single !== null) return e.single === value;
  if (e.exact.has(value)) return true;
  const globs = e.globs;
  for (let i = 0; i < globs.length; i++) {
    if ((globs[i] as RegExp).test(value)) return true;
  }
  return false;
}

function evalExpression(e: CompiledExpression, obj: ScopeObject): boolean {
  const value = valueOf(obj, e.key);
  switch (e.op) {
    case OP_IN:
      return value !== undefined && expressionValueMatches(e, value);
    case OP_NOT_IN:
      return value === undefined || !expressionValueMatches(e, value);
    case OP_EXISTS:
      return value !== undefined;
    case OP_DOES_NOT_EXIST:
      return value === undefined;
  }
}

/** The expression groups of a selector set, in a fixed scope order. */
export function compileSelectorGroups(selectors: SelectorSet): CompiledGroup[] {
  const groups: CompiledGroup[] = [];
  if (selectors.clusterSelector) groups.push(fieldGroup('cluster', selectors.clusterSelector));
  if (selectors.machineSelector) groups.push(fieldGroup('machine', selectors.machineSelector));
  if (selectors.namespaceSelector) groups.push(labelGroup('namespace', selectors.namespaceSelector));
  if (selectors.podSelector) groups.push(labelGroup('pod', selectors.podSelector));
  if (selectors.containerSelector) groups.push(fieldGroup('container', selectors.containerSelector));
  if (selectors.serviceSelector) groups.push(fieldGroup('service', selectors.serviceSelector));
  if (selectors.processSelector) groups.push(fieldGroup('process', selectors.processSelector));
  return groups;
}

/** A predicate over identities, compiled once. With no selectors at all it matches everything. */
export function compileSelectors(selectors: SelectorSet): SelectorPredicate {
  return compileSelectorsFull(selectors).test;
}

/** Like {@link compileSelectors}, also returning the groups (used by policy indexes). */
export function compileSelectorsFull(selectors: SelectorSet): CompiledSelectors {
  const groups = compileSelectorGroups(selectors);
  return { groups, test: predicateOfGroups(groups) };
}

/** The AND of compiled groups (a group whose scope is absent, or that has no expressions, fails). */
export function predicateOfGroups(groups: readonly CompiledGroup[]): SelectorPredicate {
  const n = groups.length;
  return (id, proc) => {
    for (let g = 0; g < n; g++) {
      const group = groups[g] as CompiledGroup;
      const obj = scopeObject(group.scope, id, proc);
      const exprs = group.expressions;
      if (obj === undefined || exprs.length === 0) return false;
      for (let i = 0; i < exprs.length; i++) {
        if (!evalExpression(exprs[i] as CompiledExpression, obj)) return false;
      }
    }
    return true;
  };
}

/**
 * Do `selectors` select this workload (and process, for `processSelector`)?
 * Compiles on every call; use {@link compileSelectors} in loops.
 */
export function matchesSelectors(selectors: SelectorSet, id: WorkloadIdentity, proc?: ProcessInfo): boolean {
  return compileSelectors(selectors)(id, proc);
}

/** Only the selector keys of an object (a policy spec or a response action). */
export function pickSelectors(obj: Readonly<Record<string, unknown>>): SelectorSet {
  const out: Record<string, unknown> = {};
  for (const k of SELECTOR_NAMES) {
    const v = obj[k];
    if (v !== undefined && v !== null && typeof v === 'object') out[k] = v;
  }
  return out;
}

export const SELECTOR_NAMES = [
  'clusterSelector',
  'machineSelector',
  'namespaceSelector',
  'podSelector',
  'containerSelector',
  'serviceSelector',
  'processSelector',
] as const;
