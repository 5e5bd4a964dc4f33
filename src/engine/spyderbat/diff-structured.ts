/**
 * `spyctl diff -o yaml` (spyctl `guardian_object_diff`): the merged policy with
 * - process nodes matched by id level by level: a new id is `diff: added`, the
 *   same id with different fields (children aside) `diff: changed`, an original
 *   node with no match `diff: removed` with its whole subtree;
 * - the network policy exploded into atoms (one peer × one port × one process),
 *   tagged `added` / `removed` by set difference, unchanged atoms untagged.
 *
 * Fixes: a DNS atom without processes is a list (`to: [{dnsSelector: [n]}]`);
 * spyctl printed a mapping there (reference §7 bug). Removed children of a
 * surviving node are listed under it; spyctl appended them to the original
 * document and never printed them. Atom lists come out in a fixed order
 * (added, removed, unchanged, each in document order); spyctl's follow Python
 * set order.
 */
import { canonicalJson, cloneJson, isRecord, jsonEqual, specOf } from './inputs.ts';
import type { Json } from './inputs.ts';

export type DiffTag = 'added' | 'changed' | 'removed';

const MAX_DEPTH = 200;

function nodesOf(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function withoutChildren(node: Json): Json {
  const { children: _children, ...rest } = node;
  return rest;
}

function markRemoved(node: Json, depth: number): Json {
  const out: Json = { ...withoutChildren(cloneJson(node)), diff: 'removed' };
  const kids = nodesOf(node.children);
  if (kids.length > 0 && depth < MAX_DEPTH) out.children = kids.map((c) => markRemoved(c, depth + 1));
  return out;
}

function diffLevel(others: readonly Json[], origs: readonly Json[], depth: number): Json[] {
  const out: Json[] = [];
  for (const other of others) {
    const diffNode: Json = cloneJson(withoutChildren(other));
    const match = origs.find((o) => o.id === other.id);
    if (match === undefined) diffNode.diff = 'added';
    else if (canonicalJson(withoutChildren(match)) !== canonicalJson(withoutChildren(other))) diffNode.diff = 'changed';
    const kids = nodesOf(other.children);
    const origKids = match !== undefined ? nodesOf(match.children) : [];
    const removed = origKids.filter((o) => !kids.some((k) => k.id === o.id));
    if ((Array.isArray(other.children) || removed.length > 0) && depth < MAX_DEPTH) {
      diffNode.children = [...diffLevel(kids, origKids, depth + 1), ...removed.map((r) => markRemoved(r, depth + 1))];
    }
    out.push(diffNode);
  }
  return out;
}

/** The tagged process forest: merged nodes, then removed roots. */
export function diffProcesses(origSpec: Json, otherSpec: Json): Json[] {
  const origs = nodesOf(origSpec.processPolicy);
  const others = nodesOf(otherSpec.processPolicy);
  const out = diffLevel(others, origs, 0);
  for (const o of origs) if (!others.some((x) => x.id === o.id)) out.push(markRemoved(o, 0));
  return out;
}

/** One network atom: a single peer, port and (optional) process. */
export interface NetAtom {
  direction: 'ingress' | 'egress';
  peer: Json;
  port: Json;
  process?: string;
  key: string;
}

const cidrPeerKeys = new Map<string, string>();

/** canonicalJson(peer), from a cache for the common `{ipBlock: {cidr}}` peer. */
function peerKeyOf(peer: Json): string {
  const block = peer.ipBlock;
  if (!isRecord(block) || typeof block.cidr !== 'string') return canonicalJson(peer);
  let n = 0;
  for (const k in peer) if (Object.hasOwn(peer, k)) n++;
  for (const k in block) if (Object.hasOwn(block, k)) n++;
  if (n !== 2) return canonicalJson(peer);
  let key = cidrPeerKeys.get(block.cidr);
  if (key === undefined) {
    key = canonicalJson(peer);
    if (cidrPeerKeys.size >= 100_000) cidrPeerKeys.clear();
    cidrPeerKeys.set(block.cidr, key);
  }
  return key;
}

type AtomVisit = (peer: Json, peerKey: string, port: Json, tail: string, process: string | undefined) => void;

/**
 * Every peer × port × process of `nodes`. An atom's key is
 * canonicalJson([direction, peer, port, process]) = `[dir,peerKey,tail]` with
 * tail = `portKey,processKey`; the parts are printed once per peer / port /
 * process instead of once per atom.
 */
function forEachAtom(nodes: readonly Json[], visit: AtomVisit): void {
  for (const node of nodes) {
    const peers = nodesOf(node.from ?? node.to);
    const processes = Array.isArray(node.processes) ? node.processes.map(String) : [];
    const ports = nodesOf(node.ports);
    const procKeys = processes.length > 0 ? processes.map((p) => JSON.stringify(p)) : ['null'];
    const tails = ports.map((port) => {
      const portKey = canonicalJson(port);
      return procKeys.map((q) => `${portKey},${q}`);
    });
    for (const tf of peers) {
      const singles: Json[] = Array.isArray(tf.dnsSelector) ? tf.dnsSelector.map((n) => ({ dnsSelector: [n] })) : [tf];
      for (const peer of singles) {
        const peerKey = peerKeyOf(peer);
        for (let pi = 0; pi < ports.length; pi++) {
          const row = tails[pi] ?? [];
          for (let qi = 0; qi < row.length; qi++) visit(peer, peerKey, ports[pi] as Json, row[qi] ?? '', processes[qi]);
        }
      }
    }
  }
}

function explodeNodes(nodes: readonly Json[], direction: 'ingress' | 'egress', known?: ReadonlyMap<string, ReadonlySet<string>>): NetAtom[] {
  const out: NetAtom[] = [];
  const seen = new Set<string>();
  const dirKey = JSON.stringify(direction);
  forEachAtom(nodes, (peer, peerKey, port, tail, process) => {
    if (known?.get(peerKey)?.has(tail) === true) return;
    const key = `[${dirKey},${peerKey},${tail}]`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ direction, peer, port, key, ...(process !== undefined ? { process } : {}) });
  });
  return out;
}

