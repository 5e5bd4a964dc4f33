/**
 * Fingerprints: one per container instance or per (service, host). Replicas of the
 * same workload share a process tree and peer subnets, and vary in which optional
 * processes ran, which peers they talked to, and the image tag they run.
 */
import { API_VERSION, type NetworkPolicy, type SpyderbatFingerprint, type WorkloadSpec } from '../model/types.ts';
import type { WorkloadTemplate } from './catalog.ts';
import { CONTAINER_TEMPLATES } from './catalog-containers.ts';
import { SERVICE_TEMPLATES } from './catalog-services.ts';
import { addRule, instantiateConns, peerCount, replicaPeers, toRule, type ConnInstance, type NetSpace } from './network.ts';
import { hashString, Rng } from './prng.ts';
import { buildProcessPolicy, chooseNodes, countNodes, instantiate, padInstance, type TemplateInstance } from './process-tree.ts';
import type { GeneratedMachine } from './types.ts';

export interface ReplicaInput {
  type: 'container' | 'linux-service';
  clusterName: string;
  clusterUid: string;
  namespace?: string;
  app: string;
  labels: Record<string, string>;
  /** Container image (`repo:tag`) or systemd unit. */
  image?: string;
  unit?: string;
  host: GeneratedMachine;
  /** Ids of the processes that ran in this replica. */
  present: ReadonlySet<string>;
  /** Peers per connection; a connection absent from the map did not happen. */
  peers: ReadonlyMap<ConnInstance, ReturnType<typeof replicaPeers>>;
  firstTimestamp: number;
  latestTimestamp: number;
  /** Distinguishes pods of one rollout (`pod-template-hash`). */
  podHash: string;
}

/** A deterministic image digest for `repo:tag`. */
export function imageId(image: string): string {
  return `sha256:${new Rng(hashString(image)).hex(64)}`;
}

