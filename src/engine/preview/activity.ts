/**
 * A fingerprint's observed activity as events (see evaluate/types.ts), so the
 * evaluator can replay it against a draft: one process event per process
 * path (leaf exe × leaf user) and one connection event per peer × port ×
 * process of each network rule.
 */
import type { EgressRule, IngressRule, ProcessNode, SpyderbatFingerprint, WorkloadIdentity } from '../model/types.ts';
import type { ProcessInfo } from '../match/selectors.ts';
import { treePaths } from '../evaluate/generate-events.ts';
import type { EngineEvent, EventConnection } from '../evaluate/types.ts';

const UNKNOWN: ProcessInfo = { name: '', exe: '', euser: '' };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

type Path = ReturnType<typeof treePaths>[number];

function chainOf(path: Path, exe?: string, euser?: string): ProcessInfo[] {
  return path.map(({ node, euser: users }, i) => {
    const last = i === path.length - 1;
    return {
      name: typeof node.name === 'string' ? node.name : '',
      exe: last && exe !== undefined ? exe : (strings(node.exe)[0] ?? ''),
      euser: last && euser !== undefined ? euser : (strings(users)[0] ?? 'root'),
    };
  });
}

function peersOf(rule: IngressRule | EgressRule, dir: 'ingress' | 'egress'): { ip?: string; dns?: string }[] {
  const raw: unknown = dir === 'ingress' ? (rule as IngressRule).from : (rule as EgressRule).to;
  const out: { ip?: string; dns?: string }[] = [];
  for (const p of Array.isArray(raw) ? (raw as unknown[]) : []) {
    if (p === null || typeof p !== 'object') continue;
    const block = (p as { ipBlock?: { cidr?: unknown } }).ipBlock;
    if (block !== undefined && typeof block.cidr === 'string') out.push({ ip: block.cidr.split('/')[0] ?? block.cidr });
    for (const dns of strings((p as { dnsSelector?: unknown }).dnsSelector)) out.push({ dns });
  }
  return out;
}

/** Events describing everything a fingerprint observed. */
export function fingerprintActivity(fp: SpyderbatFingerprint, workload: WorkloadIdentity): EngineEvent[] {
  const spec = fp.spec;
  const roots: ProcessNode[] = Array.isArray(spec.processPolicy) ? spec.processPolicy : [];
  const paths = treePaths(roots);
  const chainById = new Map<string, ProcessInfo[]>();
  const out: EngineEvent[] = [];
  for (const path of paths) {
    const leaf = path[path.length - 1];
    if (leaf === undefined) continue;
    if (typeof leaf.node.id === 'string' && !chainById.has(leaf.node.id)) chainById.set(leaf.node.id, chainOf(path));
    const exes = strings(leaf.node.exe);
    const users = strings(leaf.euser);
    for (const exe of exes.length > 0 ? exes : ['']) {
      for (const euser of users.length > 0 ? users : ['root']) {
        out.push({ time: 0, workload, kind: 'process', process: { chain: chainOf(path, exe, euser) } });
      }
    }
  }
  const anyChain = paths[0] !== undefined ? chainOf(paths[0]) : [UNKNOWN];
  const net = spec.networkPolicy as unknown as Record<string, unknown> | undefined;
  for (const dir of ['ingress', 'egress'] as const) {
    const rules: unknown = net?.[dir];
    for (const rule of Array.isArray(rules) ? (rules as (IngressRule | EgressRule)[]) : []) {
      const ids = strings(rule.processes);
      const chains = ids.length === 0 ? [anyChain] : ids.map((id) => chainById.get(id) ?? [UNKNOWN]);
      const ports = Array.isArray(rule.ports) ? rule.ports : [];
      for (const peer of peersOf(rule, dir)) {
        for (const p of ports) {
          if (typeof p?.port !== 'number') continue;
          const connection: EventConnection = { direction: dir, port: p.port, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP', ...peer };
          for (const chain of chains) out.push({ time: 0, workload, kind: 'connection', process: { chain }, connection });
        }
      }
    }
  }
  return out;
}
