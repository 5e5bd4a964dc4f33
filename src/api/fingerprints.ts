/**
 * Fingerprints: search `model_fingerprint` with `full_json`, over a time window.
 * Fingerprint groups are built here from the list (grouped by image + imageID for
 * containers, by cgroup for services; the latest version of each fingerprint id kept).
 */
import { queryOptions } from '@tanstack/react-query';
import type { FingerprintGroup, SpyderbatFingerprint, WorkloadType } from '../engine/model/types.ts';
import { nowSeconds, type ApiClient } from './client.ts';
import { text, toFingerprint } from './mappers.ts';
import { and, fullJson, quote, search } from './search.ts';

export interface FingerprintFilters {
  type?: WorkloadType;
  clusterName?: string;
  namespace?: string;
  /** Exact image, or a glob (`~=`). */
  image?: string;
  /** Days back from now (default 30). */
  days?: number;
}

export const fingerprintKeys = {
  all: ['fingerprints'] as const,
  lists: () => [...fingerprintKeys.all, 'list'] as const,
  list: (filters: FingerprintFilters = {}) => [...fingerprintKeys.all, 'list', filters] as const,
};

const glob = (v: string): string => (/[*?[]/.test(v) ? `~= ${quote(v)}` : `= ${quote(v)}`);

export function fingerprintQuery(f: FingerprintFilters): string {
  return and(
    f.type && `metadata.type = ${quote(f.type)}`,
    f.clusterName && `cluster_name = ${quote(f.clusterName)}`,
    f.namespace && `namespace = ${quote(f.namespace)}`,
    f.image && `image ${glob(f.image)}`,
  );
}

export async function listFingerprints(client: ApiClient, filters: FingerprintFilters = {}, signal?: AbortSignal): Promise<SpyderbatFingerprint[]> {
  const now = nowSeconds();
  const rows = await search(client, {
    schema: 'model_fingerprint',
    query: fingerprintQuery(filters),
    startTime: now - 86400 * (filters.days ?? 30),
    endTime: now,
    outputFields: ['full_json'],
    limit: 100_000,
    signal,
  });
  return fullJson(rows).map(toFingerprint);
}

const ts = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : undefined);

/** Groups fingerprints as `spyctl get fingerprints -o yaml` does. */
export function groupFingerprints(fingerprints: readonly SpyderbatFingerprint[]): FingerprintGroup[] {
  const groups = new Map<string, { fps: Map<string, SpyderbatFingerprint>; meta: FingerprintGroup['metadata']; names: Set<string>; ids: Set<string>; machines: Set<string> }>();
  for (const fp of fingerprints) {
    const m = fp.metadata;
    const container = m.type === 'container';
    const image = text(fp.spec.containerSelector?.image ?? m.image);
    const imageID = text(fp.spec.containerSelector?.imageID ?? m.imageID);
    const cgroup = text(fp.spec.serviceSelector?.cgroup ?? m.cgroup);
    const key = container ? `c|${image}|${imageID}` : `s|${cgroup}`;
    let g = groups.get(key);
    if (!g) {
      g = { fps: new Map(), meta: container ? { image, imageID } : { cgroup }, names: new Set(), ids: new Set(), machines: new Set() };
      groups.set(key, g);
    }
    const id = typeof m.id === 'string' ? m.id : `${key}#${g.fps.size}`;
    const prev = g.fps.get(id);
    if (!prev || (ts(m.latestTimestamp) ?? 0) >= (ts(prev.metadata.latestTimestamp) ?? 0)) g.fps.set(id, fp);
    const first = ts(m.firstTimestamp);
    const latest = ts(m.latestTimestamp);
    if (first !== undefined) g.meta.firstTimestamp = Math.min(first, ts(g.meta.firstTimestamp) ?? first);
    if (latest !== undefined) g.meta.latestTimestamp = Math.max(latest, ts(g.meta.latestTimestamp) ?? latest);
    if (typeof m.containerName === 'string') g.names.add(m.containerName);
    if (typeof m.containerID === 'string') g.ids.add(m.containerID);
    if (typeof m.muid === 'string') g.machines.add(m.muid);
  }
  return [...groups.values()].map((g) => ({
    apiVersion: 'spyderbat/v1' as const,
    kind: 'FingerprintGroup' as const,
    metadata: g.meta,
    data: {
      fingerprints: [...g.fps.values()],
      ...(g.names.size ? { containerNames: [...g.names].sort() } : {}),
      ...(g.ids.size ? { containerIDs: [...g.ids].sort() } : {}),
      ...(g.machines.size ? { machines: [...g.machines].sort() } : {}),
    },
  }));
}

export function fingerprintListQuery(client: ApiClient, filters: FingerprintFilters = {}) {
  return queryOptions({ queryKey: fingerprintKeys.list(filters), queryFn: ({ signal }) => listFingerprints(client, filters, signal) });
}

/** The same request as the list, grouped (shares the list's cache entry). */
export function fingerprintGroupsQuery(client: ApiClient, filters: FingerprintFilters = {}) {
  return queryOptions({ queryKey: fingerprintKeys.list(filters), queryFn: ({ signal }) => listFingerprints(client, filters, signal), select: groupFingerprints });
}
