/**
 * Which policies cover which workloads, for whole lists at once (the policies table's
 * "workloads covered" and the fingerprints page's "covered by"). Policies whose
 * selector pins an exact image or cgroup are bucketed by it, so each workload is
 * tested only against its bucket plus the policies with glob or no such selector.
 */
import { hasGlob } from '../match/fnmatch.ts';
import { compileSelectors, pickSelectors, type SelectorPredicate } from '../match/selectors.ts';
import type { SpyderbatPolicy, WorkloadIdentity } from '../model/types.ts';

interface Entry {
  index: number;
  type: SpyderbatPolicy['metadata']['type'];
  test: SelectorPredicate;
}

export interface Coverage {
  /** Per policy (same order as the input): how many workloads it covers. */
  perPolicy: number[];
  /** Per workload: indices of the policies covering it, ascending. */
  perWorkload: number[][];
}

function entryOf(p: SpyderbatPolicy, index: number): Entry {
  const spec = p.spec as unknown as Record<string, unknown>;
  const sel = p.metadata.type === 'cluster' ? { clusterSelector: spec.clusterSelector ?? {} } : pickSelectors(spec);
  return { index, type: p.metadata.type, test: compileSelectors(sel) };
}

export function coverage(policies: readonly SpyderbatPolicy[], workloads: readonly WorkloadIdentity[]): Coverage {
  const byImage = new Map<string, Entry[]>();
  const byCgroup = new Map<string, Entry[]>();
  const residual: Entry[] = [];
  policies.forEach((p, i) => {
    const e = entryOf(p, i);
    const spec = p.spec as { containerSelector?: { image?: string }; serviceSelector?: { cgroup?: string } };
    const image = spec.containerSelector?.image;
    const cgroup = spec.serviceSelector?.cgroup;
    if (p.metadata.type === 'container' && image && !hasGlob(image)) byImage.set(image, [...(byImage.get(image) ?? []), e]);
    else if (p.metadata.type === 'linux-service' && cgroup && !hasGlob(cgroup)) byCgroup.set(cgroup, [...(byCgroup.get(cgroup) ?? []), e]);
    else residual.push(e);
  });
  const perPolicy = policies.map(() => 0);
  const perWorkload = workloads.map((w) => {
    const candidates = [
      ...(w.container?.image ? (byImage.get(w.container.image) ?? []) : []),
      ...(w.service?.cgroup ? (byCgroup.get(w.service.cgroup) ?? []) : []),
      ...residual,
    ];
    const hits: number[] = [];
    for (const e of candidates) {
      const typeOk = e.type === 'cluster' || e.type === w.type;
      if (typeOk && e.test(w)) hits.push(e.index);
    }
    hits.sort((a, b) => a - b);
    for (const h of hits) perPolicy[h] = (perPolicy[h] ?? 0) + 1;
    return hits;
  });
  return { perPolicy, perWorkload };
}
