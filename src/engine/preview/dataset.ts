/** Turning the loaded data into a {@link PreparedDataset} (identities computed once per revision). */
import type { SpyderbatFingerprint, WorkloadIdentity } from '../model/types.ts';
import { identityOfFingerprint } from '../evaluate/scope.ts';
import type { PreparedDataset, PreviewDatasetInput } from './types.ts';

const NS_LABEL = 'kubernetes.io/metadata.name';
const MAX_DEPTH = 16;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFingerprint(v: Record<string, unknown>): boolean {
  const md = v.metadata;
  return (
    v.kind === 'SpyderbatFingerprint' &&
    isRecord(md) &&
    (md.type === 'container' || md.type === 'linux-service') &&
    isRecord(v.spec)
  );
}

function collect(v: unknown, out: SpyderbatFingerprint[], depth: number): number {
  if (!isRecord(v) || depth > MAX_DEPTH) return 1;
  if (isFingerprint(v)) {
    out.push(v as unknown as SpyderbatFingerprint);
    return 0;
  }
  let skipped = 0;
  const data = v.data;
  const list = v.kind === 'FingerprintGroup' && isRecord(data) ? data.fingerprints : v.items;
  if (!Array.isArray(list)) return 1;
  for (const x of list) skipped += collect(x, out, depth + 1);
  return skipped;
}

/** A short display label for a workload: container name, image, namespace, cluster (or service, host). */
export function workloadLabel(id: WorkloadIdentity): string {
  const parts: string[] = [];
  if (id.type === 'container') {
    const c = id.container ?? {};
    if (c.containerName !== undefined) parts.push(c.containerName);
    if (c.image !== undefined) parts.push(c.image);
    else if (c.containerID !== undefined) parts.push(c.containerID.slice(0, 12));
  } else {
    const s = id.service ?? {};
    parts.push(s.name ?? s.cgroup ?? 'service');
  }
  const where = [id.cluster?.name, id.namespaceLabels?.[NS_LABEL], id.type === 'linux-service' ? id.machine?.hostname : undefined]
    .filter((x): x is string => x !== undefined && x !== '')
    .join('/');
  if (where !== '') parts.push(where);
  return parts.length === 0 ? id.type : parts.join(' · ');
}

/** Flatten fingerprints (groups and `items` lists included) and compute their identities. */
export function prepareDataset(input: PreviewDatasetInput): PreparedDataset {
  const fingerprints: SpyderbatFingerprint[] = [];
  let skipped = 0;
  for (const x of input.fingerprints) skipped += collect(x, fingerprints, 0);
  const identities = fingerprints.map(identityOfFingerprint);
  return {
    kind: 'prepared-dataset',
    fingerprints,
    identities,
    labels: identities.map(workloadLabel),
    policies: input.policies ?? [],
    events: input.events ?? [],
    skipped,
  };
}

export function isPreparedDataset(d: PreviewDatasetInput | PreparedDataset): d is PreparedDataset {
  return (d as { kind?: unknown }).kind === 'prepared-dataset';
}
