/**
 * Turns process templates into concrete process trees. Ids are assigned once per
 * template instance over every node (extras included), so a fingerprint, the policy
 * built from the same template and a deviation all agree on `nginx_1`.
 */
import type { PortRange, ProcessNode } from '../model/types.ts';
import type { ProcTemplate } from './catalog.ts';
import type { Rng } from './prng.ts';

export interface InstNode {
  id: string;
  name: string;
  exe: string;
  euser: string;
  listen?: PortRange[];
  p: number;
  extra: boolean;
  ref?: string;
  children: InstNode[];
}

export interface TemplateInstance {
  roots: InstNode[];
  /** `ref` label → process id. */
  refs: Map<string, string>;
  /** Every node, depth-first. */
  all: InstNode[];
}

export function instantiate(templates: readonly ProcTemplate[]): TemplateInstance {
  const counters = new Map<string, number>();
  const refs = new Map<string, string>();
  const all: InstNode[] = [];
  const walk = (t: ProcTemplate, parentUser: string): InstNode => {
    const n = counters.get(t.name) ?? 0;
    counters.set(t.name, n + 1);
    const node: InstNode = {
      id: `${t.name}_${n}`,
      name: t.name,
      exe: t.exe,
      euser: t.euser ?? parentUser,
      p: t.p ?? 1,
      extra: t.extra ?? false,
      children: [],
      ...(t.listen ? { listen: t.listen } : {}),
      ...(t.ref ? { ref: t.ref } : {}),
    };
    if (t.ref) refs.set(t.ref, node.id);
    all.push(node);
    node.children = (t.children ?? []).map((c) => walk(c, node.euser));
    return node;
  };
  const roots = templates.map((t) => walk(t, 'root'));
  return { roots, refs, all };
}

const FILLER_NAMES: readonly (readonly [string, string])[] = [
  ['sh', '/bin/dash'],
  ['bash', '/usr/bin/bash'],
  ['python3', '/usr/bin/python3.11'],
  ['curl', '/usr/bin/curl'],
  ['awk', '/usr/bin/mawk'],
  ['sed', '/usr/bin/sed'],
  ['grep', '/usr/bin/grep'],
  ['cat', '/usr/bin/cat'],
  ['find', '/usr/bin/find'],
  ['tar', '/usr/bin/tar'],
  ['gzip', '/usr/bin/gzip'],
  ['openssl', '/usr/bin/openssl'],
  ['date', '/usr/bin/date'],
  ['sleep', '/usr/bin/sleep'],
  ['env', '/usr/bin/env'],
  ['perl', '/usr/bin/perl'],
  ['git', '/usr/bin/git'],
  ['ps', '/usr/bin/ps'],
  ['wget', '/usr/bin/wget'],
  ['jq', '/usr/bin/jq'],
  ['nslookup', '/usr/bin/nslookup'],
  ['uname', '/usr/bin/uname'],
  ['hostname', '/usr/bin/hostname'],
  ['id', '/usr/bin/id'],
];

/** Adds synthetic processes under random normal nodes until `target` nodes are not `extra`. */
export function padInstance(inst: TemplateInstance, target: number, rng: Rng): void {
  const counters = new Map<string, number>();
  for (const n of inst.all) {
    const m = /^(.*)_(\d+)$/.exec(n.id);
    if (m?.[1] !== undefined && m[2] !== undefined) counters.set(m[1], Math.max(counters.get(m[1]) ?? 0, Number(m[2]) + 1));
  }
  // Normal = neither the node nor an ancestor is `extra` (what a policy allows).
  const normal = [...normalNodes(inst)].map((id) => inst.all.find((n) => n.id === id) as InstNode);
  while (normal.length < target) {
    const parent = rng.pick(normal);
    const [name, exe] = rng.pick(FILLER_NAMES);
    const n = counters.get(name) ?? 0;
    counters.set(name, n + 1);
    const node: InstNode = { id: `${name}_${n}`, name, exe, euser: parent.euser, p: rng.chance(0.2) ? 0.7 : 1, extra: false, children: [] };
    parent.children.push(node);
    inst.all.push(node);
    normal.push(node);
  }
}

/** Decides, for one replica, which nodes run (children of absent nodes are absent). */
export function chooseNodes(inst: TemplateInstance, rng: Rng, extraBoost = 1): Set<string> {
  const present = new Set<string>();
  const visit = (n: InstNode): void => {
    const p = Math.min(1, n.p * (n.extra ? extraBoost : 1));
    if (p < 1 && !rng.chance(p)) return;
    present.add(n.id);
    n.children.forEach(visit);
  };
  inst.roots.forEach(visit);
  return present;
}

/** The ids a generated policy allows: every node that is not `extra`. */
export function normalNodes(inst: TemplateInstance): Set<string> {
  const out = new Set<string>();
  const visit = (n: InstNode): void => {
    if (n.extra) return;
    out.add(n.id);
    n.children.forEach(visit);
  };
  inst.roots.forEach(visit);
  return out;
}

export function toProcessNode(n: InstNode, include: ReadonlySet<string>): ProcessNode {
  const node: ProcessNode = { name: n.name, exe: [n.exe], id: n.id, euser: [n.euser] };
  if (n.listen && n.listen.length > 0) node.listeningSockets = n.listen.map((l) => ({ ...l }));
  const children = n.children.filter((c) => include.has(c.id)).map((c) => toProcessNode(c, include));
  if (children.length > 0) node.children = children;
  return node;
}

/** The process tree of the nodes in `include`. */
export function buildProcessPolicy(inst: TemplateInstance, include: ReadonlySet<string>): ProcessNode[] {
  return inst.roots.filter((r) => include.has(r.id)).map((r) => toProcessNode(r, include));
}

/** Finds a node and its parent id. */
export function findNode(inst: TemplateInstance, id: string): { node: InstNode; parentId: string | null } | null {
  const visit = (nodes: readonly InstNode[], parentId: string | null): { node: InstNode; parentId: string | null } | null => {
    for (const n of nodes) {
      if (n.id === id) return { node: n, parentId };
      const hit = visit(n.children, n.id);
      if (hit) return hit;
    }
    return null;
  };
  return visit(inst.roots, null);
}

export function countNodes(nodes: readonly ProcessNode[]): number {
  let n = 0;
  for (const node of nodes) n += 1 + countNodes(node.children ?? []);
  return n;
}
