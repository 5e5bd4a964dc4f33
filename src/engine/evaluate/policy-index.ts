/**
 * Workload policies compiled for evaluation, and an index from workload
 * identity to candidate policies so that the cost of finding the covering
 * policies does not grow with the number of policies.
 *
 * Each policy is filed under one "anchor": an `In` constraint whose values are
 * all exact (no glob) on a field the identity carries — by preference container
 * ID, image ID, image, container name, service cgroup, service name, a
 * namespace or pod label, machine uid, hostname, cluster uid, cluster name —
 * found with one map lookup per field. Without one, a glob `In` constraint
 * (e.g. `image: repo:1.*`) files it under a glob dimension whose matches are
 * memoized per distinct identity value; policies with no `In` at all (only
 * NotIn / Exists …) form a residual list checked for every event. Candidates
 * are then checked with the rest of their selectors (the anchor excluded).
 */
import type { PolicyMode, SpyderbatPolicy, WorkloadIdentity, WorkloadPolicy, WorkloadType } from '../model/types.ts';
import type { CompiledExpression, CompiledGroup, SelectorPredicate, SelectorScope } from '../match/selectors.ts';
import {
  compileSelectorsFull,
  expressionValueMatches,
  OP_IN,
  pickSelectors,
  predicateOfGroups,
} from '../match/selectors.ts';
import type { CompiledResponse } from './actions.ts';
import { compileResponse } from './actions.ts';
import type { CompiledNetwork } from './compile-network.ts';
import { compileNetwork } from './compile-network.ts';
import type { CompiledTree } from './compile-process.ts';
import { compileTree } from './compile-process.ts';

export interface CompiledPolicy {
  index: number;
  policy: WorkloadPolicy;
  name: string;
  uid: string | undefined;
  mode: PolicyMode;
  type: WorkloadType;
  test: SelectorPredicate;
  groups: readonly CompiledGroup[];
  tree: CompiledTree;
  network: CompiledNetwork;
  response: CompiledResponse;
  disableProcesses: boolean;
  /** Bit 1 ingress, bit 2 egress. */
  disableConnections: number;
  disablePrivate: number;
  disablePublic: number;
  // Counters (owned by the evaluator that compiled the policy).
  events: number;
  deviations: number;
  processDeviations: number;
  connectionDeviations: number;
  nodeCounts: Float64Array;
  ruleCounts: Float64Array;
}

function scopeBits(v: unknown): number {
  if (v === 'all') return 3;
  if (v === 'ingress') return 1;
  if (v === 'egress') return 2;
  return 0;
}

/** Is this an enabled workload (container / linux-service) policy? */
export function isEvaluable(p: SpyderbatPolicy): p is WorkloadPolicy {
  const t = p.metadata.type;
  return (t === 'container' || t === 'linux-service') && p.spec.enabled !== false;
}

export function compilePolicy(policy: WorkloadPolicy, index: number): CompiledPolicy {
  const spec = policy.spec;
  const sel = compileSelectorsFull(pickSelectors(spec as unknown as Record<string, unknown>));
  const tree = compileTree(Array.isArray(spec.processPolicy) ? spec.processPolicy : []);
  const network = compileNetwork(spec.networkPolicy, tree);
  const mode: PolicyMode = spec.mode === 'enforce' ? 'enforce' : 'audit';
  return {
    index,
    policy,
    name: String(policy.metadata.name),
    uid: typeof policy.metadata.uid === 'string' ? policy.metadata.uid : undefined,
    mode,
    type: policy.metadata.type,
    test: sel.test,
    groups: sel.groups,
    tree,
    network,
    response: compileResponse(spec.response, mode),
    disableProcesses: spec.disableProcesses === 'all',
    disableConnections: scopeBits(spec.disableConnections),
    disablePrivate: scopeBits(spec.disablePrivateConnections),
    disablePublic: scopeBits(spec.disablePublicConnections),
    events: 0,
    deviations: 0,
    processDeviations: 0,
    connectionDeviations: 0,
    nodeCounts: new Float64Array(tree.nodes.length),
    ruleCounts: new Float64Array(network.ingress.count + network.egress.count),
  };
}

