/**
 * What "Add to policy" merges: a deviation turned into an engine merge input.
 *
 * - A fingerprint deviation item (from the engine's `findDeviations` on one
 *   fingerprint) becomes a GuardianDeviation: a new process under an existing
 *   node as `policyNode: {id, children: [node]}` (so the merge puts it at that
 *   place in the tree), a new root as a root node, a connection as a one-peer
 *   network rule naming its process. A connection of a process that is itself
 *   new carries that process along.
 * - A recorded deviation (an `event_deviation` record of an applied policy) is
 *   merged as recorded, re-addressed to the draft: its `policy_uid` becomes the
 *   draft's, and a `policyNode` the draft does not have is expanded into the
 *   chain of nodes above it, taken from the policy that recorded it.
 */
import type { DeviationRecord } from '../../../api/types.ts';
import type { DeviationItem } from '../../../engine/spyderbat/types.ts';
import type {
  DeviationProcessEntry,
  GuardianDeviation,
  NetworkPolicy,
  Peer,
  PolicyType,
  PortRange,
  ProcessNode,
  SpyderbatPolicy,
} from '../../../engine/model/types.ts';

export interface DraftShape {
  type: PolicyType;
  uid?: string;
  /** Process node ids in the draft. */
  ids: ReadonlySet<string>;
}

export interface MergeCandidate {
  /** Stable within one list. */
  key: string;
  kind: 'process' | 'ingress' | 'egress';
  /** What it adds, one line. */
  title: string;
  input: GuardianDeviation;
  /** The note handed to the editor: "Added process curl from web-9 · …". */
  note: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function collectIds(nodes: unknown, out: Set<string>, depth = 0): Set<string> {
  if (!Array.isArray(nodes) || depth > 200) return out;
  for (const n of nodes as unknown[]) {
    if (!isRecord(n)) continue;
    if (typeof n.id === 'string') out.add(n.id);
    collectIds(n.children, out, depth + 1);
  }
  return out;
}

/** The draft facts a merge input depends on. */
export function draftShape(policy: SpyderbatPolicy): DraftShape {
  const uid = policy.metadata.uid;
  return {
    type: policy.metadata.type,
    ...(typeof uid === 'string' && uid !== '' ? { uid } : {}),
    ids: collectIds(policy.metadata.type === 'cluster' ? [] : (policy.spec as { processPolicy?: unknown }).processPolicy, new Set()),
  };
}

function envelope(draft: DraftShape, spec: GuardianDeviation['spec']): GuardianDeviation {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'GuardianDeviation',
    metadata: { type: draft.type, ...(draft.uid !== undefined ? { policy_uid: draft.uid } : {}) },
    spec,
  };
}

/** A CIDR (`10.0.0.0/8`, `::1/128`) or a bare IP; anything else is a DNS name. */
export function peerOf(peer: string): Peer {
  const isIp = /^[0-9.]+(\/\d+)?$/.test(peer) || (peer.includes(':') && /^[0-9a-fA-F:.]+(\/\d+)?$/.test(peer));
  if (!isIp) return { dnsSelector: [peer] };
  return { ipBlock: { cidr: peer.includes('/') ? peer : `${peer}/${peer.includes(':') ? 128 : 32}` } };
}

function subtreeHas(node: ProcessNode, id: string, depth = 0): boolean {
  if (node.id === id) return true;
  if (depth > 200) return false;
  return (node.children ?? []).some((c) => subtreeHas(c, id, depth + 1));
}

type ProcessItem = Extract<DeviationItem, { kind: 'process' }>;
type NetworkItem = Exclude<DeviationItem, ProcessItem>;

function processEntry(item: ProcessItem, draft: DraftShape): DeviationProcessEntry {
  if (item.parentId !== undefined && draft.ids.has(item.parentId)) return { policyNode: { id: item.parentId, children: [item.node] } };
  return item.node;
}

function exes(node: ProcessNode): string {
  return Array.isArray(node.exe) ? node.exe.join(', ') : '';
}

function processTitle(item: ProcessItem, draft: DraftShape): string {
  const under = item.parentId !== undefined && draft.ids.has(item.parentId) ? ` under ${item.parentId}` : ' as a new root process';
  const kids = (item.node.children ?? []).length;
  return `process ${item.node.name} (${exes(item.node)})${under}${kids > 0 ? ` with ${kids} child process${kids === 1 ? '' : 'es'}` : ''}`;
}

function networkTitle(item: NetworkItem): string {
  const ports = item.endPort !== undefined ? `${item.port}-${item.endPort}` : String(item.port);
  const by = item.process !== undefined ? ` by ${item.process}` : '';
  return `${item.kind} ${item.kind === 'ingress' ? 'from' : 'to'} ${item.peer}:${ports}/${item.protocol}${by}`;
}

