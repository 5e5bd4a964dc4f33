/**
 * The `spyctl diff -o yaml` object (the merged policy with `diff` tags) as a
 * tree to draw: process nodes that changed, with the path above them, and the
 * unchanged rest folded into counts; network atoms added or removed.
 */
export type DiffTag = 'added' | 'changed' | 'removed';

export interface DiffNode {
  id: string;
  name: string;
  exe: string[];
  euser: string[];
  tag: DiffTag | null;
  children: DiffNode[];
  /** Unchanged descendants left out of `children`. */
  hidden: number;
}

export interface DiffAtom {
  direction: 'ingress' | 'egress';
  tag: DiffTag | null;
  /** `10.0.0.0/8`, `api.example.com`. */
  peer: string;
  /** `443/TCP`, `8000-8080/TCP`. */
  port: string;
  process?: string;
}

export interface DiffTree {
  roots: DiffNode[];
  /** Processes of unchanged root subtrees left out. */
  hiddenProcesses: number;
  atoms: DiffAtom[];
  /** Unchanged atoms left out, per direction. */
  unchangedAtoms: { ingress: number; egress: number };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function text(v: unknown, fallback = ''): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
}

function tagOf(v: unknown): DiffTag | null {
  return v === 'added' || v === 'changed' || v === 'removed' ? v : null;
}

function count(n: Record<string, unknown>, depth: number): number {
  if (depth > 200) return 1;
  const kids = Array.isArray(n.children) ? n.children.filter(isRecord) : [];
  return 1 + kids.reduce((s, k) => s + count(k, depth + 1), 0);
}

/** A node and the tagged part below it; null when nothing in the subtree is tagged. */
function prune(n: Record<string, unknown>, depth: number): DiffNode | null {
  const kids = Array.isArray(n.children) ? n.children.filter(isRecord) : [];
  const children: DiffNode[] = [];
  let hidden = 0;
  for (const k of kids) {
    const p = depth < 200 ? prune(k, depth + 1) : null;
    if (p === null) hidden += count(k, depth + 1);
    else children.push(p);
  }
  const tag = tagOf(n.diff);
  if (tag === null && children.length === 0) return null;
  return { id: text(n.id), name: text(n.name), exe: strings(n.exe), euser: strings(n.euser), tag, children, hidden };
}

function peerText(p: unknown): string {
  if (!isRecord(p)) return '?';
  if (isRecord(p.ipBlock)) {
    const except = strings(p.ipBlock.except);
    return `${text(p.ipBlock.cidr, '?')}${except.length > 0 ? ` except ${except.join(', ')}` : ''}`;
  }
  return strings(p.dnsSelector).join(', ') || '?';
}

function portText(p: unknown): string {
  if (!isRecord(p)) return '?';
  const range = typeof p.endPort === 'number' && p.endPort !== p.port ? `${text(p.port, '?')}-${p.endPort}` : text(p.port, '?');
  return `${range}/${text(p.protocol, 'TCP')}`;
}

export function diffTree(structured: unknown): DiffTree {
  const spec = isRecord(structured) && isRecord(structured.spec) ? structured.spec : {};
  const roots: DiffNode[] = [];
  let hiddenProcesses = 0;
  for (const r of Array.isArray(spec.processPolicy) ? spec.processPolicy.filter(isRecord) : []) {
    const p = prune(r, 0);
    if (p === null) hiddenProcesses += count(r, 0);
    else roots.push(p);
  }
  const atoms: DiffAtom[] = [];
  const unchangedAtoms = { ingress: 0, egress: 0 };
  const net = isRecord(spec.networkPolicy) ? spec.networkPolicy : {};
  for (const direction of ['ingress', 'egress'] as const) {
    for (const a of Array.isArray(net[direction]) ? (net[direction] as unknown[]).filter(isRecord) : []) {
      const tag = tagOf(a.diff);
      if (tag === null) {
        unchangedAtoms[direction]++;
        continue;
      }
      const peers: unknown = direction === 'ingress' ? a.from : a.to;
      const peer = Array.isArray(peers) ? peers.map(peerText).join(', ') : '?';
      const port = Array.isArray(a.ports) ? a.ports.map(portText).join(', ') : '?';
      const procs = strings(a.processes);
      atoms.push({ direction, tag, peer, port, ...(procs.length > 0 ? { process: procs.join(', ') } : {}) });
    }
  }
  return { roots, hiddenProcesses, atoms, unchangedAtoms };
}
