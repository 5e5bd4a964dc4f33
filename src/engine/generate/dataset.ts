/**
 * `generateDataset({seed, scale, now})`: a whole org, deterministic for a seed.
 * scale 1 ≈ 500 fingerprints, 30 policies, 2,500 deviation events; from scale 2 on,
 * 500·s fingerprints, 50·s policies and 10,000·s deviation events (scale 100 gives
 * 50,000 / 5,000 / 1,000,000). Times are epoch seconds relative to `now`.
 */
import type { ClusterPolicy, SpyderbatPolicy, SpyderbatRuleset, WorkloadPolicy } from '../model/types.ts';
import { clusterDeviations, deviationUid, workloadDeviations } from './deviations.ts';
import { deviationAuditEntries, deviationEventId, generateDeviationEvents, generateRedFlags, type IncidentSpec } from './events.ts';
import { buildFingerprintSpecs, planIncidents } from './incidents.ts';
import { buildClusterPolicy, buildWorkloadPolicy, USERS, type PolicyPlan } from './policies.ts';
import { planPolicies } from './plans.ts';
import { Rng } from './prng.ts';
import { TopologyBuilder } from './topology.ts';
import type { AuditEvent, Dataset, DatasetSizes, DeviationDef } from './types.ts';
import { materialiseFingerprints, prepareWorkloads } from './workloads.ts';

export interface GenerateDatasetOptions {
  seed: number;
  /** 1 = the demo org; see the file comment for larger values. Default 1. */
  scale?: number;
  /** Epoch seconds ("now" for the last 30 days). */
  now: number;
  orgUid?: string;
  orgName?: string;
}

export const DEFAULT_ORG = { uid: 'acme-demo', name: 'Acme Corp (demo)' } as const;

export function datasetSizes(scale: number): DatasetSizes {
  if (scale >= 2) return { fingerprints: Math.round(500 * scale), policies: Math.round(50 * scale), deviationEvents: Math.round(10_000 * scale) };
  if (scale >= 1) return { fingerprints: Math.round(500 * scale), policies: Math.round(30 * scale), deviationEvents: Math.round(2_500 * scale) };
  return { fingerprints: Math.max(20, Math.round(500 * scale)), policies: Math.max(6, Math.round(30 * scale)), deviationEvents: Math.max(50, Math.round(2_500 * scale)) };
}

