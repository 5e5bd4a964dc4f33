/**
 * Recorded activity for the preview: the deviation records of the last days
 * (what the applied policies reported) turned back into the engine's events,
 * so the worker can replay them through a draft.
 *
 * A record carries the new processes (as full trees, or `policyNode` children
 * under a node of the policy it deviated from) and the connections. The chain
 * above a `policyNode` comes from that policy; the workload identity from a
 * fingerprint recorded on the same machine that the policy covers (the same
 * namespace and cluster preferred). Records that cannot be placed are counted
 * by reason, so the panel can say what it could not replay.
 *
 * Runs step-wise (a generator yielding between chunks) so the main thread can
 * do it without long tasks.
 */
import type { DeviationRecord } from '../../../api/types.ts';
import type { EngineEvent, EventConnection } from '../../../engine/evaluate/types.ts';
import type { ProcessInfo } from '../../../engine/match/selectors.ts';
import type { EgressRule, IngressRule, ProcessNode, SpyderbatFingerprint, SpyderbatPolicy, WorkloadIdentity } from '../../../engine/model/types.ts';
import { identityOfFingerprint, scopeOf } from '../../../engine/evaluate/scope.ts';
import { workloadLabel } from '../../../engine/preview/dataset.ts';

export interface RecordedActivity {
  events: EngineEvent[];
  /** Records read. */
  records: number;
  /** Records that gave at least one event. */
  replayed: number;
  /** Records that could not be replayed, by reason (most frequent first). */
  skipped: { reason: string; count: number }[];
  /** One record per checksum behind each workload label (the label events are grouped by). */
  byWorkload: Map<string, DeviationRecord[]>;
}

export interface ActivitySource {
  records: readonly DeviationRecord[];
  fingerprints: readonly SpyderbatFingerprint[];
  policies: readonly SpyderbatPolicy[];
}

const NS_LABEL = 'kubernetes.io/metadata.name';
const MAX_DEPTH = 64;

export const SKIP_REASONS = {
  cluster: 'cluster-policy deviation (ruleset rules, not activity)',
  noPolicy: 'its policy is no longer listed',
  noWorkload: 'no fingerprint of its workload is recorded',
  noActivity: 'no process or connection could be rebuilt',
} as const;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function infoOf(node: ProcessNode, inherited: string | undefined): ProcessInfo {
  return { name: typeof node.name === 'string' ? node.name : '', exe: strings(node.exe)[0] ?? '', euser: strings(node.euser)[0] ?? inherited ?? 'root' };
}

/** Every node of a tree with its chain (root → node), into `out`; calls `visit` for each. */
function walk(nodes: unknown, prefix: readonly ProcessInfo[], out: Map<string, ProcessInfo[]>, visit?: (chain: ProcessInfo[]) => void, depth = 0): void {
  if (!Array.isArray(nodes) || depth > MAX_DEPTH) return;
  for (const n of nodes as unknown[]) {
    if (!isRecord(n)) continue;
    const node = n as unknown as ProcessNode;
    const chain = [...prefix, infoOf(node, prefix[prefix.length - 1]?.euser)];
    if (typeof node.id === 'string' && !out.has(node.id)) out.set(node.id, chain);
    visit?.(chain);
    walk(node.children, chain, out, visit, depth + 1);
  }
}

function peersOf(rule: IngressRule | EgressRule, dir: 'ingress' | 'egress'): { ip?: string; dns?: string }[] {
  const raw: unknown = dir === 'ingress' ? (rule as IngressRule).from : (rule as EgressRule).to;
  const out: { ip?: string; dns?: string }[] = [];
  for (const p of Array.isArray(raw) ? (raw as unknown[]) : []) {
    if (!isRecord(p)) continue;
    const block = p.ipBlock;
    if (isRecord(block) && typeof block.cidr === 'string') out.push({ ip: block.cidr.split('/')[0] ?? block.cidr });
    for (const dns of strings(p.dnsSelector)) out.push({ dns });
  }
  return out;
}

