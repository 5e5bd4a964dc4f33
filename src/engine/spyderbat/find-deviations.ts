/**
 * Which fingerprints deviate from a policy (reference §5: "Is X a deviation?
 * Iff merging X into the policy changes the spec"), what is new in each, and
 * the response actions that would fire.
 *
 * Choices:
 * - The comparison is against the policy merged with nothing (normalised), so
 *   an unsorted exe list in the policy does not make every fingerprint deviate,
 *   and only `processPolicy` / `networkPolicy` count: selector changes are scope,
 *   not behaviour (an out-of-scope fingerprint is filtered out instead).
 * - Default scope: fingerprints of the policy's type that its selectors select
 *   (match/selectors.ts over evaluate's fingerprint identity); `opts.scope`
 *   replaces that.
 * - Actions follow seed 001 as the evaluate area does: scoped `actions` whose
 *   selectors match fire; when none does, the `default` list fires.
 */
import { compileSelectors, pickSelectors } from '../match/selectors.ts';
import type { ProcessInfo } from '../match/selectors.ts';
import type { Protocol, ResponseAction, Severity, SpyderbatFingerprint, WorkloadIdentity, WorkloadPolicy } from '../model/types.ts';
import type { ProcessNode } from '../model/types.ts';
import { compileResponse, firedActions } from '../evaluate/actions.ts';
import { identityOfFingerprint } from '../evaluate/scope.ts';
import { addedAtoms, atomIndex } from './diff-structured.ts';
import type { AtomIndex } from './diff-structured.ts';
import { canonicalJson, isRecord, jsonEqual, specOf } from './inputs.ts';
import type { Json } from './inputs.ts';
import { MergeState } from './merge-state.ts';
import type { DeviationItem, FingerprintDeviation, FiredAction } from './types.ts';

export interface FindDeviationsOptions {
  scope?: (fp: SpyderbatFingerprint) => boolean;
}

function children(n: Json): Json[] {
  return Array.isArray(n.children) ? n.children.filter(isRecord) : [];
}

function withoutChildren(n: Json): Json {
  const { children: _c, ...rest } = n;
  return rest;
}

function indexNodes(nodes: readonly Json[], out: Map<string, Json>, depth = 0): Map<string, Json> {
  if (depth > 200) return out;
  for (const n of nodes) {
    out.set(String(n.id), n);
    indexNodes(children(n), out, depth + 1);
  }
  return out;
}

function processItems(before: Map<string, Json>, nodes: readonly Json[], path: string[], parentId: string | undefined, out: DeviationItem[], depth = 0): void {
  if (depth > 200) return;
  for (const n of nodes) {
    const id = String(n.id);
    const here = [...path, String(n.name)];
    const old = before.get(id);
    const parent = parentId !== undefined ? { parentId } : {};
    if (old === undefined) {
      out.push({ kind: 'process', path: here, node: n as unknown as ProcessNode, ...parent });
      continue;
    }
    const oldFields = withoutChildren(old);
    const newFields = withoutChildren(n);
    // jsonEqual implies equal canonical texts; print only when it says no.
    if (!jsonEqual(oldFields, newFields) && canonicalJson(oldFields) !== canonicalJson(newFields)) {
      out.push({ kind: 'process', path: here, node: withoutChildren(n) as unknown as ProcessNode, ...parent });
    }
    processItems(before, children(n), here, id, out, depth + 1);
  }
}

type AtomKeys = Readonly<Record<'ingress' | 'egress', AtomIndex>>;

function networkItems(before: AtomKeys, after: Json, out: DeviationItem[]): void {
  for (const dir of ['ingress', 'egress'] as const) {
    for (const a of addedAtoms(before[dir], after)) {
      const peer = isRecord(a.peer.ipBlock) ? String(a.peer.ipBlock.cidr) : Array.isArray(a.peer.dnsSelector) ? String(a.peer.dnsSelector[0]) : '';
      const port = Number(a.port.port);
      const endPort = typeof a.port.endPort === 'number' && a.port.endPort !== port ? { endPort: a.port.endPort } : {};
      out.push({ kind: dir, peer, port, ...endPort, protocol: String(a.port.protocol) as Protocol, ...(a.process !== undefined ? { process: a.process } : {}) });
    }
  }
}

function scalarText(v: unknown, fallback: string): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
}

const DESCRIPTIONS: Readonly<Record<string, (body: Json) => string>> = {
  makeRedFlag: (b) => `Red flag (${scalarText(b.severity, 'unspecified')} severity)`,
  makeOpsFlag: (b) => `Ops flag (${scalarText(b.severity, 'unspecified')} severity)`,
  agentKillPod: () => 'Kill the pod',
  agentKillProcess: () => 'Kill the process',
  agentKillProcessGroup: () => 'Kill the process group',
  agentKillProcessTree: () => 'Kill the process tree',
  agentReniceProcess: (b) => `Renice the process (priority ${scalarText(b.priority, '?')})`,
  webhook: (b) => `Webhook to ${scalarText(b.urlDestination, '?')}`,
};

