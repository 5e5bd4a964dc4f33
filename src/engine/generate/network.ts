/**
 * Network peers for generated workloads. Pod peers come from a few /24 subnets chosen
 * per workload, so replicas talk to different addresses in the same /24 and the
 * generated policy allows the /24; LAN peers sit in 10.20.0.0/16; public peers in
 * documentation ranges.
 */
import type { EgressRule, IngressRule, NetworkPolicy, Peer, PortRange } from '../model/types.ts';
import type { ConnTemplate } from './catalog.ts';
import type { Rng } from './prng.ts';

export interface ConnInstance {
  template: ConnTemplate;
  procId: string;
  /** /24 prefixes ("10.244.3") that pod or LAN peers are drawn from. */
  subnets: string[];
  /** Fixed public addresses for an extra public connection (the same across replicas). */
  publicIps: string[];
}

export interface NetSpace {
  /** /24 prefixes of the cluster's pod network, e.g. "10.244.3". */
  podSubnets: readonly string[];
  /** /24 prefixes of the host LAN. */
  lanSubnets: readonly string[];
}

const PUBLIC_PREFIXES = ['203.0.113', '198.51.100', '192.0.2'];

export function publicIp(rng: Rng): string {
  return `${rng.pick(PUBLIC_PREFIXES)}.${rng.int(2, 254)}`;
}

export function instantiateConns(templates: readonly ConnTemplate[], refs: ReadonlyMap<string, string>, space: NetSpace, rng: Rng): ConnInstance[] {
  const out: ConnInstance[] = [];
  for (const t of templates) {
    const procId = refs.get(t.proc);
    if (!procId) continue;
    const pool = t.peers.kind === 'lan' ? space.lanSubnets : space.podSubnets;
    const subnets = t.peers.kind === 'pods' || t.peers.kind === 'lan' ? rng.sample(pool, t.peers.max > 8 ? 2 : 1) : [];
    const publicIps = t.peers.kind === 'public' ? Array.from({ length: rng.int(t.peers.min, t.peers.max) }, () => publicIp(rng)) : [];
    out.push({ template: t, procId, subnets, publicIps });
  }
  return out;
}

function distinctIps(subnets: readonly string[], count: number, rng: Rng): string[] {
  const seen = new Set<string>();
  const limit = subnets.length * 250;
  while (seen.size < Math.min(count, limit)) seen.add(`${rng.pick(subnets)}.${rng.int(2, 254)}`);
  return [...seen];
}

const ipPeer = (cidr: string): Peer => ({ ipBlock: { cidr } });

/** The peers one replica saw on a connection. */
export function replicaPeers(conn: ConnInstance, rng: Rng, countOverride?: number): Peer[] {
  const p = conn.template.peers;
  switch (p.kind) {
    case 'pods':
    case 'lan':
      return distinctIps(conn.subnets, countOverride ?? rng.int(p.min, p.max), rng).map((ip) => ipPeer(`${ip}/32`));
    case 'public': {
      if (conn.template.extra) return conn.publicIps.map((ip) => ipPeer(`${ip}/32`));
      const n = countOverride ?? rng.int(p.min, p.max);
      const ips = new Set<string>();
      while (ips.size < n) ips.add(publicIp(rng));
      return [...ips].map((ip) => ipPeer(`${ip}/32`));
    }
    case 'dns':
      return p.names.map((name) => ({ dnsSelector: [name] }));
    case 'cidr':
      return p.cidrs.map(ipPeer);
  }
}

/** The peers a generated policy allows for a connection. */
export function policyPeers(conn: ConnInstance): Peer[] {
  const p = conn.template.peers;
  switch (p.kind) {
    case 'pods':
      return conn.subnets.map((s) => ipPeer(`${s}.0/24`));
    case 'lan':
      return [ipPeer('10.20.0.0/16')];
    case 'public':
      return [ipPeer('0.0.0.0/0')];
    case 'dns':
      return p.names.map((name) => ({ dnsSelector: [name] }));
    case 'cidr':
      return p.cidrs.map(ipPeer);
  }
}

const copyPorts = (ports: readonly PortRange[]): PortRange[] => ports.map((x) => ({ ...x }));

export function toRule(conn: ConnInstance, peers: Peer[]): { dir: 'ingress'; rule: IngressRule } | { dir: 'egress'; rule: EgressRule } {
  const ports = copyPorts(conn.template.ports);
  const processes = [conn.procId];
  return conn.template.dir === 'ingress'
    ? { dir: 'ingress', rule: { from: peers, ports, processes } }
    : { dir: 'egress', rule: { to: peers, ports, processes } };
}

export function addRule(net: NetworkPolicy, r: ReturnType<typeof toRule>): void {
  if (r.dir === 'ingress') net.ingress.push(r.rule);
  else net.egress.push(r.rule);
}

export function peerCount(net: NetworkPolicy): number {
  let n = 0;
  for (const r of net.ingress) n += r.from.length;
  for (const r of net.egress) n += r.to.length;
  return n;
}
