/**
 * Policy scope: which workloads a policy's selectors cover, and the workload
 * identity a fingerprint describes.
 *
 * - container policies cover only container workloads, linux-service policies
 *   only services; every selector in the spec must match (match/selectors.ts).
 * - cluster policies cover workloads of either type whose cluster matches
 *   `clusterSelector` (their rulesets decide the rest).
 * - `enabled: false` does not change the scope (it is a static property); the
 *   evaluator skips disabled policies.
 */
import type { SpyderbatFingerprint, SpyderbatPolicy, WorkloadIdentity } from '../model/types.ts';
import { compileSelectors, pickSelectors } from '../match/selectors.ts';

/** Indices of `workloads` the policy covers. */
export function scopeOf(policy: SpyderbatPolicy, workloads: readonly WorkloadIdentity[]): number[] {
  const out: number[] = [];
  if (policy.metadata.type === 'cluster') {
    const sel = policy.spec.clusterSelector;
    const test = compileSelectors({ clusterSelector: sel ?? {} });
    workloads.forEach((w, i) => {
      if (test(w)) out.push(i);
    });
    return out;
  }
  const type = policy.metadata.type;
  const test = compileSelectors(pickSelectors(policy.spec as unknown as Record<string, unknown>));
  workloads.forEach((w, i) => {
    if (w.type === type && test(w)) out.push(i);
  });
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function firstStr(v: unknown): string | undefined {
  return Array.isArray(v) ? str(v[0]) : str(v);
}

function labels(v: unknown): Record<string, string> | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function compact<T extends Record<string, string | undefined>>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/** The last path segment of a systemd cgroup: `systemd:/system.slice/nginx.service` → `nginx.service`. */
export function serviceNameOfCgroup(cgroup: string): string {
  const tail = cgroup.slice(cgroup.lastIndexOf('/') + 1);
  return tail === '' ? cgroup : tail;
}

/**
 * The workload a fingerprint was observed on, from its selectors and the
 * metadata spyctl drops on create (`cluster_name`, `cluster_uid`,
 * `containerName`, `containerID`, `namespace`, `hostname`, `muid`, `cgroup`).
 * A container's `namespace` adds the `kubernetes.io/metadata.name` label
 * Kubernetes sets on every namespace (unless the selector already has it).
 * Service name: the cgroup's last path segment.
 */
export function identityOfFingerprint(fp: SpyderbatFingerprint): WorkloadIdentity {
  const md = fp.metadata as Record<string, unknown>;
  const spec = fp.spec;
  const cs = spec.containerSelector;
  const mf = (o: { matchFields?: Record<string, string> } | undefined, k: string): string | undefined =>
    str(o?.matchFields?.[k]);
  const id: WorkloadIdentity = { type: fp.metadata.type };
  const cluster = compact({
    name: str(md.cluster_name) ?? mf(spec.clusterSelector, 'name'),
    uid: str(md.cluster_uid) ?? mf(spec.clusterSelector, 'uid'),
  });
  if (cluster) id.cluster = cluster;
  const ms = spec.machineSelector;
  const machine = compact({
    hostname: firstStr(ms?.hostname) ?? mf(ms, 'hostname') ?? str(md.hostname),
    uid: firstStr(ms?.machineUID) ?? mf(ms, 'uid') ?? str(md.muid),
    sourceName: mf(ms, 'sourceName'),
  });
  if (machine) id.machine = machine;
  const ns = labels(spec.namespaceSelector?.matchLabels);
  // Namespaces exist only for (Kubernetes) containers.
  const nsName = fp.metadata.type === 'container' ? str(md.namespace) : undefined;
  if (ns !== undefined || nsName !== undefined) {
    id.namespaceLabels = { ...(nsName !== undefined ? { 'kubernetes.io/metadata.name': nsName } : {}), ...ns };
  }
  const pod = labels(spec.podSelector?.matchLabels);
  if (pod !== undefined) id.podLabels = pod;
  if (fp.metadata.type === 'container') {
    id.container =
      compact({
        image: str(cs?.image) ?? mf(cs, 'image') ?? str(md.image),
        imageID: str(cs?.imageID) ?? mf(cs, 'imageID') ?? str(md.imageID),
        containerName: str(cs?.containerName) ?? mf(cs, 'containerName') ?? str(md.containerName),
        containerID: str(cs?.containerID) ?? mf(cs, 'containerID') ?? str(md.containerID),
      }) ?? {};
  } else {
    const ss = spec.serviceSelector;
    const cgroup = str(ss?.cgroup) ?? mf(ss, 'cgroup') ?? str(md.cgroup);
    id.service = compact({ cgroup, name: mf(ss, 'name') ?? (cgroup !== undefined ? serviceNameOfCgroup(cgroup) : undefined) }) ?? {};
  }
  return id;
}
