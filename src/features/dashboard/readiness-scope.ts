/**
 * Which fingerprints to fetch to check a policy's replicas: narrowed by what the search
 * can filter on (type, image glob, namespace, cluster), then exactly by the engine's
 * scope. One replica = one fingerprint id (its latest version).
 */
import type { FingerprintFilters } from '../../api/fingerprints.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';

const hasGlob = (s: string): boolean => /[*?[]/.test(s);

/** null for cluster policies (their rulesets, not fingerprints, decide). */
export function scopeFilters(policy: SpyderbatPolicy): FingerprintFilters | null {
  if (policy.metadata.type === 'cluster') return null;
  const spec = policy.spec as { containerSelector?: { image?: unknown }; namespaceSelector?: { matchLabels?: Record<string, unknown> }; clusterSelector?: { matchFields?: Record<string, unknown> } };
  const f: FingerprintFilters = { type: policy.metadata.type, days: 30 };
  const image = spec.containerSelector?.image;
  if (policy.metadata.type === 'container' && typeof image === 'string' && image !== '') f.image = image;
  const ns = spec.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  if (policy.metadata.type === 'container' && typeof ns === 'string' && ns !== '' && !hasGlob(ns)) f.namespace = ns;
  const cluster = spec.clusterSelector?.matchFields?.name;
  if (typeof cluster === 'string' && cluster !== '' && !hasGlob(cluster)) f.clusterName = cluster;
  return f;
}

/** The latest version of each fingerprint id. */
export function latestPerId(fps: readonly SpyderbatFingerprint[]): SpyderbatFingerprint[] {
  const byId = new Map<string, SpyderbatFingerprint>();
  fps.forEach((fp, i) => {
    const id = typeof fp.metadata.id === 'string' ? fp.metadata.id : `#${i}`;
    const prev = byId.get(id);
    if (!prev || Number(fp.metadata.latestTimestamp ?? 0) >= Number(prev.metadata.latestTimestamp ?? 0)) byId.set(id, fp);
  });
  return [...byId.values()];
}
