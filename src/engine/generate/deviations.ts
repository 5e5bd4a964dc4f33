/**
 * Deviation definitions: what a policy does not allow but its workloads did. For a
 * generated workload policy these are the `extra` processes and connections that some
 * in-scope replica showed; for a cluster policy, images missing from its ruleset.
 */
import { fnmatch } from '../match/fnmatch.ts';
import {
  API_VERSION,
  type ClusterPolicy,
  type DeviationProcessEntry,
  type GuardianDeviation,
  type NetworkPolicy,
  type ProcessNode,
  type WorkloadPolicy,
} from '../model/types.ts';
import { toRule } from './network.ts';
import { severityOf } from './policies.ts';
import type { Rng } from './prng.ts';
import { findNode, toProcessNode } from './process-tree.ts';
import type { DeviationDef, GeneratedCluster } from './types.ts';
import type { ReplicaRecord, WorkloadState } from './workloads.ts';

export function deviationUid(policyUid: string, time: number, checksum: string): string {
  return `audit:guardian_deviation:${policyUid.replace(/^pol:/, '')}:${Math.floor(time)}:${checksum.slice(0, 8)}`;
}

function subjectOf(r: ReplicaRecord): string {
  return String(r.fingerprint.metadata.type === 'container' ? r.fingerprint.metadata.image : r.fingerprint.metadata.name);
}

function where(s: WorkloadState, r: ReplicaRecord): string {
  const m = r.fingerprint.metadata;
  return s.w.template.type === 'container'
    ? `container image "${String(m.image)}" ns:"${s.w.namespace ?? ''}" cluster:"${s.w.cluster.name}"`
    : `service "${s.w.app}" host:"${String(m.hostname)}"`;
}

function envelope(policy: WorkloadPolicy | ClusterPolicy, checksum: string, spec: GuardianDeviation['spec'], scopes?: GuardianDeviation['metadata']['scopes']): GuardianDeviation {
  return {
    apiVersion: API_VERSION,
    kind: 'GuardianDeviation',
    metadata: {
      type: policy.metadata.type,
      policy_uid: policy.metadata.uid ?? '',
      checksum,
      // Replaced by the first occurrence's uid once events exist.
      uid: deviationUid(policy.metadata.uid ?? '', 0, checksum),
      ...(scopes ? { scopes } : {}),
    },
    spec,
  };
}

/** Replicas a policy's selectors cover (workload policies are built per workload). */
export function inScope(s: WorkloadState, hostGlob: string | undefined): ReplicaRecord[] {
  if (!hostGlob) return s.replicas;
  return s.replicas.filter((r) => fnmatch(String(r.fingerprint.metadata.hostname), hostGlob));
}

