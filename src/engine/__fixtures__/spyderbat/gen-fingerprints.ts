/**
 * Seeded fingerprints of one container image, for the spyderbat merge tests and
 * benchmarks: a fixed catalogue of up to 40 processes (each fingerprint keeps a
 * subset closed under parents, so ids agree across fingerprints) and peers drawn
 * from a shared pool, grouped into network nodes per (port, process).
 */
import type { ProcessNode, SpyderbatFingerprint } from '../../model/types.ts';

export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template {
  name: string;
  exe: string;
  id: string;
  parent: number;
  euser: string;
}

const NAMES = ['sh', 'bash', 'python3', 'node', 'java', 'curl', 'wget', 'nginx', 'redis-cli', 'psql', 'git', 'tar', 'gzip', 'sed', 'awk', 'grep', 'cat', 'ls', 'env', 'sleep'];

/** 40 processes: a few roots, the rest hanging below earlier ones. */
function catalogue(): Template[] {
  const rnd = mulberry(7);
  const out: Template[] = [];
  for (let i = 0; i < 40; i++) {
    const base = NAMES[i % NAMES.length] as string;
    const parent = i < 3 ? -1 : Math.floor(rnd() * i);
    out.push({ name: base, exe: `/usr/bin/${base}${i < NAMES.length ? '' : `-${i}`}`, id: `${base}_${Math.floor(i / NAMES.length)}`, parent, euser: i % 7 === 0 ? 'app' : 'root' });
  }
  return out;
}

const CATALOGUE = catalogue();
const PORTS = [443, 80, 5432, 6379, 8080, 53];

export interface GenOptions {
  minProcs?: number;
  maxProcs?: number;
  minPeers?: number;
  maxPeers?: number;
  /** Distinct peer addresses to draw from. */
  peerPool?: number;
}

function pickProcesses(rnd: () => number, count: number): Set<number> {
  const chosen = new Set<number>([0]);
  while (chosen.size < count) {
    let i = Math.floor(rnd() * CATALOGUE.length);
    // Keep the set closed under parents.
    const chain: number[] = [];
    while (i >= 0 && !chosen.has(i)) {
      chain.push(i);
      i = (CATALOGUE[i] as Template).parent;
    }
    if (i < 0 && chain.length > 0 && !chain.some((c) => (CATALOGUE[c] as Template).parent < 0)) continue;
    for (const c of chain) chosen.add(c);
  }
  return chosen;
}

function buildTree(chosen: ReadonlySet<number>): ProcessNode[] {
  const nodes = new Map<number, ProcessNode>();
  const roots: ProcessNode[] = [];
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const t = CATALOGUE[i] as Template;
    const parent = t.parent >= 0 ? nodes.get(t.parent) : undefined;
    const node: ProcessNode = { name: t.name, exe: [t.exe], id: t.id };
    if (parent === undefined) node.euser = [t.euser];
    else if (t.euser !== (CATALOGUE[t.parent] as Template).euser) node.euser = [t.euser];
    nodes.set(i, node);
    if (parent === undefined) roots.push(node);
    else (parent.children ??= []).push(node);
  }
  return roots;
}

function peer(rnd: () => number, pool: number): { ipBlock: { cidr: string } } | { dnsSelector: string[] } {
  const k = Math.floor(rnd() * pool);
  if (k % 10 === 9) return { dnsSelector: [`svc${k}.example.com`] };
  return { ipBlock: { cidr: `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}/32` } };
}

export function makeFingerprint(rnd: () => number, index: number, opts: GenOptions = {}): SpyderbatFingerprint {
  const { minProcs = 5, maxProcs = 40, minPeers = 5, maxPeers = 200, peerPool = 5000 } = opts;
  const procCount = minProcs + Math.floor(rnd() * (maxProcs - minProcs + 1));
  const chosen = pickProcesses(rnd, Math.min(procCount, CATALOGUE.length));
  const ids = [...chosen].map((i) => (CATALOGUE[i] as Template).id);
  const peerCount = minPeers + Math.floor(rnd() * (maxPeers - minPeers + 1));
  const groups = new Map<string, { dir: 'ingress' | 'egress'; port: number; proc: string; peers: ReturnType<typeof peer>[] }>();
  for (let p = 0; p < peerCount; p++) {
    const dir = rnd() < 0.3 ? 'ingress' : 'egress';
    const port = PORTS[Math.floor(rnd() * PORTS.length)] as number;
    const proc = ids[Math.floor(rnd() * Math.min(ids.length, 6))] as string;
    const key = `${dir}|${port}|${proc}`;
    const g = groups.get(key) ?? { dir, port, proc, peers: [] };
    g.peers.push(peer(rnd, peerPool));
    groups.set(key, g);
  }
  const ingress = [...groups.values()].filter((g) => g.dir === 'ingress').map((g) => ({ from: g.peers, ports: [{ port: g.port, protocol: g.port === 53 ? 'UDP' as const : 'TCP' as const }], processes: [g.proc] }));
  const egress = [...groups.values()].filter((g) => g.dir === 'egress').map((g) => ({ to: g.peers, ports: [{ port: g.port, protocol: g.port === 53 ? 'UDP' as const : 'TCP' as const }], processes: [g.proc] }));
  const tag = `1.${Math.floor(rnd() * 3)}.${Math.floor(rnd() * 10)}`;
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: `registry.example.com/shop/api:${tag}`, type: 'container', namespace: 'shop', containerName: `api-${index}`, latestTimestamp: 1700000000 + index },
    spec: {
      containerSelector: { image: `registry.example.com/shop/api:${tag}`, imageID: `sha256:${index % 3}` },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
      podSelector: { matchLabels: { app: 'api', 'pod-template-hash': `h${index % 4}` } },
      processPolicy: buildTree(chosen),
      networkPolicy: { ingress, egress },
    },
  };
}

export function makeFingerprints(count: number, seed: number, opts: GenOptions = {}): SpyderbatFingerprint[] {
  const rnd = mulberry(seed);
  return Array.from({ length: count }, (_, i) => makeFingerprint(rnd, i, opts));
}
