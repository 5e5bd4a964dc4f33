/**
 * What a policy would have done in enforce mode over recorded deviations:
 * red flags by severity, kill actions by kind, and where (namespaces).
 */
import { compileResponse, firedActions } from '../evaluate/actions.ts';
import type { ActionName, GuardianDeviation, Severity, WorkloadIdentity, WorkloadPolicy, ClusterPolicy } from '../model/types.ts';

/** A recorded deviation occurrence (the data layer's record, reduced to what matters). */
export interface DeviationOccurrence {
  time: number;
  checksum: string;
  namespace?: string;
  clusterName?: string;
  clusterUid?: string;
  deviation?: GuardianDeviation;
}

export interface EnforceImpact {
  deviations: number;
  uniqueDeviations: number;
  redFlags: Partial<Record<Severity, number>>;
  opsFlags: number;
  kills: Partial<Record<'agentKillPod' | 'agentKillProcess' | 'agentKillProcessGroup' | 'agentKillProcessTree', number>>;
  namespaces: string[];
  /** "would have raised 12 red flags (3 critical, 9 high) and killed 3 pods in namespace prod". */
  text: string;
}

const KILL_WORDS: Record<string, [string, string]> = {
  agentKillPod: ['pod', 'pods'],
  agentKillProcess: ['process', 'processes'],
  agentKillProcessGroup: ['process group', 'process groups'],
  agentKillProcessTree: ['process tree', 'process trees'],
};
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function identityOf(d: DeviationOccurrence, type: WorkloadIdentity['type']): WorkloadIdentity {
  const sel = d.deviation?.spec ?? {};
  const scopes = d.deviation?.metadata.scopes ?? {};
  const container = sel.containerSelector ?? scopes.containerSelector;
  const podLabels = (sel.podSelector ?? scopes.podSelector)?.matchLabels;
  const nsLabels = { ...(d.namespace ? { 'kubernetes.io/metadata.name': d.namespace } : {}), ...((sel.namespaceSelector ?? scopes.namespaceSelector)?.matchLabels ?? {}) };
  return {
    type,
    cluster: { ...(d.clusterName ? { name: d.clusterName } : {}), ...(d.clusterUid ? { uid: d.clusterUid } : {}) },
    namespaceLabels: nsLabels,
    ...(podLabels ? { podLabels } : {}),
    ...(container ? { container: { ...(container.image ? { image: container.image } : {}), ...(container.containerName ? { containerName: container.containerName } : {}) } } : {}),
    ...(sel.serviceSelector?.cgroup ? { service: { cgroup: sel.serviceSelector.cgroup } } : {}),
  };
}

function words(impact: Omit<EnforceImpact, 'text'>): string {
  if (impact.deviations === 0) return 'would have done nothing: no deviations were recorded in this period';
  const parts: string[] = [];
  const flags = SEVERITY_ORDER.map((s) => [s, impact.redFlags[s] ?? 0] as const).filter(([, n]) => n > 0);
  const flagTotal = flags.reduce((a, [, n]) => a + n, 0);
  if (flagTotal > 0) {
    const detail = flags.length > 1 ? ` (${flags.map(([s, n]) => `${n} ${s}`).join(', ')})` : flags[0] ? ` ${flags[0][0]}` : '';
    parts.push(flags.length > 1 ? `raised ${plural(flagTotal, 'red flag', 'red flags')}${detail}` : `raised ${flagTotal}${detail} ${flagTotal === 1 ? 'red flag' : 'red flags'}`);
  }
  if (impact.opsFlags > 0) parts.push(`raised ${plural(impact.opsFlags, 'ops flag', 'ops flags')}`);
  const kills = Object.entries(impact.kills).filter(([, n]) => (n ?? 0) > 0);
  for (const [name, n] of kills) {
    const w = KILL_WORDS[name] ?? [name, name];
    parts.push(`killed ${plural(n ?? 0, w[0], w[1])}`);
  }
  if (parts.length === 0) parts.push('taken no action (no response action applies to these workloads)');
  const where = impact.namespaces.length === 0 ? '' : impact.namespaces.length === 1 ? ` in namespace ${impact.namespaces[0]}` : ` across ${impact.namespaces.length} namespaces`;
  const last = parts.pop() ?? '';
  const list = parts.length ? `${parts.join(', ')} and ${last}` : last;
  return `would have ${list}${where}`;
}

/** Replays recorded deviations through the policy's response as if it were enforcing. */
export function enforceImpact(policy: WorkloadPolicy | ClusterPolicy, occurrences: readonly DeviationOccurrence[]): EnforceImpact {
  const compiled = compileResponse(policy.spec.response, 'enforce');
  const type: WorkloadIdentity['type'] = policy.metadata.type === 'linux-service' ? 'linux-service' : 'container';
  const redFlags: Partial<Record<Severity, number>> = {};
  const kills: EnforceImpact['kills'] = {};
  let opsFlags = 0;
  const namespaces = new Set<string>();
  const checksums = new Set<string>();
  for (const d of occurrences) {
    checksums.add(d.checksum);
    const fired = firedActions(compiled, identityOf(d, type), undefined);
    let acted = false;
    for (const f of fired) {
      const name: ActionName = f.action;
      if (name === 'makeRedFlag') {
        const sev = f.entry.makeRedFlag?.severity ?? 'high';
        redFlags[sev] = (redFlags[sev] ?? 0) + 1;
        acted = true;
      } else if (name === 'makeOpsFlag') {
        opsFlags += 1;
        acted = true;
      } else if (name in KILL_WORDS) {
        const k = name as keyof EnforceImpact['kills'];
        kills[k] = (kills[k] ?? 0) + 1;
        acted = true;
      }
    }
    if (acted && d.namespace) namespaces.add(d.namespace);
  }
  const base = { deviations: occurrences.length, uniqueDeviations: checksums.size, redFlags, opsFlags, kills, namespaces: [...namespaces].sort() };
  return { ...base, text: words(base) };
}