type FieldScope = Exclude<SelectorScope, 'namespace' | 'pod' | 'process'>;

const ANCHOR_ORDER: readonly (readonly [SelectorScope, string | null])[] = [
  ['container', 'containerID'],
  ['container', 'imageID'],
  ['container', 'image'],
  ['container', 'containerName'],
  ['service', 'cgroup'],
  ['service', 'name'],
  ['namespace', null],
  ['pod', null],
  ['machine', 'uid'],
  ['machine', 'hostname'],
  ['cluster', 'uid'],
  ['cluster', 'name'],
];

interface Anchor {
  scope: SelectorScope;
  key: string;
  expr: CompiledExpression;
}

/** The first `In` constraint in preference order: exact-only when `exact`, else any (globs allowed). */
function findAnchor(groups: readonly CompiledGroup[], exact: boolean): Anchor | null {
  for (const [scope, key] of ANCHOR_ORDER) {
    for (const g of groups) {
      if (g.scope !== scope) continue;
      for (const e of g.expressions) {
        if (e.op !== OP_IN || e.values.length === 0 || (exact && e.globs.length > 0)) continue;
        if (key === null || e.key === key) return { scope, key: e.key, expr: e };
      }
    }
  }
  return null;
}

/** A policy filed in the index, with what remains to check once the anchor matched (null: nothing). */
interface Entry {
  policy: CompiledPolicy;
  rest: SelectorPredicate | null;
}

/** The groups without the anchor expression (its scope is known present); null when nothing is left. */
function restOf(groups: readonly CompiledGroup[], anchor: CompiledExpression | null): SelectorPredicate | null {
  if (anchor === null) return predicateOfGroups(groups);
  const rest: CompiledGroup[] = [];
  for (const g of groups) {
    if (!g.expressions.includes(anchor)) rest.push(g);
    else if (g.expressions.length > 1) rest.push({ scope: g.scope, expressions: g.expressions.filter((e) => e !== anchor) });
  }
  return rest.length === 0 ? null : predicateOfGroups(rest);
}

/**
 * Policies whose best constraint is a glob `In` on one field: the matching
 * entries are computed once per distinct identity value and memoized.
 */
interface GlobDim {
  scope: SelectorScope;
  key: string;
  entries: { expr: CompiledExpression; entry: Entry }[];
  memo: Map<string, Entry[]>;
}

const MEMO_LIMIT = 20_000;

interface FieldDim {
  scope: FieldScope;
  key: string;
  map: Map<string, Entry[]>;
}

function fieldScopeObject(scope: FieldScope, id: WorkloadIdentity): Readonly<Record<string, unknown>> | undefined {
  switch (scope) {
    case 'container':
      return id.container;
    case 'service':
      return id.service;
    case 'machine':
      return id.machine;
    case 'cluster':
      return id.cluster;
  }
}

function scopeValue(scope: SelectorScope, key: string, id: WorkloadIdentity): string | undefined {
  let obj: Readonly<Record<string, unknown>> | undefined;
  if (scope === 'namespace') obj = id.namespaceLabels;
  else if (scope === 'pod') obj = id.podLabels;
  else if (scope === 'process') obj = undefined;
  else obj = fieldScopeObject(scope, id);
  if (obj === undefined || !Object.hasOwn(obj, key)) return undefined;
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

function push<K>(map: Map<K, Entry[]>, key: K, e: Entry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [e]);
  else if (!list.includes(e)) list.push(e);
}

/** Insert keeping `out` ordered by policy index (lists are short). */
function insertSorted(out: CompiledPolicy[], p: CompiledPolicy): void {
  let i = out.length;
  out.push(p);
  while (i > 0 && (out[i - 1] as CompiledPolicy).index > p.index) {
    out[i] = out[i - 1] as CompiledPolicy;
    i -= 1;
  }
  out[i] = p;
}