/** The events one record describes (empty when nothing could be rebuilt). */
export function recordEvents(record: DeviationRecord, workload: WorkloadIdentity, policyChains: ReadonlyMap<string, ProcessInfo[]>): EngineEvent[] {
  const spec = record.deviation.spec;
  const out: EngineEvent[] = [];
  const local = new Map<string, ProcessInfo[]>();
  const emit = (chain: ProcessInfo[]): void => {
    out.push({ time: record.time, workload, kind: 'process', process: { chain } });
  };
  for (const entry of Array.isArray(spec.processPolicy) ? spec.processPolicy : []) {
    if (!isRecord(entry)) continue;
    if (isRecord(entry.policyNode)) {
      const id = String(entry.policyNode.id);
      const base = policyChains.get(id);
      if (base === undefined) continue;
      local.set(id, base);
      walk(entry.policyNode.children, base, local, emit);
    } else {
      walk([entry], [], local, emit);
    }
  }
  const net = isRecord(spec.networkPolicy) ? spec.networkPolicy : {};
  for (const dir of ['ingress', 'egress'] as const) {
    const rules: unknown = net[dir];
    for (const rule of Array.isArray(rules) ? (rules as (IngressRule | EgressRule)[]) : []) {
      if (!isRecord(rule)) continue;
      const chains = strings(rule.processes)
        .map((id) => local.get(id) ?? policyChains.get(id))
        .filter((c): c is ProcessInfo[] => c !== undefined);
      if (chains.length === 0) continue;
      const ports = Array.isArray(rule.ports) ? rule.ports : [];
      for (const peer of peersOf(rule, dir)) {
        for (const p of ports) {
          if (!isRecord(p) || typeof p.port !== 'number') continue;
          const connection: EventConnection = { direction: dir, port: p.port, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP', ...peer };
          for (const chain of chains) out.push({ time: record.time, workload, kind: 'connection', process: { chain }, connection });
        }
      }
    }
  }
  return out;
}

/** Chains of every node of a policy, by id. */
export function policyChains(policy: SpyderbatPolicy): Map<string, ProcessInfo[]> {
  const out = new Map<string, ProcessInfo[]>();
  if (policy.metadata.type !== 'cluster') walk((policy.spec as { processPolicy?: unknown }).processPolicy, [], out);
  return out;
}

class WorkloadFinder {
  private byMachine: Map<string, number[]> | null = null;
  private readonly identities = new Map<number, WorkloadIdentity>();
  private readonly cache = new Map<string, WorkloadIdentity | null>();

  constructor(private readonly fingerprints: readonly SpyderbatFingerprint[]) {}

  private machines(): Map<string, number[]> {
    if (this.byMachine !== null) return this.byMachine;
    const m = new Map<string, number[]>();
    this.fingerprints.forEach((fp, i) => {
      const muid = (fp.metadata as Record<string, unknown>).muid;
      if (typeof muid !== 'string') return;
      const list = m.get(muid);
      if (list === undefined) m.set(muid, [i]);
      else list.push(i);
    });
    this.byMachine = m;
    return m;
  }

  private identity(i: number): WorkloadIdentity {
    let id = this.identities.get(i);
    if (id === undefined) {
      id = identityOfFingerprint(this.fingerprints[i] as SpyderbatFingerprint);
      this.identities.set(i, id);
    }
    return id;
  }

  find(record: DeviationRecord, policy: SpyderbatPolicy): WorkloadIdentity | null {
    const key = `${record.policyUid}|${record.muid ?? ''}|${record.namespace ?? ''}|${record.clusterName ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const candidates = (record.muid !== undefined ? this.machines().get(record.muid) : undefined) ?? [];
    const ids = candidates.map((i) => this.identity(i));
    const inScope = scopeOf(policy, ids).map((k) => ids[k] as WorkloadIdentity);
    const same = (w: WorkloadIdentity): boolean =>
      (record.namespace === undefined || w.namespaceLabels?.[NS_LABEL] === record.namespace) && (record.clusterName === undefined || w.cluster?.name === record.clusterName);
    const found = inScope.find(same) ?? inScope[0] ?? null;
    this.cache.set(key, found);
    return found;
  }
}

/** Step-wise conversion: yields after every `chunk` records. */
export function* recordedActivitySteps(src: ActivitySource, chunk = 200): Generator<number, RecordedActivity, void> {
  const policies = new Map<string, SpyderbatPolicy>();
  for (const p of src.policies) if (typeof p.metadata.uid === 'string') policies.set(p.metadata.uid, p);
  const chains = new Map<string, Map<string, ProcessInfo[]>>();
  const finder = new WorkloadFinder(src.fingerprints);
  const skipped = new Map<string, number>();
  const skip = (reason: string): void => {
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  };
  const byWorkload = new Map<string, DeviationRecord[]>();
  const seen = new Set<string>();
  /** Events of one checksum on one workload, rebuilt once and re-timed per occurrence. */
  const templates = new Map<string, EngineEvent[]>();
  const events: EngineEvent[] = [];
  let replayed = 0;
  for (let a = 0; a < src.records.length; a += chunk) {
    for (const r of src.records.slice(a, a + chunk)) {
      if (r.deviation.metadata.type === 'cluster') {
        skip(SKIP_REASONS.cluster);
        continue;
      }
      const policy = policies.get(r.policyUid);
      if (policy === undefined) {
        skip(SKIP_REASONS.noPolicy);
        continue;
      }
      const workload = finder.find(r, policy);
      if (workload === null) {
        skip(SKIP_REASONS.noWorkload);
        continue;
      }
      const label = workloadLabel(workload);
      const tKey = `${r.policyUid}|${r.checksum || r.id}|${label}`;
      let template = templates.get(tKey);
      if (template === undefined) {
        let pc = chains.get(r.policyUid);
        if (pc === undefined) {
          pc = policyChains(policy);
          chains.set(r.policyUid, pc);
        }
        template = recordEvents(r, workload, pc);
        templates.set(tKey, template);
      }
      if (template.length === 0) {
        skip(SKIP_REASONS.noActivity);
        continue;
      }
      replayed++;
      for (const e of template) events.push(e.time === r.time ? e : { ...e, time: r.time });
      if (!seen.has(tKey)) {
        seen.add(tKey);
        const list = byWorkload.get(label);
        if (list === undefined) byWorkload.set(label, [r]);
        else list.push(r);
      }
    }
    yield Math.min(src.records.length, a + chunk);
  }
  return {
    events,
    records: src.records.length,
    replayed,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })).sort((x, y) => y.count - x.count),
    byWorkload,
  };
}

/** The whole conversion in one go (tests, small data). */
export function recordedActivity(src: ActivitySource): RecordedActivity {
  const steps = recordedActivitySteps(src);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/** Runs step-wise work, yielding to the event loop whenever `sliceMs` is used up. */
export async function runSliced<T>(steps: Generator<unknown, T, void>, sliceMs = 8, signal?: AbortSignal): Promise<T> {
  let start = performance.now();
  for (;;) {
    if (signal?.aborted === true) throw new DOMException('aborted', 'AbortError');
    const r = steps.next();
    if (r.done === true) return r.value;
    if (performance.now() - start >= sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      start = performance.now();
    }
  }
}
