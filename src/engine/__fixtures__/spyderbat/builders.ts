/** Small builders for spyderbat merge tests. */
import type { ProcessNode, SpyderbatFingerprint, WorkloadPolicy } from '../../model/types.ts';

export interface FpParts {
  name?: string;
  image?: string;
  imageID?: string;
  type?: 'container' | 'linux-service';
  labels?: Record<string, string>;
  namespace?: string;
  processes?: ProcessNode[];
  ingress?: unknown[];
  egress?: unknown[];
  latestTimestamp?: number;
}

export function proc(name: string, exe: string | string[], id: string, extra: Partial<ProcessNode> = {}): ProcessNode {
  return { name, exe: Array.isArray(exe) ? exe : [exe], id, ...extra };
}

export function fp(p: FpParts = {}): SpyderbatFingerprint {
  const image = p.image ?? 'docker.io/library/web:1.0';
  const spec: Record<string, unknown> = {};
  if (p.type === 'linux-service') spec.serviceSelector = { cgroup: 'systemd:/system.slice/web.service' };
  else spec.containerSelector = { image, ...(p.imageID !== undefined ? { imageID: p.imageID } : {}) };
  if (p.namespace !== undefined) spec.namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': p.namespace } };
  if (p.labels !== undefined) spec.podSelector = { matchLabels: p.labels };
  spec.processPolicy = p.processes ?? [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] })];
  spec.networkPolicy = { ingress: p.ingress ?? [], egress: p.egress ?? [] };
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: {
      name: p.name ?? image,
      type: p.type ?? 'container',
      ...(p.latestTimestamp !== undefined ? { latestTimestamp: p.latestTimestamp } : {}),
    },
    spec: spec as unknown as SpyderbatFingerprint['spec'],
  };
}

export function egress(peers: (string | { dns: string })[], ports: number[] | { port: number; endPort?: number; protocol?: string }[], processes?: string[]): unknown {
  return {
    to: peers.map((p) => (typeof p === 'string' ? { ipBlock: { cidr: p } } : { dnsSelector: [p.dns] })),
    ...(processes !== undefined ? { processes } : {}),
    ports: (ports as unknown[]).map((x) => (typeof x === 'number' ? { protocol: 'TCP', port: x } : { protocol: 'TCP', ...(x as object) })),
  };
}

export function ingress(peers: string[], ports: number[], processes?: string[]): unknown {
  return {
    from: peers.map((c) => ({ ipBlock: { cidr: c } })),
    ...(processes !== undefined ? { processes } : {}),
    ports: ports.map((port) => ({ protocol: 'TCP', port })),
  };
}

export function policyOf(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): WorkloadPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'p', type: 'container', ...meta },
    spec: {
      containerSelector: { image: 'docker.io/library/web:*' },
      mode: 'audit',
      processPolicy: [],
      networkPolicy: { ingress: [], egress: [] },
      response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] },
      ...spec,
    },
  } as unknown as WorkloadPolicy;
}
