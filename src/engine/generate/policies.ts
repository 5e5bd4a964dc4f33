/**
 * Policies as a team would have built them from the fingerprints: the workload's normal
 * behaviour (template nodes that are not `extra`), pod peers widened to their /24, an
 * image wildcard over the tags seen; modes and `enabled` spread over the three statuses.
 * Cluster policies get a ruleset of the images allowed per namespace group.
 */
import { makeWildcardOf } from '../match/wildcard.ts';
import {
  API_VERSION,
  type ClusterPolicy,
  type NetworkPolicy,
  type PolicyMode,
  type PolicyResponse,
  type RulesetRule,
  type Severity,
  type SpyderbatRuleset,
  type WorkloadPolicy,
} from '../model/types.ts';
import { addRule, policyPeers, toRule } from './network.ts';
import type { Rng } from './prng.ts';
import { buildProcessPolicy, normalNodes } from './process-tree.ts';
import type { GeneratedCluster } from './types.ts';
import type { WorkloadState } from './workloads.ts';

export const USERS = ['alice@acme.example', 'bob@acme.example', 'priya@acme.example', 'spyctl-ci@acme.example'];
const DAY = 86400;

export type Status = 'Enforcing' | 'Auditing' | 'Disabled';

export interface PolicyPlan {
  state: WorkloadState;
  status: Status;
  /** Host glob for service policies scoped to a group of machines. */
  hostGlob?: string;
  name: string;
}

/** Status for the i-th policy: roughly 35 % enforcing, 50 % auditing, 15 % disabled. */
export function statusFor(i: number, rng: Rng): Status {
  if (i % 7 === 1) return 'Disabled';
  if (i % 7 === 0 || i % 7 === 3) return 'Enforcing';
  return rng.chance(0.1) ? 'Enforcing' : 'Auditing';
}

function modeOf(status: Status): { mode: PolicyMode; enabled: boolean } {
  return { mode: status === 'Enforcing' ? 'enforce' : 'audit', enabled: status !== 'Disabled' };
}

function lifecycle(rng: Rng, now: number): Record<string, string | number> {
  const created = now - DAY * rng.int(12, 90) - rng.int(0, DAY);
  const version = rng.int(1, 6);
  const updated = version === 1 ? created : created + Math.floor((now - created) * (0.3 + 0.6 * rng.float()));
  const author = rng.pick(USERS);
  return {
    creationTimestamp: created,
    version,
    createdBy: author,
    lastUpdatedBy: version === 1 ? author : rng.pick(USERS),
    lastUpdatedTimestamp: updated,
  };
}

export function severityOf(response: PolicyResponse): Severity {
  for (const a of response.default) if (a.makeRedFlag) return a.makeRedFlag.severity;
  return 'high';
}