export function workloadDeviations(s: WorkloadState, policy: WorkloadPolicy, hostGlob: string | undefined, rng: Rng): DeviationDef[] {
  const replicas = inScope(s, hostGlob);
  const out: DeviationDef[] = [];
  const base = (r: ReplicaRecord, description: string, deviation: GuardianDeviation): DeviationDef => ({
    checksum: deviation.metadata.checksum ?? '',
    policyUid: policy.metadata.uid ?? '',
    policyName: policy.metadata.name,
    type: policy.metadata.type,
    clusterUid: s.w.cluster.uid,
    clusterName: s.w.cluster.name,
    ...(s.w.namespace ? { namespace: s.w.namespace } : {}),
    muid: String(r.fingerprint.metadata.muid),
    subject: subjectOf(r),
    description,
    severity: severityOf(policy.spec.response),
    deviation,
  });
  for (const n of s.inst.all) {
    if (!n.extra) continue;
    const hit = findNode(s.inst, n.id);
    if (!hit || (hit.parentId !== null && !isNormalChain(s, hit.parentId))) continue;
    const r = replicas.find((x) => x.present.has(n.id));
    if (!r) continue;
    const node = toProcessNode(n, r.present);
    const entry: DeviationProcessEntry = hit.parentId === null ? node : { policyNode: { id: hit.parentId, children: [node] } };
    const checksum = rng.hex(32);
    // Connections of the new processes belong to the same deviation.
    const subtree = new Set(subtreeIds(node));
    const net: Partial<NetworkPolicy> = {};
    for (const c of s.conns) {
      const peers = r.peers.get(c);
      if (!subtree.has(c.procId) || !peers) continue;
      const rule = toRule(c, peers);
      if (rule.dir === 'ingress') (net.ingress ??= []).push(rule.rule);
      else (net.egress ??= []).push(rule.rule);
    }
    const parent = hit.parentId ? findNode(s.inst, hit.parentId)?.node.name : undefined;
    const kids = (node.children ?? []).map((c) => `"${c.name}"`).join(', ');
    out.push(base(r, `Process "${n.name}" (${n.exe})${kids ? ` running ${kids}` : ''}${parent ? ` under "${parent}"` : ''} in ${where(s, r)} deviated from policy "${policy.metadata.name}".`, envelope(policy, checksum, { processPolicy: [entry], ...(net.ingress || net.egress ? { networkPolicy: net } : {}) })));
  }
  for (const c of s.conns) {
    if (!c.template.extra || !isNormalChain(s, c.procId)) continue;
    const r = replicas.find((x) => x.peers.has(c) && x.present.has(c.procId));
    const peers = r?.peers.get(c);
    if (!r || !peers) continue;
    const rule = toRule(c, peers);
    const networkPolicy: Partial<NetworkPolicy> = rule.dir === 'ingress' ? { ingress: [rule.rule] } : { egress: [rule.rule] };
    const peerText = peers.map((p) => ('ipBlock' in p ? p.ipBlock.cidr : p.dnsSelector.join(','))).join(', ');
    const port = c.template.ports.map((p) => `${p.port}/${p.protocol}`).join(',');
    const checksum = rng.hex(32);
    const desc = `${rule.dir === 'ingress' ? 'Ingress connection from' : 'Egress connection to'} ${peerText} on ${port} by process "${c.procId}" in ${where(s, r)} deviated from policy "${policy.metadata.name}".`;
    // Names the existing process the connection belongs to, so the deviation stands alone.
    out.push(base(r, desc, envelope(policy, checksum, { processPolicy: [{ policyNode: { id: c.procId, children: [] } }], networkPolicy })));
  }
  return out;
}

function subtreeIds(n: ProcessNode): string[] {
  return [n.id, ...(n.children ?? []).flatMap(subtreeIds)];
}

function isNormalChain(s: WorkloadState, id: string): boolean {
  let cur: string | null = id;
  while (cur !== null) {
    const hit = findNode(s.inst, cur);
    if (!hit || hit.node.extra) return false;
    cur = hit.parentId;
  }
  return true;
}

export function clusterDeviations(cluster: GeneratedCluster, policy: ClusterPolicy, unlisted: readonly { namespace: string; image: string }[], rng: Rng): DeviationDef[] {
  return unlisted.map((u) => {
    const checksum = rng.hex(32);
    const namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': u.namespace } };
    const deviation = envelope(
      policy,
      checksum,
      { rules: [{ namespaceSelector, target: 'container::image', verb: 'allow', values: [u.image] }] },
      { namespaceSelector, clusterSelector: { matchFields: { name: cluster.name, uid: cluster.uid } } },
    );
    return {
      checksum,
      policyUid: policy.metadata.uid ?? '',
      policyName: policy.metadata.name,
      type: 'cluster' as const,
      clusterUid: cluster.uid,
      clusterName: cluster.name,
      namespace: u.namespace,
      subject: u.image,
      description: `Container image "${u.image}" ns:"${u.namespace}" cluster:"${cluster.name}" deviated from policy "${policy.metadata.name}".`,
      severity: severityOf(policy.spec.response),
      deviation,
    };
  });
}

/** Adds a process under `parentId` (or as a root) to a fingerprint, as an incident would. */
export function injectProcess(r: ReplicaRecord, parentId: string | null, node: ProcessNode): void {
  const roots = r.fingerprint.spec.processPolicy;
  if (parentId === null) {
    roots.push(node);
    return;
  }
  const visit = (nodes: ProcessNode[]): boolean => {
    for (const n of nodes) {
      if (n.id === parentId) {
        n.children = [...(n.children ?? []), node];
        return true;
      }
      if (visit(n.children ?? [])) return true;
    }
    return false;
  };
  visit(roots);
}
