/**
 * One process node of a processPolicy tree, with spyctl's matching and merging
 * rules (reference §5 "Process trees").
 */
import { fnmatch } from '../match/fnmatch.ts';
import { makeWildcard } from '../match/wildcard.ts';
import { compareStrings } from './field-merge.ts';
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';

export interface Ports {
  port: number;
  protocol: string;
  /** Equal to `port` when the source had no endPort. */
  endPort: number;
}

export function parsePorts(v: unknown): Ports | null {
  if (!isRecord(v) || typeof v.port !== 'number') return null;
  const endPort = typeof v.endPort === 'number' ? v.endPort : v.port;
  return { port: v.port, protocol: String(v.protocol), endPort: Math.max(endPort, v.port) };
}

/** `{protocol, port, endPort?}` as spyctl prints a port range. */
export function portsToData(p: Ports): Json {
  return p.endPort !== p.port ? { protocol: p.protocol, port: p.port, endPort: p.endPort } : { protocol: p.protocol, port: p.port };
}

export function portsContain(outer: Ports, inner: Ports): boolean {
  return outer.protocol === inner.protocol && outer.port <= inner.port && inner.endPort <= outer.endPort;
}

/** Python `pathlib.Path(p).name`. */
export function baseName(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export class ProcNode {
  name: string;
  exes: string[];
  id: string;
  eusers: string[];
  sockets: Ports[];
  children: ProcNode[] = [];
  parent: ProcNode | null;
  /** Other side only: the base id this node was merged into or copied as. */
  mergedId: string | null = null;

  constructor(name: string, exes: string[], id: string, eusers: string[], sockets: Ports[], parent: ProcNode | null) {
    this.name = name;
    this.exes = exes;
    this.id = id;
    this.eusers = eusers;
    this.sockets = sockets;
    this.parent = parent;
  }

  private matchExe(otherExe: string): boolean {
    if (this.exes.includes(otherExe)) return true;
    const otherBase = baseName(otherExe);
    return this.exes.some((exe) => fnmatch(otherExe, exe) || fnmatch(otherBase, baseName(exe)));
  }

  /** Every exe of `other` matches one of ours: exactly, by glob, or by glob on the file name. */
  matchesExes(otherExes: readonly string[]): boolean {
    return otherExes.every((e) => this.matchExe(e));
  }

  /** Asymmetric match, `other in node`: name by glob and every exe matched. */
  contains(other: ProcNode): boolean {
    return fnmatch(other.name, this.name) && this.matchesExes(other.exes);
  }

  /** Symmetric match (spyctl `symmetrical_in`): exes matched and names compatible. */
  symmetricallyIn(other: ProcNode): boolean {
    if (!this.matchesExes(other.exes)) return false;
    return fnmatch(other.name, this.name) || makeWildcard(this.name, other.name) !== null;
  }

  /**
   * Symmetric merge. spyctl always takes `make_wildcard(self, other)`, which can be
   * null (e.g. `*` with `ab`) or narrower than a glob already present (`iptables`
   * with `*tables*` gives `*tables`). Here a name that already covers the other
   * is kept, so the merged name always covers both.
   */
  mergeSymmetric(other: ProcNode): void {
    if (!fnmatch(other.name, this.name)) {
      this.name = fnmatch(this.name, other.name) ? other.name : (makeWildcard(this.name, other.name) ?? this.name);
    }
    this.absorb(other);
  }

  mergeAsymmetric(other: ProcNode): void {
    this.absorb(other);
  }

  private absorb(other: ProcNode): void {
    for (const exe of other.exes) {
      if (!this.exes.includes(exe) && !this.exes.some((e) => fnmatch(exe, e))) this.exes.push(exe);
    }
    for (const u of other.eusers) if (!this.eusers.includes(u)) this.eusers.push(u);
    for (const s of other.sockets) if (!this.sockets.some((t) => portsContain(t, s))) this.sockets.push({ ...s });
    other.mergedId = this.id;
  }

  /** Absorbing `other` would add no exe, user or listening socket. */
  coversAll(other: ProcNode): boolean {
    return (
      other.exes.every((exe) => this.exes.includes(exe) || this.exes.some((e) => fnmatch(exe, e))) &&
      other.eusers.every((u) => this.eusers.includes(u)) &&
      other.sockets.every((s) => this.sockets.some((t) => portsContain(t, s)))
    );
  }

  /** spyctl `as_dict`: sorted exes, euser only where it differs from the parent's, sorted children. */
  toData(parentEusers: readonly string[] | null, depth = 0): Json {
    const out: Json = { name: this.name, exe: [...this.exes].sort(compareStrings), id: this.id };
    if (parentEusers === null || parentEusers.length === 0 || !sameSet(parentEusers, this.eusers)) {
      out.euser = [...this.eusers].sort(compareStrings);
    }
    if (this.sockets.length > 0) out.listeningSockets = [...this.sockets].sort((a, b) => a.port - b.port).map(portsToData);
    if (this.children.length > 0 && depth < MAX_TREE_DEPTH) {
      out.children = this.children.map((c) => c.toData(this.eusers, depth + 1));
    }
    return out;
  }
}

/** Deeper trees are cut off (guards recursion; real trees are a few levels deep). */
export const MAX_TREE_DEPTH = 200;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** Stable sort of every children list by name, as spyctl's output order feeds its next merge. */
export function sortChildren(nodes: readonly ProcNode[], depth = 0): void {
  if (depth > MAX_TREE_DEPTH) return;
  for (const n of nodes) {
    if (n.children.length > 1) n.children.sort((a, b) => compareStrings(a.name, b.name));
    sortChildren(n.children, depth + 1);
  }
}
