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
 * One indexed field (or label key): exact anchors in a map; glob anchors
 * matched once per distinct identity value and memoized together with the
 * exact hits, so the steady state is one map lookup per dimension.
 */
interface Dim {
  scope: SelectorScope;
  key: string;
  get: (id: WorkloadIdentity) => unknown;
  exact: Map<string, Entry[]>;
  globEntries: { expr: CompiledExpression; entry: Entry }[];
  memo: Map<string, readonly Entry[]>;
}

const MEMO_LIMIT = 20_000;
const NO_ENTRIES: readonly Entry[] = Object.freeze([]);

/** A getter for one identity field; direct property reads for the known keys. */
function getterOf(scope: SelectorScope, key: string): (id: WorkloadIdentity) => unknown {
  switch (`${scope}.${key}`) {
    case 'container.image':
      return (id) => id.container?.image;
    case 'container.imageID':
      return (id) => id.container?.imageID;
    case 'container.containerName':
      return (id) => id.container?.containerName;
    case 'container.containerID':
      return (id) => id.container?.containerID;
    case 'service.cgroup':
      return (id) => id.service?.cgroup;
    default:
      return (id) => scopeValue(scope, key, id);
  }
}

function scopeValue(scope: SelectorScope, key: string, id: WorkloadIdentity): string | undefined {
  let obj: Readonly<Record<string, unknown>> | undefined;
  if (scope === 'namespace') obj = id.namespaceLabels;
  else if (scope === 'pod') obj = id.podLabels;
  else if (scope === 'container') obj = id.container;
  else if (scope === 'service') obj = id.service;
  else if (scope === 'machine') obj = id.machine;
  else if (scope === 'cluster') obj = id.cluster;
  if (obj === undefined) return undefined;
  const v = obj[key]; // inherited members are never strings
  return typeof v === 'string' ? v : undefined;
}

/** Insert keeping `out[0..n)` ordered by policy index (lists are short); returns the new count. */
function insertSorted(out: CompiledPolicy[], n: number, p: CompiledPolicy): number {
  let i = n;
  while (i > 0 && (out[i - 1] as CompiledPolicy).index > p.index) {
    out[i] = out[i - 1] as CompiledPolicy;
    i -= 1;
  }
  out[i] = p;
  return n + 1;
}

function collect(list: readonly Entry[], id: WorkloadIdentity, out: CompiledPolicy[], n: number): number {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as Entry;
    const p = e.policy;
    if (p.type === id.type && (e.rest === null || e.rest(id))) n = insertSorted(out, n, p);
  }
  return n;
}

export class PolicyIndex {
  private readonly dims: Dim[] = [];
  private readonly residual: Entry[] = [];

  constructor(policies: readonly CompiledPolicy[]) {
    for (const p of policies) {
      const anchor = findAnchor(p.groups, true) ?? findAnchor(p.groups, false);
      if (anchor === null) {
        this.residual.push({ policy: p, rest: restOf(p.groups, null) });
        continue;
      }
      const entry: Entry = { policy: p, rest: restOf(p.groups, anchor.expr) };
      const dim = this.dimOf(anchor.scope, anchor.key);
      if (anchor.expr.globs.length > 0) {
        dim.globEntries.push({ expr: anchor.expr, entry });
        continue;
      }
      for (const v of anchor.expr.values) {
        const list = dim.exact.get(v);
        if (list === undefined) dim.exact.set(v, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
    }
  }

  private dimOf(scope: SelectorScope, key: string): Dim {
    let dim = this.dims.find((d) => d.scope === scope && d.key === key);
    if (dim === undefined) {
      dim = { scope, key, get: getterOf(scope, key), exact: new Map(), globEntries: [], memo: new Map() };
      this.dims.push(dim);
    }
    return dim;
  }

  /** Number of policies checked for every event regardless of identity. */
  get residualSize(): number {
    return this.residual.length;
  }

  /** Number of policies filed under a glob constraint (memoized per identity value). */
  get globSize(): number {
    return this.dims.reduce((n, d) => n + d.globEntries.length, 0);
  }

  /**
   * Write the policies covering `id` into `out[0..n)`, ordered by index, and
   * return n (entries past n are stale: no truncation, no allocation).
   */
  lookup(id: WorkloadIdentity, out: CompiledPolicy[]): number {
    let n = 0;
    const dims = this.dims;
    for (let i = 0; i < dims.length; i++) {
      const d = dims[i] as Dim;
      const v = d.get(id);
      if (typeof v !== 'string') continue;
      let list: readonly Entry[] | undefined;
      if (d.globEntries.length === 0) {
        list = d.exact.get(v);
      } else {
        list = d.memo.get(v);
        if (list === undefined) list = this.remember(d, v);
      }
      if (list !== undefined && list.length > 0) n = collect(list, id, out, n);
    }
    if (this.residual.length > 0) n = collect(this.residual, id, out, n);
    return n;
  }

  private remember(d: Dim, v: string): readonly Entry[] {
    const hits = [...(d.exact.get(v) ?? [])];
    for (const g of d.globEntries) if (expressionValueMatches(g.expr, v)) hits.push(g.entry);
    const list = hits.length === 0 ? NO_ENTRIES : hits;
    if (d.memo.size >= MEMO_LIMIT) d.memo.clear();
    d.memo.set(v, list);
    return list;
  }
}