function response(plan: PolicyPlan, rng: Rng): PolicyResponse {
  const severity: Severity = plan.state.w.role === 'system' ? 'medium' : rng.weighted<Severity>([['high', 6], ['critical', 2], ['medium', 2]]);
  const r: PolicyResponse = { default: [{ makeRedFlag: { severity } }], actions: [] };
  if (plan.status !== 'Enforcing') return r;
  const w = plan.state.w;
  if (w.template.type === 'container' && w.namespace && /prod/.test(w.namespace) && rng.chance(0.5)) {
    r.actions.push({ agentKillPod: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': w.namespace } } } });
  } else if (rng.chance(0.5)) {
    r.actions.push({ agentKillProcess: { processSelector: { name: ['nc', 'ncat', 'socat', 'xmrig'] } } });
  }
  return r;
}

export function buildWorkloadPolicy(plan: PolicyPlan, index: number, rng: Rng, now: number): WorkloadPolicy {
  const { w, inst, conns } = plan.state;
  const normal = normalNodes(inst);
  const networkPolicy: NetworkPolicy = { ingress: [], egress: [] };
  for (const c of conns) if (!c.template.extra && normal.has(c.procId)) addRule(networkPolicy, toRule(c, policyPeers(c)));
  const { mode, enabled } = modeOf(plan.status);
  const metadata = { name: plan.name, type: w.template.type, uid: `pol:${rng.base62(20)}`, ...lifecycle(rng, now) };
  if (w.template.type === 'container') {
    const images = [...new Set(plan.state.replicas.map((r) => String(r.fingerprint.metadata.image)))].sort();
    const image = images.length > 1 ? (makeWildcardOf(images) ?? `${w.repo ?? w.app}:*`) : (images[0] ?? `${w.repo ?? w.app}:*`);
    return {
      apiVersion: API_VERSION,
      kind: 'SpyderbatPolicy',
      metadata: { ...metadata, type: 'container' },
      spec: {
        containerSelector: { image },
        ...(w.namespace ? { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': w.namespace } } } : {}),
        ...(index % 3 === 0 ? { podSelector: { matchLabels: { app: w.app } } } : {}),
        enabled,
        mode,
        processPolicy: buildProcessPolicy(inst, normal),
        networkPolicy,
        response: response(plan, rng),
      },
    };
  }
  return {
    apiVersion: API_VERSION,
    kind: 'SpyderbatPolicy',
    metadata: { ...metadata, type: 'linux-service' },
    spec: {
      ...(plan.hostGlob ? { machineSelector: { hostname: plan.hostGlob } } : {}),
      serviceSelector: { cgroup: `systemd:/system.slice/${w.app}` },
      enabled,
      mode,
      processPolicy: buildProcessPolicy(inst, normal),
      networkPolicy,
      response: response(plan, rng),
    },
  };
}

/** Namespace groups of a cluster ruleset, as `spyctl create cluster-policy --namespace` would scope them. */
function nsGroup(ns: string): string {
  if (ns === 'kube-system') return 'system';
  if (/-prod(-\d+)?$/.test(ns)) return 'prod';
  if (/-(dev|staging)(-\d+)?$/.test(ns)) return 'nonprod';
  return 'shared';
}

export interface ClusterPolicyBuild {
  policy: ClusterPolicy;
  ruleset: SpyderbatRuleset;
  /** (namespace, image) pairs seen in the cluster but left out of the ruleset. */
  unlisted: { namespace: string; image: string }[];
}

export function buildClusterPolicy(cluster: GeneratedCluster, states: readonly WorkloadState[], status: Status, rng: Rng, now: number): ClusterPolicyBuild {
  const byGroup = new Map<string, { namespaces: Set<string>; images: Set<string> }>();
  const pairs: { namespace: string; image: string }[] = [];
  for (const s of states) {
    if (s.w.cluster.uid !== cluster.uid || !s.w.namespace) continue;
    for (const r of s.replicas) {
      if (!r.live) continue;
      const image = String(r.fingerprint.metadata.image);
      pairs.push({ namespace: s.w.namespace, image });
    }
  }
  // Leave a few recent non-prod images out: the ruleset predates them, so they deviate.
  const candidates = [...new Set(pairs.filter((p) => nsGroup(p.namespace) !== 'system' && nsGroup(p.namespace) !== 'prod').map((p) => `${p.namespace}|${p.image}`))].sort();
  const left = new Set(rng.sample(candidates, Math.min(3, candidates.length)));
  const unlisted: { namespace: string; image: string }[] = [];
  for (const p of pairs) {
    const key = `${p.namespace}|${p.image}`;
    if (left.has(key)) {
      if (!unlisted.some((u) => `${u.namespace}|${u.image}` === key)) unlisted.push(p);
      continue;
    }
    const g = nsGroup(p.namespace);
    const entry = byGroup.get(g) ?? { namespaces: new Set<string>(), images: new Set<string>() };
    entry.namespaces.add(p.namespace);
    entry.images.add(p.image);
    byGroup.set(g, entry);
  }
  const rules: RulesetRule[] = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, e]) => ({
      namespaceSelector:
        e.namespaces.size === 1
          ? { matchLabels: { 'kubernetes.io/metadata.name': [...e.namespaces][0] ?? '' } }
          : { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In' as const, values: [...e.namespaces].sort() }] },
      target: 'container::image' as const,
      verb: 'allow' as const,
      values: [...e.images].sort(),
    }));
  rules.push({ target: 'container::image', verb: 'deny', values: ['*:latest'] });
  const rsName = `${cluster.name}_ruleset`;
  const life = lifecycle(rng, now);
  const ruleset: SpyderbatRuleset = {
    apiVersion: API_VERSION,
    kind: 'SpyderbatRuleset',
    metadata: { name: rsName, type: 'cluster', uid: `rs:${rng.base62(20)}`, ...life },
    spec: { rules },
  };
  const { mode, enabled } = modeOf(status);
  const actions = status === 'Enforcing' ? [{ agentKillPod: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments-prod' } } } }] : [];
  const policy: ClusterPolicy = {
    apiVersion: API_VERSION,
    kind: 'SpyderbatPolicy',
    metadata: { name: `${cluster.name}-cluster-policy`, type: 'cluster', uid: `pol:${rng.base62(20)}`, ...life },
    spec: {
      clusterSelector: { matchFields: { name: cluster.name } },
      enabled,
      mode,
      rulesets: [rsName],
      response: { default: [{ makeRedFlag: { severity: 'high' } }], actions },
    },
  };
  return { policy, ruleset, unlisted };
}