function toFired(action: string, source: string, wouldHave: boolean, entry: ResponseAction): FiredAction {
  const raw = (entry as Record<string, unknown>)[action];
  const body = isRecord(raw) ? raw : {};
  const severity = typeof body.severity === 'string' ? { severity: body.severity as Severity } : {};
  const describe = DESCRIPTIONS[action] ?? (() => action);
  return { action: action as FiredAction['action'], ...severity, scoped: source === 'actions', wouldHave, description: describe(body) };
}

/** Each node's first euser, inherited from the parent when the node omits it. */
function eusersOf(nodes: readonly Json[], inherited: string, out: Map<string, string>, depth = 0): Map<string, string> {
  if (depth > 200) return out;
  for (const n of nodes) {
    const own = Array.isArray(n.euser) && n.euser.length > 0 ? String(n.euser[0]) : inherited;
    out.set(String(n.id), own);
    eusersOf(children(n), own, out, depth + 1);
  }
  return out;
}

function procInfo(node: Json | undefined, eusers: ReadonlyMap<string, string>): ProcessInfo | undefined {
  if (node === undefined) return undefined;
  const exe = Array.isArray(node.exe) ? String(node.exe[0] ?? '') : '';
  return { name: String(node.name), exe, euser: eusers.get(String(node.id)) ?? '' };
}

export function findDeviations(
  policy: WorkloadPolicy,
  fingerprints: readonly SpyderbatFingerprint[],
  opts: FindDeviationsOptions = {},
): FingerprintDeviation[] {
  const pol = policy as unknown as Json;
  const type = policy.metadata.type;
  const normalizer = new MergeState(pol);
  normalizer.merge({ kind: 'SpyderbatFingerprint', metadata: { type }, spec: { processPolicy: [], networkPolicy: { ingress: [], egress: [] } } }, false);
  const normal = normalizer.toData();
  const normalSpec = specOf(normal);
  const beforeAtoms: AtomKeys = { ingress: atomIndex(normalSpec, 'ingress'), egress: atomIndex(normalSpec, 'egress') };
  const before = indexNodes(Array.isArray(normalSpec.processPolicy) ? normalSpec.processPolicy.filter(isRecord) : [], new Map());
  const selects = compileSelectors(pickSelectors(policy.spec as unknown as Json));
  const scope = opts.scope;
  const response = compileResponse(policy.spec.response, policy.spec.mode === 'enforce' ? 'enforce' : 'audit');
  const out: FingerprintDeviation[] = [];
  fingerprints.forEach((fp, fingerprintIndex) => {
    if (!isRecord(fp) || !isRecord(fp.spec) || !isRecord(fp.metadata) || fp.metadata.type !== type) return;
    // The default scope needs the identity, which the actions need again.
    let identity: WorkloadIdentity | undefined;
    if (scope !== undefined) {
      if (!scope(fp)) return;
    } else {
      identity = identityOfFingerprint(fp);
      if (!selects(identity)) return;
    }
    if (!normalizer.wouldChange(fp)) return;
    const state = new MergeState(normal, true);
    state.merge(fp, false, fingerprintIndex);
    const afterSpec = specOf(state.toData());
    if (jsonEqual(normalSpec.processPolicy, afterSpec.processPolicy) && jsonEqual(normalSpec.networkPolicy, afterSpec.networkPolicy)) return;
    const items: DeviationItem[] = [];
    const afterNodes = Array.isArray(afterSpec.processPolicy) ? afterSpec.processPolicy.filter(isRecord) : [];
    processItems(before, afterNodes, [], undefined, items);
    networkItems(beforeAtoms, afterSpec, items);
    identity ??= identityOfFingerprint(fp);
    const afterIndex = indexNodes(afterNodes, new Map());
    const eusers = eusersOf(afterNodes, '', new Map());
    const fired = new Map<string, FiredAction>();
    const procs = items.map((it) =>
      procInfo(it.kind === 'process' ? (it.node as unknown as Json) : it.process !== undefined ? afterIndex.get(it.process) : undefined, eusers),
    );
    for (const proc of procs.length > 0 ? procs : [undefined]) {
      for (const f of firedActions(response, identity, proc)) {
        const key = `${f.source}:${f.index}`;
        if (!fired.has(key)) fired.set(key, toFired(f.action, f.source, f.wouldHave, f.entry));
      }
    }
    out.push({ fingerprintIndex, name: String(fp.metadata.name), items, actions: [...fired.values()] });
  });
  return out;
}
