/**
 * A deviation's evidence, from its GuardianDeviation: the process chain it added (under
 * the policy's existing process), the connections, the rule it broke (in words), and
 * what the policy's response does (or, in audit mode, would have done).
 */
import type { DeviationProcessEntry, GuardianDeviation, ProcessNode, Severity, SpyderbatPolicy } from '../../engine/model/types.ts';
import type { EnforceImpact } from '../../engine/impact/index.ts';

export type Kind = 'process' | 'ingress' | 'egress' | 'image' | 'other';

const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

function addsProcess(e: DeviationProcessEntry): boolean {
  return 'policyNode' in e ? nonEmpty(e.policyNode.children) : true;
}

/** Same rule as the mock's `deviation_kind` facet. */
export function kindOf(dev: GuardianDeviation): Kind {
  const spec = dev.spec;
  if (nonEmpty(spec.rules)) return 'image';
  if ((spec.processPolicy ?? []).some(addsProcess)) return 'process';
  if (nonEmpty(spec.networkPolicy?.ingress)) return 'ingress';
  if (nonEmpty(spec.networkPolicy?.egress)) return 'egress';
  return 'other';
}

/** The container image or service a deviation description names. */
export function workloadOf(description: string): string {
  const m = /[Cc]ontainer image "([^"]*)"/.exec(description) ?? /service "([^"]*)"/.exec(description);
  return m?.[1] ?? '';
}

export interface ProcessStep {
  id: string;
  name: string;
  exe: string;
  euser: string;
  /** Already in the policy (the parent the new processes ran under). */
  known: boolean;
  depth: number;
}

function walk(n: ProcessNode, depth: number, out: ProcessStep[]): void {
  out.push({ id: n.id, name: n.name, exe: n.exe.join(', '), euser: (n.euser ?? []).join(', '), known: false, depth });
  for (const c of n.children ?? []) walk(c, depth + 1, out);
}

/** Each added subtree, flattened depth-first under its known parent. */
export function processChains(dev: GuardianDeviation): ProcessStep[][] {
  return (dev.spec.processPolicy ?? []).filter(addsProcess).map((e) => {
    const out: ProcessStep[] = [];
    if ('policyNode' in e) {
      out.push({ id: e.policyNode.id, name: e.policyNode.id, exe: '', euser: '', known: true, depth: 0 });
      for (const c of e.policyNode.children) walk(c, 1, out);
    } else walk(e, 0, out);
    return out;
  });
}

export interface Connection {
  direction: 'ingress' | 'egress';
  peers: string[];
  ports: string[];
  processes: string[];
}

export function connectionsOf(dev: GuardianDeviation): Connection[] {
  const net = dev.spec.networkPolicy ?? {};
  const peer = (p: { ipBlock: { cidr: string; except?: string[] } } | { dnsSelector: string[] }): string =>
    'ipBlock' in p ? `${p.ipBlock.cidr}${p.ipBlock.except?.length ? ` except ${p.ipBlock.except.join(', ')}` : ''}` : p.dnsSelector.join(', ');
  const ports = (ps: { port: number; protocol: string; endPort?: number }[]): string[] => ps.map((p) => `${p.port}${p.endPort ? `-${p.endPort}` : ''}/${p.protocol}`);
  return [
    ...(net.ingress ?? []).map((r): Connection => ({ direction: 'ingress', peers: r.from.map(peer), ports: ports(r.ports), processes: r.processes ?? [] })),
    ...(net.egress ?? []).map((r): Connection => ({ direction: 'egress', peers: r.to.map(peer), ports: ports(r.ports), processes: r.processes ?? [] })),
  ];
}

/** The rule(s) the deviation broke, as sentences about the policy. */
export function brokenRules(dev: GuardianDeviation, policyName: string): string[] {
  const out: string[] = [];
  for (const r of dev.spec.rules ?? []) {
    const ns = r.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
    out.push(`No ${r.verb} rule for ${r.target} in the rulesets of "${policyName}" lists ${r.values.join(', ')}${ns ? ` in namespace ${ns}` : ''}.`);
  }
  for (const chain of processChains(dev)) {
    const parent = chain[0]?.known ? chain[0] : undefined;
    const first = chain.find((s) => !s.known);
    if (!first) continue;
    out.push(
      parent
        ? `The process policy of "${policyName}" has no child "${first.name}" (${first.exe}${first.euser ? `, user ${first.euser}` : ''}) under "${parent.id}".`
        : `The process policy of "${policyName}" has no root process "${first.name}" (${first.exe}).`,
    );
  }
  for (const c of connectionsOf(dev)) {
    const proc = c.processes.length ? ` for process ${c.processes.join(', ')}` : '';
    out.push(`No ${c.direction} rule of "${policyName}" allows ${c.direction === 'ingress' ? 'connections from' : 'connections to'} ${c.peers.join(', ')} on ${c.ports.join(', ')}${proc}.`);
  }
  return out;
}

const ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The most severe red flag the policy's response can raise (null: it raises none). */
export function policySeverity(policy: SpyderbatPolicy | undefined): Severity | null {
  if (!policy) return null;
  const found = [...policy.spec.response.default, ...policy.spec.response.actions].flatMap((a) => (a.makeRedFlag ? [a.makeRedFlag.severity ?? 'high'] : []));
  return ORDER.find((s) => found.includes(s)) ?? null;
}

const KILL: Record<string, string> = { agentKillPod: 'pod', agentKillProcess: 'process', agentKillProcessGroup: 'process group', agentKillProcessTree: 'process tree' };

/**
 * What the response does for one occurrence: "Enforce mode: raised a high red flag and
 * killed the pod." or "Audit mode: would have raised a high red flag; nothing was done."
 */
export function actionsSentence(impact: EnforceImpact, mode: 'audit' | 'enforce'): string {
  const parts: string[] = [];
  for (const s of ORDER) {
    const n = impact.redFlags[s] ?? 0;
    if (n > 0) parts.push(`raised ${n === 1 ? 'a' : n} ${s} red flag${n === 1 ? '' : 's'}`);
  }
  if (impact.opsFlags > 0) parts.push('raised an ops flag');
  for (const [k, n] of Object.entries(impact.kills)) if ((n ?? 0) > 0) parts.push(`killed the ${KILL[k] ?? k}`);
  if (parts.length === 0) return mode === 'enforce' ? 'Enforce mode: no response action applies to this workload.' : 'Audit mode: no response action would apply to this workload.';
  const last = parts.pop() ?? '';
  const list = parts.length ? `${parts.join(', ')} and ${last}` : last;
  return mode === 'enforce' ? `Enforce mode: ${list}.` : `Audit mode: would have ${list}; nothing was done.`;
}
