/**
 * A few incidents that make the last 30 days worth looking at: a rollout that pip-installs
 * at start-up, a crypto miner in a web frontend, SSH logins from a public address on a
 * bastion, and an unapproved image in a cluster. Each forces the behaviour into a
 * fingerprint (so data stays consistent) and adds a burst of deviation events.
 */
import type { NetworkPolicy, SpyderbatPolicy } from '../model/types.ts';
import type { IncidentSpec } from './events.ts';
import { addRule, replicaPeers, toRule } from './network.ts';
import type { PolicyPlan } from './policies.ts';
import type { Rng } from './prng.ts';
import { buildProcessPolicy, findNode } from './process-tree.ts';
import type { DeviationDef } from './types.ts';
import type { ReplicaRecord, WorkloadState } from './workloads.ts';

const DAY = 86400;

interface Planned {
  plan: PolicyPlan;
  name: string;
  token: string;
  start: number;
  hours: number;
  share: number;
  flags: IncidentSpec['flags'];
}

export interface IncidentPlan {
  touched: { state: WorkloadState; replica: ReplicaRecord }[];
  specs(defs: readonly DeviationDef[], policies: readonly SpyderbatPolicy[]): IncidentSpec[];
}

/** Local (UTC-8) hour `hour` of the day `daysAgo` days before `now`. */
function at(now: number, daysAgo: number, hour: number): number {
  const local = now - 8 * 3600;
  const dayStart = local - (local % DAY) - daysAgo * DAY;
  return dayStart + hour * 3600 + 8 * 3600;
}

function forceNode(s: WorkloadState, r: ReplicaRecord, name: string): boolean {
  const node = s.inst.all.find((n) => n.name === name);
  if (!node) return false;
  let cur: string | null = node.id;
  while (cur !== null) {
    r.present.add(cur);
    cur = findNode(s.inst, cur)?.parentId ?? null;
  }
  return true;
}

function forceConn(s: WorkloadState, r: ReplicaRecord, test: (c: WorkloadState['conns'][number]) => boolean, rng: Rng): boolean {
  const conn = s.conns.find(test);
  if (!conn) return false;
  r.peers.set(conn, replicaPeers(conn, rng));
  return true;
}

export function planIncidents(plans: readonly PolicyPlan[], now: number, rng: Rng): IncidentPlan {
  const touched: IncidentPlan['touched'] = [];
  const planned: Planned[] = [];
  const active = plans.filter((p) => p.status !== 'Disabled');
  const live = (s: WorkloadState): ReplicaRecord[] => s.replicas.filter((r) => r.live);

  const rollout = active.find((p) => p.state.w.template.key === 'python-api' && p.state.w.role === 'app') ?? null;
  if (rollout) {
    for (const r of live(rollout.state).slice(0, 2)) {
      if (forceNode(rollout.state, r, 'pip')) {
        forceConn(rollout.state, r, (c) => c.template.proc === 'pip', rng);
        touched.push({ state: rollout.state, replica: r });
      }
    }
    planned.push({ plan: rollout, name: 'Rollout installs packages at start-up', token: 'pip', start: at(now, 12, 10), hours: 4, share: 0.05, flags: [] });
  }
  const miner = active.find((p) => p.state.w.template.key === 'node' && p.state.w.role === 'app' && !!p.state.w.namespace?.includes('prod')) ?? active.find((p) => p.state.w.template.key === 'node');
  const minerReplica = miner ? live(miner.state)[0] : undefined;
  if (miner && minerReplica && forceNode(miner.state, minerReplica, 'xmrig')) {
    forceConn(miner.state, minerReplica, (c) => c.template.proc === 'miner', rng);
    touched.push({ state: miner.state, replica: minerReplica });
    planned.push({
      plan: miner,
      name: 'Crypto miner in a web frontend',
      token: 'xmrig',
      start: at(now, 5, 2),
      hours: 6,
      share: 0.04,
      flags: [{ shortName: 'Crypto miner process', severity: 'critical' }, { shortName: 'Connection to a known mining pool', severity: 'critical' }],
    });
    planned.push({ plan: miner, name: 'Mining pool traffic', token: 'pool.supportxmr.com', start: at(now, 5, 2), hours: 6, share: 0.02, flags: [] });
  }
  const ssh = active.find((p) => p.state.w.app === 'ssh.service' && !p.hostGlob) ?? active.find((p) => p.state.w.app === 'ssh.service');
  const bastion = ssh ? (live(ssh.state).find((r) => String(r.fingerprint.metadata.hostname).startsWith('bastion')) ?? live(ssh.state)[0]) : undefined;
  if (ssh && bastion && forceConn(ssh.state, bastion, (c) => c.template.peers.kind === 'public' && !!c.template.extra, rng)) {
    touched.push({ state: ssh.state, replica: bastion });
    planned.push({ plan: ssh, name: 'SSH logins from a public address', token: 'Ingress', start: at(now, 2, 21), hours: 3, share: 0.03, flags: [{ shortName: 'Interactive SSH session from a public address', severity: 'high' }] });
  }

  return {
    touched,
    specs(defs, policies) {
      const out: IncidentSpec[] = [];
      for (const p of planned) {
        const uid = policies.find((x) => x.metadata.name === p.plan.name)?.metadata.uid;
        const idx = defs.flatMap((d, i) => (d.policyUid === uid && (JSON.stringify(d.deviation.spec).includes(p.token) || d.description.startsWith(p.token)) ? [i] : []));
        if (idx.length > 0) out.push({ name: p.name, defs: idx, start: p.start, hours: p.hours, share: p.share, flags: p.flags });
      }
      const cluster = defs.findIndex((d) => d.type === 'cluster');
      if (cluster >= 0) out.push({ name: 'Unapproved image in a cluster', defs: [cluster], start: at(now, 3, 15), hours: 5, share: 0.03, flags: [] });
      return out;
    },
  };
}

/** Rebuilds the specs of fingerprints whose replicas an incident changed. */
export function buildFingerprintSpecs(touched: IncidentPlan['touched']): void {
  for (const { state, replica } of touched) {
    replica.fingerprint.spec.processPolicy = buildProcessPolicy(state.inst, replica.present);
    const net: NetworkPolicy = { ingress: [], egress: [] };
    for (const c of state.conns) {
      const peers = replica.peers.get(c);
      if (peers && peers.length > 0 && replica.present.has(c.procId)) addRule(net, toRule(c, peers));
    }
    replica.fingerprint.spec.networkPolicy = net;
  }
}
