/**
 * One flat record per fingerprint with what the list pages filter, group and sort on,
 * derived once per fetched list (cheap to scan 50,000 times per keystroke).
 */
import type { SpyderbatFingerprint, WorkloadType } from '../../engine/model/types.ts';
import { serviceNameOfCgroup } from '../../engine/evaluate/scope.ts';

export interface FpRecord {
  /** Position in the fetched list (coverage results are indexed the same way). */
  index: number;
  /** Stable id: `metadata.id` (else `uid`, else the checksum). */
  id: string;
  type: WorkloadType;
  /** The group: `c|image|imageID` for containers, `s|cgroup` for services (as `spyctl get fingerprints`). */
  groupKey: string;
  /** Image for containers, the service (unit) name for services. */
  name: string;
  /** What the lists show and sort by: the image without its registry, or the service name. */
  displayName: string;
  /** `displayName` lower-cased. */
  sortName: string;
  image: string;
  imageID: string;
  cgroup: string;
  cluster: string;
  clusterUid: string;
  namespace: string;
  container: string;
  pod: string;
  host: string;
  muid: string;
  first: number | undefined;
  latest: number | undefined;
  /** Lower-cased text the search box matches: image, image id, cgroup, name. */
  haystack: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function seconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function firstOf(v: unknown): string {
  return Array.isArray(v) ? str(v[0]) : str(v);
}

/** The id other features receive (e.g. `/policies/new?fingerprints=…`). */
export function fingerprintId(fp: SpyderbatFingerprint, index: number): string {
  const m = fp.metadata as Record<string, unknown>;
  return str(m.id) || str(m.uid) || (str(m.checksum) ? `checksum:${str(m.checksum)}` : `index:${index}`);
}

/** What every fingerprint of one group shares (derived once per group, not per fingerprint). */
interface GroupFields {
  groupKey: string;
  name: string;
  displayName: string;
  sortName: string;
  haystack: string;
}

export interface GroupCache {
  containers: Map<string, Map<string, GroupFields>>;
  services: Map<string, GroupFields>;
}

export const newGroupCache = (): GroupCache => ({ containers: new Map(), services: new Map() });

function makeFields(container: boolean, image: string, imageID: string, cgroup: string, metaName: string): GroupFields {
  const name = container ? image || metaName : cgroup ? serviceNameOfCgroup(cgroup) : metaName;
  const displayName = container ? splitImage(name).repo : name;
  return {
    groupKey: container ? `c|${image}|${imageID}` : `s|${cgroup}`,
    name,
    displayName,
    sortName: displayName.toLowerCase(),
    haystack: `${image}\n${imageID}\n${cgroup}\n${name}`.toLowerCase(),
  };
}

/** Keyed by the data's own strings (no per-fingerprint string building). */
function groupFields(cache: GroupCache, container: boolean, image: string, imageID: string, cgroup: string, metaName: string): GroupFields {
  if (container) {
    let inner = cache.containers.get(image);
    if (!inner) cache.containers.set(image, (inner = new Map<string, GroupFields>()));
    let f = inner.get(imageID);
    if (!f) inner.set(imageID, (f = makeFields(true, image, imageID, cgroup, metaName)));
    return f;
  }
  let f = cache.services.get(cgroup);
  if (!f) cache.services.set(cgroup, (f = makeFields(false, image, imageID, cgroup, metaName)));
  return f;
}

export function toRecord(fp: SpyderbatFingerprint, index: number, cache: GroupCache = newGroupCache()): FpRecord {
  const m = fp.metadata as Record<string, unknown>;
  const container = fp.metadata.type === 'container';
  const image = str(fp.spec.containerSelector?.image ?? m.image);
  const imageID = str(fp.spec.containerSelector?.imageID ?? m.imageID);
  const cgroup = str(fp.spec.serviceSelector?.cgroup ?? m.cgroup);
  const g = groupFields(cache, container, image, imageID, cgroup, str(m.name));
  return {
    index,
    id: fingerprintId(fp, index),
    type: container ? 'container' : 'linux-service',
    groupKey: g.groupKey,
    name: g.name,
    displayName: g.displayName,
    sortName: g.sortName,
    image,
    imageID,
    cgroup,
    cluster: str(m.cluster_name),
    clusterUid: str(m.cluster_uid),
    namespace: container ? str(m.namespace) || str(fp.spec.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']) : '',
    container: str(m.containerName),
    pod: str(m.pod_name),
    host: str(m.hostname) || firstOf(fp.spec.machineSelector?.hostname),
    muid: str(m.muid),
    first: seconds(m.firstTimestamp),
    latest: seconds(m.latestTimestamp),
    haystack: g.haystack,
  };
}

export function toRecords(fps: readonly SpyderbatFingerprint[]): FpRecord[] {
  const cache = newGroupCache();
  const out = new Array<FpRecord>(fps.length);
  for (let i = 0; i < fps.length; i++) out[i] = toRecord(fps[i] as SpyderbatFingerprint, i, cache);
  return out;
}

/** Where the workload ran, in a few words: pod or container, else host. */
export function instanceLabel(r: FpRecord): string {
  if (r.type === 'container') return r.pod || r.container || r.id;
  return r.host || r.muid || r.id;
}

/** `sha256:3f0cd3cdbd6a` (12 hex digits), as container tools print image ids. */
export function shortDigest(imageID: string): string {
  const m = /^(sha256:)?([0-9a-f]{12})[0-9a-f]*$/i.exec(imageID);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}` : imageID;
}

/** `registry/repo:tag` split for display: the repository part first (Docker Hub's `library/` dropped). */
export function splitImage(image: string): { registry: string; repo: string } {
  const slash = image.indexOf('/');
  const head = slash > 0 ? image.slice(0, slash) : '';
  if (!head || !(head.includes('.') || head.includes(':') || head === 'localhost')) return { registry: '', repo: image };
  const rest = image.slice(slash + 1);
  return { registry: head, repo: head === 'docker.io' && rest.startsWith('library/') ? rest.slice('library/'.length) : rest };
}

export const SHORT_TYPE_LABEL: Record<WorkloadType, string> = { container: 'Container', 'linux-service': 'Service' };

export const TYPE_LABEL: Record<WorkloadType, string> = { container: 'Container', 'linux-service': 'Linux service' };