export function generateDataset(options: GenerateDatasetOptions): Dataset {
  const { seed, now } = options;
  const scale = options.scale ?? 1;
  const sizes = datasetSizes(scale);
  const rng = new Rng(seed);
  const tb = new TopologyBuilder(rng.fork('topology'), now);
  tb.addCluster('eks', 0);
  tb.addCluster('kubernetes', 0);
  tb.addCluster('linux', 0);
  const platforms = ['eks', 'kubernetes', 'linux'] as const;
  const extra = scale > 1 ? Math.ceil(3 * Math.sqrt(scale)) - 3 : 0;
  for (let i = 0; i < extra; i++) tb.addCluster(platforms[i % 3] ?? 'eks', Math.floor(i / 3) + 1);
  const k8s = tb.topo.clusters.filter((c) => c.platform !== 'linux');
  for (let i = 0; scale > 1 && tb.liveReplicas() < sizes.fingerprints * 0.6; i++) tb.addNamespaceCopy(k8s[i % k8s.length] ?? (k8s[0] as (typeof k8s)[number]));

  const states = prepareWorkloads(tb.topo.workloads, rng.fork('workloads'));
  const fingerprints = materialiseFingerprints(states, sizes.fingerprints, now, rng.fork('fingerprints'));

  const clusterPolicyCount = Math.min(k8s.length, scale <= 1 ? 2 : Math.ceil(sizes.policies * 0.04));
  const fleets = tb.topo.clusters.filter((c) => c.platform === 'linux').length;
  const plans = planPolicies(states, sizes.policies - clusterPolicyCount, rng.fork('plans'), fleets);
  const incidents = planIncidents(plans, now, rng.fork('incidents'));
  buildFingerprintSpecs(incidents.touched);

  const prng = rng.fork('policies');
  const policies: SpyderbatPolicy[] = [];
  const rulesets: SpyderbatRuleset[] = [];
  const defs: DeviationDef[] = [];
  const planOf = new Map<WorkloadPolicy, PolicyPlan>();
  plans.forEach((plan, i) => {
    const policy = buildWorkloadPolicy(plan, i, prng, now);
    planOf.set(policy, plan);
    policies.push(policy);
  });
  const clusterBuilds = k8s.slice(0, clusterPolicyCount).map((c, i) => ({ cluster: c, build: buildClusterPolicy(c, states, i % 2 === 0 ? 'Auditing' : 'Enforcing', prng, now) }));
  for (const { build } of clusterBuilds) {
    policies.push(build.policy);
    rulesets.push(build.ruleset);
  }

  const drng = rng.fork('deviations');
  const defIndex = new Map<string, number[]>();
  for (const policy of policies) {
    if (policy.spec.enabled === false) continue;
    let found: DeviationDef[] = [];
    if (policy.metadata.type === 'cluster') {
      const cb = clusterBuilds.find((b) => b.build.policy === policy);
      if (cb) found = clusterDeviations(cb.cluster, policy as ClusterPolicy, cb.build.unlisted, drng);
    } else {
      const plan = planOf.get(policy as WorkloadPolicy);
      if (plan) found = workloadDeviations(plan.state, policy as WorkloadPolicy, plan.hostGlob, drng);
    }
    for (const d of found) {
      const list = defIndex.get(d.policyUid) ?? [];
      list.push(defs.length);
      defIndex.set(d.policyUid, list);
      defs.push(d);
    }
  }

  const incidentSpecs: IncidentSpec[] = incidents.specs(defs, policies);
  const erng = rng.fork('events');
  const deviationEvents = generateDeviationEvents(defs, incidentSpecs, sizes.deviationEvents, now, erng);
  const firstSeen = new Map<number, number>();
  for (const ev of deviationEvents) if (!firstSeen.has(ev.def)) firstSeen.set(ev.def, ev.time);
  defs.forEach((d, i) => {
    d.deviation.metadata.uid = deviationUid(d.policyUid, firstSeen.get(i) ?? now, d.checksum);
  });
  const flagging = new Set(policies.filter((p) => p.spec.enabled !== false && p.spec.mode === 'enforce' && p.spec.response.default.some((a) => a.makeRedFlag)).map((p) => p.metadata.uid ?? ''));
  const places = tb.topo.namespaces.map((n) => ({ clusterUid: n.clusterUid, clusterName: n.clusterName, namespace: n.name }));
  const redFlags = generateRedFlags({ defs, events: deviationEvents, flagging, incidents: incidentSpecs, places, scoutCount: Math.round(sizes.deviationEvents * 0.04), now }, erng);

  return {
    seed,
    scale,
    now,
    org: { uid: options.orgUid ?? DEFAULT_ORG.uid, name: options.orgName ?? DEFAULT_ORG.name },
    clusters: tb.topo.clusters,
    namespaces: tb.topo.namespaces,
    machines: tb.topo.machines,
    fingerprints,
    policies,
    rulesets,
    deviations: defs,
    deviationEvents,
    redFlags,
    auditEvents: lifecycleAudit(policies),
  };
}

const CHANGES = ['Merged deviations into the policy', 'Edited the process policy', 'Widened an ingress block to its /24', 'Edited the network policy', 'Updated the response actions'];

/** Policy lifecycle entries: created, then one entry per later version. */
export function lifecycleAudit(policies: readonly SpyderbatPolicy[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const p of policies) {
    const m = p.metadata;
    const uid = m.uid ?? '';
    const created = Number(m.creationTimestamp ?? 0);
    const updated = Number(m.lastUpdatedTimestamp ?? created);
    const version = m.version ?? 1;
    const author = m.createdBy ?? USERS[0] ?? 'unknown';
    out.push({ id: `audit:policy_change:${uid}:1`, time: created, kind: 'policy_change', policyUid: uid, policyName: m.name, user: author, version: 1, description: `Policy "${m.name}" created by ${author} (mode ${p.spec.mode}).` });
    for (let v = 2; v <= version; v++) {
      const t = created + Math.round(((updated - created) * (v - 1)) / (version - 1));
      const last = v === version;
      const user = last ? (m.lastUpdatedBy ?? author) : author;
      const what = last && p.spec.enabled === false ? 'Disabled the policy' : last && p.spec.mode === 'enforce' ? 'Changed mode from audit to enforce' : (CHANGES[(v + m.name.length) % CHANGES.length] ?? 'Edited');
      out.push({ id: `audit:policy_change:${uid}:${v}`, time: t, kind: 'policy_change', policyUid: uid, policyName: m.name, user, version: v, description: `${what} (version ${v}, by ${user}).` });
    }
  }
  return out.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

/** Audit-log entries derived from the i-th deviation event of a dataset. */
export function datasetDeviationAudit(ds: Dataset, index: number): AuditEvent[] {
  const ev = ds.deviationEvents[index];
  const def = ev ? ds.deviations[ev.def] : undefined;
  if (!ev || !def) return [];
  const policy = ds.policies.find((p) => p.metadata.uid === def.policyUid);
  return deviationAuditEntries(def, ev, deviationEventId(def, ev, index), policy?.spec.mode ?? 'audit');
}