function directionNodes(spec: Json, direction: 'ingress' | 'egress'): Json[] {
  const np = isRecord(spec.networkPolicy) ? spec.networkPolicy : {};
  return nodesOf(np[direction]);
}

export function explodeNetwork(spec: Json, direction: 'ingress' | 'egress'): NetAtom[] {
  return explodeNodes(directionNodes(spec, direction), direction);
}

/** The atoms of one original, for repeated `addedAtoms` against it. */
export interface AtomIndex {
  direction: 'ingress' | 'egress';
  /** Peer key → the tails (port, process) it has in the original. */
  known: ReadonlyMap<string, ReadonlySet<string>>;
  /** The original's nodes by a cheap signature, to skip identical nodes. */
  nodes: ReadonlyMap<string, readonly Json[]>;
}

function nodeSignature(node: Json): string {
  const peers = node.from ?? node.to;
  return `${Array.isArray(peers) ? peers.length : -1}|${canonicalJson(node.ports)}|${canonicalJson(node.processes)}`;
}

export function atomIndex(spec: Json, direction: 'ingress' | 'egress'): AtomIndex {
  const list = directionNodes(spec, direction);
  const nodes = new Map<string, Json[]>();
  for (const n of list) {
    const sig = nodeSignature(n);
    const at = nodes.get(sig);
    if (at === undefined) nodes.set(sig, [n]);
    else at.push(n);
  }
  const known = new Map<string, Set<string>>();
  forEachAtom(list, (_peer, peerKey, _port, tail) => {
    const tails = known.get(peerKey);
    if (tails === undefined) known.set(peerKey, new Set([tail]));
    else tails.add(tail);
  });
  return { direction, known, nodes };
}

/**
 * `diffAtoms(orig, other, direction).added`, with the original indexed once. A
 * node equal to one of the original's has all its atoms in the original, so it
 * is not exploded (this changes neither which atoms are added nor their order).
 */
export function addedAtoms(orig: AtomIndex, otherSpec: Json): NetAtom[] {
  const fresh = directionNodes(otherSpec, orig.direction).filter((n) => !(orig.nodes.get(nodeSignature(n)) ?? []).some((o) => jsonEqual(o, n)));
  return explodeNodes(fresh, orig.direction, orig.known);
}

function atomToData(a: NetAtom, tag: DiffTag | null): Json {
  const out: Json = { [a.direction === 'ingress' ? 'from' : 'to']: [cloneJson(a.peer)], ports: [cloneJson(a.port)] };
  if (a.process !== undefined) out.processes = [a.process];
  if (tag !== null) out.diff = tag;
  return out;
}

export interface NetworkDiff {
  added: NetAtom[];
  removed: NetAtom[];
  unchanged: NetAtom[];
}

export function diffAtoms(origSpec: Json, otherSpec: Json, direction: 'ingress' | 'egress'): NetworkDiff {
  const orig = explodeNetwork(origSpec, direction);
  const other = explodeNetwork(otherSpec, direction);
  const origKeys = new Set(orig.map((a) => a.key));
  const otherKeys = new Set(other.map((a) => a.key));
  return {
    added: other.filter((a) => !origKeys.has(a.key)),
    removed: orig.filter((a) => !otherKeys.has(a.key)),
    unchanged: other.filter((a) => origKeys.has(a.key)),
  };
}

function networkDiffData(d: NetworkDiff): Json[] {
  return [
    ...d.added.map((a) => atomToData(a, 'added')),
    ...d.removed.map((a) => atomToData(a, 'removed')),
    ...d.unchanged.map((a) => atomToData(a, null)),
  ];
}

/** The `diff -o yaml` object for an original policy and its merged version. */
export function structuredDiff(original: Json, merged: Json): Json {
  const origSpec = specOf(original);
  const otherSpec = specOf(merged);
  const out: Json = { ...merged };
  const spec: Json = { ...otherSpec };
  spec.processPolicy = diffProcesses(origSpec, otherSpec);
  spec.networkPolicy = {
    ingress: networkDiffData(diffAtoms(origSpec, otherSpec, 'ingress')),
    egress: networkDiffData(diffAtoms(origSpec, otherSpec, 'egress')),
  };
  out.spec = spec;
  return cloneJson(out);
}
