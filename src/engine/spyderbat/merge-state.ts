/**
 * The object being merged into (spyctl `MergeObject`): a working copy of the base
 * whose processPolicy and ingress/egress lists, once merged, stay parsed between
 * inputs (a ProcForest / NetList) instead of being printed and parsed again for
 * every input as spyctl does. Output order effects of that round trip are kept:
 * children are re-sorted by name after each merge, lists re-tidied.
 *
 * A list that no merge touched is printed exactly as it came in ("create from
 * one input copies it through").
 */
import { cloneJson, isRecord, metadataOf, specOf } from './inputs.ts';
import type { Json } from './inputs.ts';
import { mergeFields, POLICY_METADATA_SCHEMA, specSchema } from './merge-driver.ts';
import type { FieldMerge, MergeSchema, MergeStep } from './merge-driver.ts';
import { NetList } from './net-list.ts';
import type { NetContext } from './net-node.ts';
import { ProcForest } from './process-forest.ts';
import { describeScope, droppedText, kindWord, widenedText } from './scope-text.ts';
import type { MergeWarning, WildcardNote } from './types.ts';

type Scope = 'all' | 'ingress' | 'egress' | null;

function scopeOf(v: unknown): Scope {
  return v === 'all' || v === 'ingress' || v === 'egress' ? v : null;
}

interface SelectorEvent {
  path: string;
  before: unknown;
  other: unknown;
  whole: boolean;
}

export class MergeState {
  readonly data: Json;
  readonly warnings: MergeWarning[] = [];
  private readonly disableProcs: boolean;
  private readonly disableConns: Scope;
  private readonly disablePrivate: Scope;
  private readonly disablePublic: Scope;
  private readonly schemas: readonly MergeSchema[];
  private readonly wildcardFrom = new Map<string, Set<string>>();
  // Per-input state.
  private stepForest: ProcForest | null = null;
  private stepIdMap: Map<string, string> | null = null;
  private stepOther: ProcForest | null = null;
  private events: SelectorEvent[] = [];
  private inputIndex: number | undefined;

  /**
   * `shareLists`: take the base's processPolicy and ingress / egress arrays by
   * reference instead of copying them (they are only read: parsed, or printed
   * by copy); for a caller that makes many states from one base it owns.
   */
  constructor(base: Json, shareLists = false) {
    this.data = shareLists ? copySharingLists(base) : cloneJson(base);
    const spec = specOf(base);
    this.disableProcs = spec.disableProcesses === 'all';
    this.disableConns = scopeOf(spec.disableConnections);
    this.disablePrivate = scopeOf(spec.disablePrivateConnections);
    this.disablePublic = scopeOf(spec.disablePublicConnections);
    this.schemas = [POLICY_METADATA_SCHEMA, specSchema(this.mergeProcesses, this.mergeNetwork)];
  }

  private warn(code: string, message: string, path?: string): void {
    this.warnings.push({ code, message, ...(path !== undefined ? { path } : {}), ...(this.inputIndex !== undefined ? { inputIndex: this.inputIndex } : {}) });
  }

  /** Record the values a generated glob covers; a merge that kept the value only adds to a tracked glob. */
  private noteWildcard(path: string, before: string, other: string, result: string): void {
    let from = this.wildcardFrom.get(path);
    if (from === undefined) {
      if (result === before) return;
      this.wildcardFrom.set(path, (from = new Set()));
    }
    for (const v of [before, other]) if (!/[*?[\]]/.test(v)) from.add(v);
  }

  /** The base process tree as it stands (parsed from raw data when no merge touched it yet). */
  private currentForest(): ProcForest {
    if (this.stepForest !== null) return this.stepForest;
    const pp = specOf(this.data).processPolicy;
    this.stepForest = pp instanceof ProcForest ? pp : ProcForest.parse(pp);
    return this.stepForest;
  }

  private readonly mergeProcesses: FieldMerge = (base, other, step) => {
    if (this.disableProcs) {
      this.stepForest = new ProcForest();
      this.stepIdMap = new Map();
      return [];
    }
    const forest = base instanceof ProcForest ? base : ProcForest.parse(base);
    for (const p of forest.problems.splice(0)) this.warn('process-tree', `policy: ${p}`, 'spec.processPolicy');
    const otherForest = ProcForest.parse(other, forest);
    for (const p of otherForest.problems) this.warn('process-tree', p, 'spec.processPolicy');
    forest.onRename = (id, before, otherName, result) =>
      this.noteWildcard(`spec.processPolicy[${id}].name`, before, otherName, result);
    forest.merge(otherForest, step.symmetric);
    forest.onRename = null;
    this.stepForest = forest;
    this.stepOther = otherForest;
    this.stepIdMap = otherForest.idMap();
    return forest;
  };

