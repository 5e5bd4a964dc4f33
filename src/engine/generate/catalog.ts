/**
 * Workload templates for the generator: what nginx, a Python web server, mongo, coredns,
 * kube-proxy, sshd … look like at runtime (process trees, listening sockets, peers).
 * Nodes marked `extra` run only in some replicas and are left out of generated policies,
 * so they become deviations; `p` is the chance that a replica shows the node at all.
 */
import type { PortRange } from '../model/types.ts';

export interface ProcTemplate {
  name: string;
  exe: string;
  /** Effective user; inherited from the parent when omitted (roots default to root). */
  euser?: string;
  listen?: PortRange[];
  children?: ProcTemplate[];
  /** Chance that a replica runs this process (default 1). */
  p?: number;
  /** Not part of the workload's normal behaviour: generated policies leave it out. */
  extra?: boolean;
  /** Label used by network templates to name the process that owns a connection. */
  ref?: string;
}

export type PeerTemplate =
  | { kind: 'pods'; min: number; max: number }
  | { kind: 'dns'; names: string[] }
  | { kind: 'cidr'; cidrs: string[] }
  | { kind: 'public'; min: number; max: number }
  | { kind: 'lan'; min: number; max: number };

export interface ConnTemplate {
  dir: 'ingress' | 'egress';
  /** `ref` of the owning process. */
  proc: string;
  ports: PortRange[];
  peers: PeerTemplate;
  p?: number;
  extra?: boolean;
}

export interface WorkloadTemplate {
  key: string;
  type: 'container' | 'linux-service';
  /** Container image repository and the tags seen over time (oldest first). */
  repo?: string;
  tags?: string[];
  /** Linux service unit, e.g. `ssh.service`. */
  unit?: string;
  processes: ProcTemplate[];
  network: ConnTemplate[];
}


export const tcp = (port: number): PortRange => ({ port, protocol: 'TCP' });
export const udp = (port: number): PortRange => ({ port, protocol: 'UDP' });

