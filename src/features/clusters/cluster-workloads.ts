/** A cluster's detail: namespaces with the workloads seen in them, and Linux hosts with their services. */
import type { Namespace } from '../../api/types.ts';
import type { SpyderbatFingerprint } from '../../engine/model/types.ts';
import type { PolicyHits } from '../../components/coverage/fingerprint-coverage.ts';

type Lookup = ((i: number) => PolicyHits) | undefined;

export interface WorkloadRow {
  key: string;
  /** App label, else container name, else image. */
  name: string;
  images: string[];
  /** Fingerprints (containers or service instances) observed. */
  instances: number;
  fingerprintIds: string[];
  latest: number | undefined;
  coveredCount: number;
  /** Covering policies, the one covering most instances first; undefined while unknown. */
  policies: number[] | undefined;
}

export interface NamespaceSection {
  name: string;
  labels: Record<string, string>;
  workloads: WorkloadRow[];
  fingerprints: number;
}

export interface HostSection {
  host: string;
  services: WorkloadRow[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export interface IndexedFingerprint {
  fp: SpyderbatFingerprint;
  /** Position in the full list (coverage is indexed by it). */
  index: number;
}

type Acc = { row: WorkloadRow; images: Set<string>; counts: Map<number, number> };

function add(map: Map<string, Acc>, key: string, name: string, image: string, item: IndexedFingerprint, cov: Lookup): void {
  let a = map.get(key);
  if (!a) {
    a = { row: { key, name, images: [], instances: 0, fingerprintIds: [], latest: undefined, coveredCount: 0, policies: cov ? [] : undefined }, images: new Set(), counts: new Map() };
    map.set(key, a);
  }
  const m = item.fp.metadata as Record<string, unknown>;
  a.row.instances++;
  const id = str(m.id);
  if (id) a.row.fingerprintIds.push(id);
  if (image) a.images.add(image);
  const latest = num(m.latestTimestamp);
  if (latest !== undefined) a.row.latest = Math.max(a.row.latest ?? latest, latest);
  if (cov) {
    const hits = cov(item.index);
    if (hits.length > 0) a.row.coveredCount++;
    for (const h of hits) a.counts.set(h, (a.counts.get(h) ?? 0) + 1);
  }
}

function finish(map: Map<string, Acc>, cov: unknown): WorkloadRow[] {
  return [...map.values()]
    .map(({ row, images, counts }) => ({
      ...row,
      images: [...images].sort(),
      ...(cov ? { policies: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p]) => p) } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function workloadName(fp: SpyderbatFingerprint): string {
  const m = fp.metadata as Record<string, unknown>;
  const app = fp.spec.podSelector?.matchLabels?.app ?? fp.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'];
  return str(app) || str(m.containerName) || str(fp.spec.containerSelector?.image ?? m.image) || str(m.name);
}

/** Namespaces of the cluster (all of them, also those without workloads), each with its workloads. */
export function namespaceSections(namespaces: readonly Namespace[], containers: readonly IndexedFingerprint[], cov: Lookup): NamespaceSection[] {
  const byNs = new Map<string, Map<string, Acc>>();
  const fpCount = new Map<string, number>();
  for (const item of containers) {
    const m = item.fp.metadata as Record<string, unknown>;
    const ns = str(m.namespace) || str(item.fp.spec.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']);
    if (!ns) continue;
    fpCount.set(ns, (fpCount.get(ns) ?? 0) + 1);
    let w = byNs.get(ns);
    if (!w) byNs.set(ns, (w = new Map<string, Acc>()));
    const name = workloadName(item.fp);
    add(w, `${ns}/${name}`, name, str(item.fp.spec.containerSelector?.image ?? m.image), item, cov);
  }
  const labels = new Map(namespaces.map((n) => [n.name, n.labels]));
  const names = new Set([...labels.keys(), ...byNs.keys()]);
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, labels: labels.get(name) ?? {}, workloads: finish(byNs.get(name) ?? new Map<string, Acc>(), cov), fingerprints: fpCount.get(name) ?? 0 }));
}

/** Linux services per host. */
export function hostSections(services: readonly IndexedFingerprint[], cov: Lookup): HostSection[] {
  const byHost = new Map<string, Map<string, Acc>>();
  for (const item of services) {
    const m = item.fp.metadata as Record<string, unknown>;
    const hostname = item.fp.spec.machineSelector?.hostname;
    const host = str(m.hostname) || (Array.isArray(hostname) ? str(hostname[0]) : str(hostname)) || str(m.muid) || '(unknown host)';
    const cgroup = str(item.fp.spec.serviceSelector?.cgroup ?? m.cgroup);
    const name = cgroup.slice(cgroup.lastIndexOf('/') + 1) || str(m.name);
    let w = byHost.get(host);
    if (!w) byHost.set(host, (w = new Map<string, Acc>()));
    add(w, `${host}/${cgroup}`, name, '', item, cov);
  }
  return [...byHost.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([host, w]) => ({ host, services: finish(w, cov) }));
}