function networkRule(item: NetworkItem): Partial<NetworkPolicy> {
  const port: PortRange = { port: item.port, protocol: item.protocol, ...(item.endPort !== undefined ? { endPort: item.endPort } : {}) };
  const processes = item.process !== undefined ? { processes: [item.process] } : {};
  const peer = peerOf(item.peer);
  return item.kind === 'ingress' ? { ingress: [{ from: [peer], ports: [port], ...processes }] } : { egress: [{ to: [peer], ports: [port], ...processes }] };
}

/** One merge input per deviation item of a fingerprint. */
export function candidatesFromItems(items: readonly DeviationItem[], draft: DraftShape, workload: string): MergeCandidate[] {
  const processItems = items.filter((i): i is ProcessItem => i.kind === 'process');
  return items.map((item, k) => {
    if (item.kind === 'process') {
      return {
        key: `i${k}`,
        kind: 'process',
        title: processTitle(item, draft),
        input: envelope(draft, { processPolicy: [processEntry(item, draft)] }),
        note: `Added process ${item.node.name} from ${workload}`,
      };
    }
    const entries: DeviationProcessEntry[] = [];
    let extra = '';
    if (item.process !== undefined) {
      if (draft.ids.has(item.process)) entries.push({ policyNode: { id: item.process, children: [] } });
      else {
        const owner = processItems.find((p) => subtreeHas(p.node, item.process as string));
        if (owner !== undefined) {
          entries.push(processEntry(owner, draft));
          extra = ` (with its new process ${owner.node.name})`;
        }
      }
    }
    return {
      key: `i${k}`,
      kind: item.kind,
      title: networkTitle(item) + extra,
      input: envelope(draft, { ...(entries.length > 0 ? { processPolicy: entries } : {}), networkPolicy: networkRule(item) }),
      note: `Added ${item.kind} ${item.kind === 'ingress' ? 'from' : 'to'} ${item.peer}:${item.port}/${item.protocol} from ${workload}`,
    };
  });
}

/** The chain of nodes (root → `id`) of a policy, each without its other children; null when `id` is not in it. */
export function chainTo(roots: readonly ProcessNode[], id: string, depth = 0): ProcessNode[] | null {
  if (depth > 200) return null;
  for (const n of roots) {
    const { children, ...rest } = n;
    if (n.id === id) return [rest];
    const below = chainTo(children ?? [], id, depth + 1);
    if (below !== null) return [rest, ...below];
  }
  return null;
}

/** Nest a chain (root first) with `leafChildren` under its last node. */
function nest(chain: readonly ProcessNode[], leafChildren: ProcessNode[]): ProcessNode {
  let child: ProcessNode[] = leafChildren;
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i] as ProcessNode;
    const node: ProcessNode = { ...n, ...(child.length > 0 ? { children: child } : {}) };
    child = [node];
  }
  return child[0] as ProcessNode;
}

/** A recorded deviation re-addressed to the draft. */
export function recordToInput(record: DeviationRecord, draft: DraftShape, recordedBy: SpyderbatPolicy | undefined): GuardianDeviation {
  const dev = record.deviation;
  const pp = recordedBy !== undefined && recordedBy.metadata.type !== 'cluster' ? (recordedBy.spec as { processPolicy?: unknown }).processPolicy : undefined;
  const roots: ProcessNode[] = Array.isArray(pp) ? (pp as ProcessNode[]) : [];
  const processPolicy = (dev.spec.processPolicy ?? []).map((entry): DeviationProcessEntry => {
    if (!('policyNode' in entry) || draft.ids.has(entry.policyNode.id)) return entry;
    const chain = chainTo(roots, entry.policyNode.id);
    return chain === null ? entry : nest(chain, entry.policyNode.children);
  });
  const { policy_uid: _uid, ...meta } = dev.metadata;
  return {
    ...dev,
    metadata: { ...meta, type: draft.type, ...(draft.uid !== undefined ? { policy_uid: draft.uid } : {}) },
    spec: { ...dev.spec, ...(dev.spec.processPolicy !== undefined ? { processPolicy } : {}) },
  };
}

/** One merge input per recorded deviation of a workload. */
export function candidatesFromRecords(records: readonly DeviationRecord[], draft: DraftShape, policies: readonly SpyderbatPolicy[], workload: string): MergeCandidate[] {
  return records.map((r) => {
    const net = r.deviation.spec.networkPolicy;
    const kind = (r.deviation.spec.processPolicy ?? []).some((e) => !('policyNode' in e) || e.policyNode.children.length > 0)
      ? 'process'
      : (net?.ingress?.length ?? 0) > 0
        ? 'ingress'
        : 'egress';
    return {
      key: r.id,
      kind,
      title: r.description || `deviation ${r.checksum}`,
      input: recordToInput(r, draft, policies.find((p) => p.metadata.uid === r.policyUid)),
      note: `Added recorded deviation ${r.checksum.slice(0, 8) || r.id} from ${workload}`,
    };
  });
}
