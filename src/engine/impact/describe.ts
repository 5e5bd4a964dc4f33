/** Policies in words: selectors and response actions, for overview pages. */
import type { ClusterPolicySpec, LabelSelector, ResponseAction, SpyderbatPolicy, WorkloadPolicySpec } from '../model/types.ts';

function labels(sel: LabelSelector | undefined): string[] {
  if (!sel) return [];
  const out = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    out.push(e.operator === 'Exists' || e.operator === 'DoesNotExist' ? `${e.key} ${e.operator}` : `${e.key} ${e.operator} (${(e.values ?? []).join(', ')})`);
  }
  return out;
}

/** Short selector summary for a table cell: image glob, namespace, cgroup, cluster. */
export function selectorSummary(policy: SpyderbatPolicy): string {
  const spec = policy.spec as unknown as Record<string, unknown> & Partial<WorkloadPolicySpec> & Partial<ClusterPolicySpec>;
  const parts: string[] = [];
  const c = spec.containerSelector;
  if (c?.image) parts.push(c.image);
  if (c?.containerName) parts.push(`container ${c.containerName}`);
  const svc = spec.serviceSelector;
  if (svc?.cgroup) parts.push(svc.cgroup);
  const ns = spec.namespaceSelector;
  const nsName = ns?.matchLabels?.['kubernetes.io/metadata.name'];
  if (nsName) parts.push(`ns ${nsName}`);
  else if (ns) parts.push(`ns ${labels(ns).join(', ')}`);
  const cluster = spec.clusterSelector?.matchFields;
  if (cluster?.name) parts.push(`cluster ${cluster.name}`);
  if (Array.isArray(spec.rulesets)) parts.push(`rulesets ${spec.rulesets.join(', ')}`);
  return parts.join(' · ') || 'every workload of its type';
}

/** One sentence per selector, e.g. "Containers whose image matches docker.io/library/nginx:*". */
export function selectorSentences(policy: SpyderbatPolicy): string[] {
  const spec = policy.spec as unknown as Record<string, unknown>;
  const out: string[] = [];
  const c = spec.containerSelector as Record<string, string> | undefined;
  if (c) {
    for (const [k, v] of Object.entries(c)) if (typeof v === 'string') out.push(`Containers whose ${k} matches ${v}`);
  }
  const s = spec.serviceSelector as Record<string, string> | undefined;
  if (s?.cgroup) out.push(`Linux services whose cgroup matches ${s.cgroup}`);
  const ns = labels(spec.namespaceSelector as LabelSelector | undefined);
  if (ns.length) out.push(`In namespaces labelled ${ns.join(' and ')}`);
  const pod = labels(spec.podSelector as LabelSelector | undefined);
  if (pod.length) out.push(`In pods labelled ${pod.join(' and ')}`);
  const m = spec.machineSelector as { hostname?: string | string[] } | undefined;
  if (m?.hostname) out.push(`On hosts named ${[m.hostname].flat().join(' or ')}`);
  const cl = (spec.clusterSelector as { matchFields?: Record<string, string> } | undefined)?.matchFields;
  if (cl) out.push(`In clusters with ${Object.entries(cl).map(([k, v]) => `${k} ${v}`).join(' and ')}`);
  return out.length ? out : ['Every workload of its type (no selector narrows it)'];
}

const ACTION_WORDS: Record<string, string> = {
  makeRedFlag: 'raise a red flag',
  makeOpsFlag: 'raise an ops flag',
  agentKillPod: 'kill the pod',
  agentKillProcess: 'kill the process',
  agentKillProcessGroup: 'kill the process group',
  agentKillProcessTree: 'kill the process tree',
  agentReniceProcess: 'renice the process',
  webhook: 'call a webhook',
};

export function actionSentence(entry: ResponseAction): string {
  for (const [name, words] of Object.entries(ACTION_WORDS)) {
    const body = (entry as Record<string, unknown>)[name];
    if (body === undefined) continue;
    const b = (body ?? {}) as Record<string, unknown>;
    const sev = typeof b.severity === 'string' ? ` (${b.severity})` : '';
    const scope = ['namespaceSelector', 'podSelector', 'containerSelector', 'processSelector', 'clusterSelector', 'machineSelector', 'serviceSelector']
      .flatMap((k) => {
        const v = (entry as Record<string, unknown>)[k] ?? b[k];
        if (!v || typeof v !== 'object') return [];
        const l = labels(v);
        const fields = Object.entries(v).flatMap(([f, x]: [string, unknown]) => (!f.startsWith('match') && (typeof x === 'string' || Array.isArray(x)) ? [`${f} ${[x].flat().map(String).join('|')}`] : []));
        return [`${k.replace('Selector', '')} ${[...l, ...fields].join(', ')}`];
      });
    const disabled = b.enabled === false ? ' — disabled' : '';
    return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}${sev}${scope.length ? ` for ${scope.join('; ')}` : ''}${disabled}`;
  }
  return 'Unknown action';
}