export function buildFingerprint(inst: TemplateInstance, conns: readonly ConnInstance[], r: ReplicaInput, rng: Rng): SpyderbatFingerprint {
  const processPolicy = buildProcessPolicy(inst, r.present);
  const networkPolicy: NetworkPolicy = { ingress: [], egress: [] };
  for (const c of conns) {
    const peers = r.peers.get(c);
    if (peers && peers.length > 0 && r.present.has(c.procId)) addRule(networkPolicy, toRule(c, peers));
  }
  const common = {
    id: `fprint:${rng.base62(22)}`,
    muid: r.host.muid,
    cluster_name: r.clusterName,
    cluster_uid: r.clusterUid,
    checksum: rng.hex(32),
    firstTimestamp: r.firstTimestamp,
    latestTimestamp: r.latestTimestamp,
  };
  if (r.type === 'container') {
    const image = r.image ?? r.app;
    const podName = `${r.app}-${r.podHash}-${rng.base62(5).toLowerCase()}`;
    const spec: WorkloadSpec = {
      containerSelector: { image, imageID: imageId(image) },
      ...(r.namespace ? { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': r.namespace } } } : {}),
      podSelector: { matchLabels: { ...r.labels, 'pod-template-hash': r.podHash } },
      processPolicy,
      networkPolicy,
    };
    return {
      apiVersion: API_VERSION,
      kind: 'SpyderbatFingerprint',
      metadata: {
        name: image,
        type: 'container',
        ...common,
        ...(r.namespace ? { namespace: r.namespace } : {}),
        containerName: r.app,
        containerID: rng.hex(64),
        pod_name: podName,
        image,
        imageID: imageId(image),
      },
      spec,
    };
  }
  const unit = r.unit ?? r.app;
  const cgroup = `systemd:/system.slice/${unit}`;
  return {
    apiVersion: API_VERSION,
    kind: 'SpyderbatFingerprint',
    metadata: { name: unit, type: 'linux-service', ...common, cgroup, hostname: r.host.hostname },
    spec: { serviceSelector: { cgroup }, machineSelector: { hostname: r.host.hostname }, processPolicy, networkPolicy },
  };
}

/** Draws the peers of one replica for every connection that happened. */
export function drawPeers(conns: readonly ConnInstance[], present: ReadonlySet<string>, rng: Rng, extraBoost = 1): Map<ConnInstance, ReturnType<typeof replicaPeers>> {
  const out = new Map<ConnInstance, ReturnType<typeof replicaPeers>>();
  for (const c of conns) {
    if (!present.has(c.procId)) continue;
    const p = Math.min(1, (c.template.p ?? 1) * (c.template.extra ? extraBoost : 1));
    if (p < 1 && !rng.chance(p)) continue;
    out.set(c, replicaPeers(c, rng));
  }
  return out;
}

export interface GenerateFingerprintsOptions {
  seed: number;
  /** Epoch seconds. */
  now: number;
  count: number;
  /** Container image, e.g. `docker.io/library/nginx:1.25.3` (default from the template). */
  image?: string;
  /** Catalog template key (default: guessed from the image, else `nginx`). */
  template?: string;
  type?: 'container' | 'linux-service';
  /** Process count range of the image's tree (default 5–40). */
  processes?: readonly [number, number];
  /** Peer count range per fingerprint (default 5–200). */
  peers?: readonly [number, number];
  clusterName?: string;
  namespace?: string;
}

function pickTemplate(o: GenerateFingerprintsOptions): WorkloadTemplate {
  const pool = o.type === 'linux-service' ? SERVICE_TEMPLATES : CONTAINER_TEMPLATES;
  if (o.template && pool[o.template]) return pool[o.template] as WorkloadTemplate;
  const repo = o.image?.split(':')[0];
  const byRepo = Object.values(pool).find((t) => t.repo === repo);
  return byRepo ?? (o.type === 'linux-service' ? (SERVICE_TEMPLATES.sshd as WorkloadTemplate) : (CONTAINER_TEMPLATES.nginx as WorkloadTemplate));
}

/**
 * `count` fingerprints of one image (or service), for benchmarks and tests: one process
 * tree of `processes` size shared by every replica (with optional nodes varying), and
 * `peers` peers per fingerprint drawn from shared /24 subnets.
 */
export function generateFingerprints(o: GenerateFingerprintsOptions): SpyderbatFingerprint[] {
  const rng = new Rng(o.seed).fork(`fingerprints:${o.image ?? o.template ?? ''}`);
  const template = pickTemplate(o);
  const [pMin, pMax] = o.processes ?? [5, 40];
  const [qMin, qMax] = o.peers ?? [5, 200];
  const inst = instantiate(template.processes);
  // Extra (deviating) processes may come on top of the normal tree, within the range.
  const extras = inst.all.filter((n) => n.extra).length;
  const roomForExtras = pMax - extras >= pMin;
  padInstance(inst, roomForExtras ? Math.min(rng.int(pMin, pMax), pMax - extras) : rng.int(pMin, pMax), rng);
  const space: NetSpace = { podSubnets: Array.from({ length: 64 }, (_, i) => `10.244.${i}`), lanSubnets: Array.from({ length: 16 }, (_, i) => `10.20.${i}`) };
  const conns = instantiateConns(template.network, inst.refs, space, rng);
  const rootId = inst.roots[0]?.id ?? 'root_0';
  const rootConn: ConnInstance = {
    template: { dir: 'egress', proc: 'root', ports: [{ port: 443, protocol: 'TCP' }], peers: { kind: 'pods', min: 1, max: 1 } },
    procId: rootId,
    subnets: rng.sample(space.podSubnets, 2),
    publicIps: [],
  };
  const image = o.image ?? `${template.repo ?? 'docker.io/library/app'}:${template.tags?.[template.tags.length - 1] ?? 'latest'}`;
  const type = template.type;
  const host: GeneratedMachine = { muid: `mach:${rng.base62(11)}`, hostname: 'node-01', clusterUid: 'clus:bench', ip: '10.30.1.11' };
  const out: SpyderbatFingerprint[] = [];
  for (let i = 0; i < o.count; i++) {
    const present = ensureMinimum(inst, chooseNodes(inst, rng, roomForExtras ? 1 : 0), pMin);
    present.add(rootId);
    const target = rng.int(qMin, qMax);
    const peers = new Map<ConnInstance, ReturnType<typeof replicaPeers>>();
    const sized = conns.filter((c) => present.has(c.procId) && !c.template.extra && (c.template.peers.kind === 'pods' || c.template.peers.kind === 'lan'));
    const fixed = conns.filter((c) => present.has(c.procId) && !c.template.extra && !sized.includes(c));
    let used = 0;
    for (const c of fixed) {
      if (used >= target) break;
      const p = replicaPeers(c, rng).slice(0, target - used);
      peers.set(c, p);
      used += p.length;
    }
    const sizedConns = sized.length > 0 ? sized : [rootConn];
    sizedConns.forEach((c, k) => {
      const share = Math.max(0, Math.floor((target - used) / (sizedConns.length - k)));
      if (share === 0) return;
      const p = replicaPeers(c, rng, share);
      peers.set(c, p);
      used += p.length;
    });
    const fp = buildFingerprint(inst, sized.length > 0 ? conns : [...conns, rootConn], {
      type,
      clusterName: o.clusterName ?? 'bench-cluster',
      clusterUid: 'clus:bench',
      ...(o.namespace !== undefined || type === 'container' ? { namespace: o.namespace ?? 'default' } : {}),
      app: template.unit ?? image.split('/').pop()?.split(':')[0] ?? 'app',
      labels: { app: image.split('/').pop()?.split(':')[0] ?? 'app' },
      ...(type === 'container' ? { image } : { unit: template.unit ?? 'app.service' }),
      host,
      present,
      peers,
      firstTimestamp: o.now - rng.int(3600, 30 * 86400),
      latestTimestamp: o.now - rng.int(0, 3600),
      podHash: rng.hex(10).slice(0, 10),
    }, rng);
    out.push(fp);
  }
  return out;
}

/** Adds nodes (with their ancestors) until at least `min` are present. */
function ensureMinimum(inst: TemplateInstance, present: Set<string>, min: number): Set<string> {
  if (present.size >= min) return present;
  const walk = (nodes: TemplateInstance['roots']): void => {
    for (const n of nodes) {
      if (present.size >= min) return;
      if (!n.extra) present.add(n.id);
      if (present.has(n.id)) walk(n.children);
    }
  };
  walk(inst.roots);
  return present;
}

export { countNodes, peerCount };
