/**
 * Materialises the fingerprints of every workload: live replicas first, then older
 * rollouts (previous image tags) until the fingerprint budget is reached.
 */
import type { SpyderbatFingerprint } from '../model/types.ts';
import { buildFingerprint, drawPeers } from './fingerprints.ts';
import { instantiateConns, type ConnInstance, type replicaPeers } from './network.ts';
import type { Rng } from './prng.ts';
import { chooseNodes, instantiate, type TemplateInstance } from './process-tree.ts';
import type { Workload } from './topology.ts';

export interface ReplicaRecord {
  fingerprint: SpyderbatFingerprint;
  present: Set<string>;
  peers: Map<ConnInstance, ReturnType<typeof replicaPeers>>;
  live: boolean;
}

export interface WorkloadState {
  w: Workload;
  inst: TemplateInstance;
  conns: ConnInstance[];
  /** Index of the live tag in `w.tags`. */
  liveTag: number;
  replicas: ReplicaRecord[];
}

const DAY = 86400;

export function prepareWorkloads(workloads: readonly Workload[], rng: Rng): WorkloadState[] {
  return workloads.map((w) => {
    const r = rng.fork(w.key);
    const inst = instantiate(w.template.processes);
    const conns = instantiateConns(w.template.network, inst.refs, w.net, r);
    const tags = w.tags ?? [];
    const prod = !w.namespace || /prod/.test(w.namespace) || w.role === 'system';
    const liveTag = tags.length > 1 && prod && r.chance(0.3) ? tags.length - 2 : Math.max(0, tags.length - 1);
    return { w, inst, conns, liveTag, replicas: [] };
  });
}

function addReplica(s: WorkloadState, index: number, tagIndex: number, first: number, latest: number, live: boolean, rng: Rng): void {
  const { w } = s;
  const present = chooseNodes(s.inst, rng);
  const peers = drawPeers(s.conns, present, rng);
  const tag = w.tags?.[tagIndex];
  const host = w.hosts[index % Math.max(1, w.hosts.length)];
  if (!host) return;
  const fingerprint = buildFingerprint(s.inst, s.conns, {
    type: w.template.type,
    clusterName: w.cluster.name,
    clusterUid: w.cluster.uid,
    ...(w.namespace ? { namespace: w.namespace } : {}),
    app: w.app,
    labels: w.labels,
    ...(w.template.type === 'container' ? { image: `${w.repo ?? w.app}:${tag ?? 'latest'}` } : { unit: w.app }),
    host,
    present,
    peers,
    firstTimestamp: first,
    latestTimestamp: latest,
    podHash: `${rng.hex(9)}${tagIndex}`.slice(0, 10),
  }, rng);
  s.replicas.push({ fingerprint, present, peers, live });
}

/** Fills `states` with fingerprints; returns them in a stable order. */
export function materialiseFingerprints(states: readonly WorkloadState[], target: number, now: number, rng: Rng): SpyderbatFingerprint[] {
  const out: SpyderbatFingerprint[] = [];
  const maxReplicas = Math.max(0, ...states.map((s) => s.w.replicas));
  // Live replicas, round-robin so that a small budget still covers many workloads.
  for (let i = 0; i < maxReplicas && out.length < target; i++) {
    for (const s of states) {
      if (out.length >= target) break;
      if (i >= s.w.replicas) continue;
      const r = rng.fork(`${s.w.key}#${i}`);
      const rolledOut = now - DAY * r.int(1, 20) - r.int(0, DAY);
      addReplica(s, i, s.liveTag, rolledOut, now - r.int(5, 900), true, r);
      out.push((s.replicas[s.replicas.length - 1] as ReplicaRecord).fingerprint);
    }
  }
  // Older rollouts: the previous tag (or a restart of the same one), further back in time.
  for (let gen = 1; out.length < target && gen < 64; gen++) {
    let added = 0;
    for (const s of states) {
      if (out.length >= target) break;
      const r = rng.fork(`${s.w.key}@${gen}`);
      const tagIndex = Math.max(0, s.liveTag - gen);
      const end = now - DAY * Math.min(29, gen * r.int(3, 9)) - r.int(0, DAY);
      const start = end - DAY * r.int(2, 12);
      for (let i = 0; i < s.w.replicas && out.length < target; i++) {
        addReplica(s, i, tagIndex, start, end, false, r);
        out.push((s.replicas[s.replicas.length - 1] as ReplicaRecord).fingerprint);
        added++;
      }
    }
    if (added === 0) break;
  }
  return out;
}