  private readonly mergeNetwork: FieldMerge = (base, other, step, path) => {
    const dir = path.endsWith('ingress') ? 'ingress' : 'egress';
    const hits = (s: Scope): boolean => s === 'all' || s === dir;
    if (hits(this.disableConns)) return [];
    const flags = { ignorePrivate: hits(this.disablePrivate), ignorePublic: hits(this.disablePublic), ignoreProcs: this.disableProcs };
    const ctx: NetContext = { ...flags, procs: this.currentForest(), cmpId: (id) => id, identityIds: true };
    const otherProcs = this.stepOther ?? new ProcForest();
    const otherCtx: NetContext = { ...flags, procs: otherProcs, cmpId: (id) => otherProcs.byId.get(id)?.mergedId ?? id, identityIds: false };
    const list = base instanceof NetList ? base : NetList.parse(base);
    const otherList = NetList.parse(other);
    const bad = list.skipped + otherList.skipped;
    if (bad > 0) this.warn('network-node', `${bad} ${dir} entries without to/from were ignored`, path);
    const anded = [...list.nodes, ...otherList.nodes].reduce((n, node) => n + node.skippedAnded, 0);
    if (anded > 0) this.warn('network-node', `${anded} ${dir} peers with both ipBlock and dnsSelector were skipped`, path);
    list.internalMerge(ctx);
    otherList.internalMerge(otherCtx);
    const idMap = this.stepIdMap ?? new Map<string, string>();
    for (const node of otherList.nodes) node.mapProcesses(idMap);
    list.mergeFrom(otherList, step.symmetric, ctx);
    list.internalMerge(ctx);
    list.dropEmpty();
    return list;
  };

  /**
   * A root process without euser, in the base or in the input, stops the merge
   * of that input (spyctl: "Root process has no eusers"; it then prints nothing).
   */
  private rootWithoutEuser(other: Json, symmetric: boolean): string | null {
    const otherPP = specOf(other).processPolicy;
    const basePP = specOf(this.data).processPolicy;
    const present = (v: unknown): boolean => v !== null && v !== undefined;
    if (this.disableProcs || !present(otherPP) || (symmetric && !present(basePP))) return null;
    const bad = (roots: unknown): string | null => {
      for (const r of Array.isArray(roots) ? roots : []) {
        if (isRecord(r) && !isRecord(r.policyNode) && !(Array.isArray(r.euser) && r.euser.length > 0)) return String(r.id);
      }
      return null;
    };
    const baseBad = basePP instanceof ProcForest ? (basePP.roots.find((r) => r.eusers.length === 0)?.id ?? null) : bad(basePP);
    if (baseBad !== null) return `the policy's root process '${baseBad}' has no euser`;
    const otherBad = bad(otherPP);
    return otherBad !== null ? `its root process '${otherBad}' has no euser` : null;
  }

  /** Merge one input in (spyctl `symmetric_merge` / `asymmetric_merge`). */
  merge(other: Json, symmetric: boolean, inputIndex?: number): void {
    this.stepForest = null;
    this.stepIdMap = null;
    this.stepOther = null;
    this.events = [];
    this.inputIndex = inputIndex;
    const refused = this.rootWithoutEuser(other, symmetric);
    if (refused !== null) {
      this.warn('skipped-input', `input ${inputIndex ?? 0} not merged: ${refused}`, 'spec.processPolicy');
      return;
    }
    const step: MergeStep = {
      symmetric,
      onSelectorLoss: (path, before, o, whole) => this.events.push({ path, before, other: o, whole }),
      onWildcard: (path, before, o, result) => this.noteWildcard(path, before, o, result),
    };
    for (const schema of this.schemas) {
      const d = this.data[schema.field];
      const o = other[schema.field];
      if (!isRecord(d)) continue;
      if (!mergeFields(d, isRecord(o) ? o : {}, schema, step, schema.field)) delete this.data[schema.field];
    }
    this.reportSelectors(other, symmetric);
    this.stepForest = null;
    this.stepIdMap = null;
    this.stepOther = null;
  }

  private reportSelectors(other: Json, symmetric: boolean): void {
    if (this.events.length === 0) return;
    const type = metadataOf(this.data).type;
    const scope = describeScope(specOf(this.data), type);
    for (const e of this.events) {
      if (e.whole) {
        this.warn('selector-dropped', droppedText(e.path, scope, type, symmetric), e.path);
      } else if (symmetric) {
        if (/\.(imageID|containerID)$/.test(e.path)) continue;
        const why =
          typeof e.before === 'string' && typeof e.other === 'string'
            ? `'${e.before}' and '${e.other}' share no common part of 3+ characters`
            : `an input has no ${e.path}`;
        this.warn('selector-widened', `${why}; the created policy drops it and covers ${scope}`, e.path);
      } else {
        this.warn('selector-widened', widenedText(kindWord(other.kind), e.path, e.before, e.other, scope), e.path);
      }
    }
  }