export class PolicyIndex {
  private readonly fields: FieldDim[] = [];
  private readonly nsLabels = new Map<string, Map<string, Entry[]>>();
  private readonly podLabels = new Map<string, Map<string, Entry[]>>();
  private readonly globs: GlobDim[] = [];
  private readonly residual: Entry[] = [];

  constructor(policies: readonly CompiledPolicy[]) {
    for (const p of policies) {
      const anchor = findAnchor(p.groups, true);
      if (anchor === null) {
        const glob = findAnchor(p.groups, false);
        if (glob === null) {
          this.residual.push({ policy: p, rest: restOf(p.groups, null) });
        } else {
          let dim = this.globs.find((d) => d.scope === glob.scope && d.key === glob.key);
          if (dim === undefined) this.globs.push((dim = { scope: glob.scope, key: glob.key, entries: [], memo: new Map() }));
          dim.entries.push({ expr: glob.expr, entry: { policy: p, rest: restOf(p.groups, glob.expr) } });
        }
        continue;
      }
      const entry: Entry = { policy: p, rest: restOf(p.groups, anchor.expr) };
      if (anchor.scope === 'namespace' || anchor.scope === 'pod') {
        const labels = anchor.scope === 'namespace' ? this.nsLabels : this.podLabels;
        let byValue = labels.get(anchor.key);
        if (byValue === undefined) labels.set(anchor.key, (byValue = new Map()));
        for (const v of anchor.expr.values) push(byValue, v, entry);
      } else {
        const scope = anchor.scope as FieldScope;
        let dim = this.fields.find((d) => d.scope === scope && d.key === anchor.key);
        if (dim === undefined) this.fields.push((dim = { scope, key: anchor.key, map: new Map() }));
        for (const v of anchor.expr.values) push(dim.map, v, entry);
      }
    }
  }

  /** Number of policies checked for every event regardless of identity. */
  get residualSize(): number {
    return this.residual.length;
  }

  /** Number of policies filed under a glob constraint (memoized per identity value). */
  get globSize(): number {
    return this.globs.reduce((n, d) => n + d.entries.length, 0);
  }

  /** Fill `out` (cleared first) with the policies covering `id`, ordered by index. */
  lookup(id: WorkloadIdentity, out: CompiledPolicy[]): void {
    out.length = 0;
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      const d = fields[i] as FieldDim;
      const obj = fieldScopeObject(d.scope, id);
      if (obj === undefined) continue;
      const v = obj[d.key];
      if (typeof v !== 'string') continue;
      const list = d.map.get(v);
      if (list !== undefined) collect(list, id, out);
    }
    if (this.nsLabels.size > 0 && id.namespaceLabels !== undefined) lookupLabels(this.nsLabels, id.namespaceLabels, id, out);
    if (this.podLabels.size > 0 && id.podLabels !== undefined) lookupLabels(this.podLabels, id.podLabels, id, out);
    const globs = this.globs;
    for (let i = 0; i < globs.length; i++) {
      const d = globs[i] as GlobDim;
      const v = scopeValue(d.scope, d.key, id);
      if (v === undefined) continue;
      let list = d.memo.get(v);
      if (list === undefined) {
        list = d.entries.filter((e) => expressionValueMatches(e.expr, v)).map((e) => e.entry);
        if (d.memo.size >= MEMO_LIMIT) d.memo.clear();
        d.memo.set(v, list);
      }
      if (list.length > 0) collect(list, id, out);
    }
    collect(this.residual, id, out);
  }
}

function lookupLabels(
  index: Map<string, Map<string, Entry[]>>,
  labels: Readonly<Record<string, string>>,
  id: WorkloadIdentity,
  out: CompiledPolicy[],
): void {
  for (const k in labels) {
    const byValue = index.get(k);
    if (byValue === undefined) continue;
    const v = labels[k];
    if (typeof v !== 'string') continue;
    const list = byValue.get(v);
    if (list !== undefined) collect(list, id, out);
  }
}

function collect(list: readonly Entry[], id: WorkloadIdentity, out: CompiledPolicy[]): void {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as Entry;
    const p = e.policy;
    if (p.type === id.type && (e.rest === null || e.rest(id))) insertSorted(out, p);
  }
}