  /**
   * Would an asymmetric merge of `other` change processPolicy or networkPolicy?
   * Read-only and cheap. `false` is certain (for a state merged at least once, so
   * that its lists are parsed and folded); `true` means "merge to see": it is
   * exact except for input nodes that the private/public options leave without
   * peers, which a real merge may drop again.
   */
  wouldChange(other: Json): boolean {
    if (this.rootWithoutEuser(other, false) !== null) return false;
    const spec = specOf(this.data);
    const ospec = specOf(other);
    let otherForest = new ProcForest();
    const base = spec.processPolicy;
    if (ospec.processPolicy !== null && ospec.processPolicy !== undefined && !this.disableProcs) {
      if (!(base instanceof ProcForest)) return true;
      otherForest = ProcForest.parse(ospec.processPolicy, base);
      if (!base.absorbsUnchanged(otherForest)) return true;
    }
    const np = isRecord(spec.networkPolicy) ? spec.networkPolicy : {};
    const onp = isRecord(ospec.networkPolicy) ? ospec.networkPolicy : {};
    const procs = base instanceof ProcForest ? base : new ProcForest();
    const idMap = otherForest.idMap();
    for (const dir of ['ingress', 'egress'] as const) {
      if (onp[dir] === null || onp[dir] === undefined) continue;
      const hits = (s: Scope): boolean => s === 'all' || s === dir;
      if (hits(this.disableConns)) continue;
      const list = np[dir];
      if (!(list instanceof NetList)) return true;
      const flags = { ignorePrivate: hits(this.disablePrivate), ignorePublic: hits(this.disablePublic), ignoreProcs: this.disableProcs };
      const otherCtx: NetContext = { ...flags, procs: otherForest, cmpId: (id) => otherForest.byId.get(id)?.mergedId ?? id, identityIds: false };
      const otherList = NetList.parse(onp[dir]);
      otherList.internalMerge(otherCtx);
      for (const node of otherList.nodes) node.mapProcesses(idMap);
      if (!list.absorbsUnchanged(otherList, { ...flags, procs, cmpId: (id) => id, identityIds: true })) return true;
    }
    return false;
  }

  /** Globs made by symmetric merges, with the concrete values they cover. */
  wildcardNotes(): WildcardNote[] {
    const out: WildcardNote[] = [];
    const spec = specOf(this.data);
    for (const [path, from] of this.wildcardFrom) {
      const m = /^spec\.processPolicy\[(.*)\]\.name$/.exec(path);
      let value: unknown;
      if (m !== null) {
        const pp = spec.processPolicy;
        value = pp instanceof ProcForest ? pp.byId.get(m[1] ?? '')?.name : undefined;
      } else {
        value = path.split('.').slice(1).reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), spec);
      }
      if (typeof value === 'string' && /[*?[\]]/.test(value)) out.push({ path, value, from: [...from] });
    }
    return out;
  }

  /** The merged object as plain data (process and network lists printed). */
  toData(): Json {
    return Object.fromEntries(Object.entries(this.data).map(([k, v]) => [k, k === 'spec' ? serializeSpec(v) : cloneJson(v)]));
  }
}

/** A copy of `base` whose process and network lists are the base's own arrays. */
function copySharingLists(base: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(base)) {
    if (k !== 'spec' || !isRecord(v)) {
      out[k] = cloneJson(v);
      continue;
    }
    const spec: Json = {};
    for (const [sk, sv] of Object.entries(v)) {
      if (sk === 'processPolicy' && Array.isArray(sv)) spec[sk] = sv;
      else if (sk === 'networkPolicy' && isRecord(sv)) {
        spec[sk] = Object.fromEntries(Object.entries(sv).map(([d, l]) => [d, Array.isArray(l) ? l : cloneJson(l)]));
      } else spec[sk] = cloneJson(sv);
    }
    out[k] = spec;
  }
  return out;
}

/** The spec as fresh plain data: parsed lists printed, everything else copied. */
function serializeSpec(spec: unknown): unknown {
  if (!isRecord(spec)) return cloneJson(spec);
  const out: Json = {};
  for (const [k, v] of Object.entries(spec)) {
    if (v instanceof ProcForest) out[k] = v.toData();
    else if (k === 'networkPolicy' && isRecord(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([d, l]) => [d, l instanceof NetList ? l.toData() : cloneJson(l)]));
    } else out[k] = cloneJson(v);
  }
  return out;
}
