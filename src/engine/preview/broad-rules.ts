/**
 * Rules of a draft that allow much more than observed activity usually needs:
 * `*` process names or users, executables like `/*` or `/usr/**`, any address
 * (`0.0.0.0/0`, `::/0`, very short prefixes), DNS globs over a whole
 * top-level domain, very wide port ranges, and selectors that match every
 * workload. Static: looks only at the policy text, not at the data.
 */
import type { EgressRule, IngressRule, PortRange, ProcessNode, WorkloadPolicy } from '../model/types.ts';
import { parseCidr } from '../match/cidr.ts';
import type { BroadRule } from './types.ts';

const ANY = /^\*+$/;
/** Ports in one range above which a rule counts as broad. */
export const WIDE_PORT_RANGE = 1024;
/** IPv4 / IPv6 prefixes shorter than these count as broad. */
const MIN_PREFIX = { 4: 8, 6: 16 } as const;

/** `*`, `**`…: matches any string. */
export function matchesAnything(pattern: string): boolean {
  return ANY.test(pattern);
}

/** Why an executable pattern is broad, or null: `*`, `**` anywhere, or `<dir>/*` one level below the root. */
export function broadExeReason(exe: string): string | null {
  if (matchesAnything(exe)) return 'matches any executable';
  if (exe.includes('**')) return `'**' matches any executable below ${exe.slice(0, exe.indexOf('**')) || '/'}`;
  const firstGlob = exe.search(/[*?[]/);
  if (firstGlob < 0) return null;
  const literal = exe.slice(0, firstGlob);
  const depth = literal.split('/').filter((s) => s !== '').length;
  const rest = exe.slice(firstGlob);
  if (depth <= 1 && rest.startsWith('*') && literal.endsWith('/')) {
    return `matches any executable under ${literal}`;
  }
  return null;
}

function processRules(nodes: readonly ProcessNode[], base: string, out: BroadRule[]): void {
  nodes.forEach((n, i) => {
    const path = `${base}[${i}]`;
    if (typeof n.name === 'string' && matchesAnything(n.name)) {
      out.push({ kind: 'process', path: `${path}.name`, id: n.id, reason: `process name '${n.name}' matches any process` });
    }
    (Array.isArray(n.exe) ? n.exe : []).forEach((exe, k) => {
      const why = typeof exe === 'string' ? broadExeReason(exe) : null;
      if (why !== null) out.push({ kind: 'process', path: `${path}.exe[${k}]`, id: n.id, reason: `exe '${exe}' ${why}` });
    });
    (Array.isArray(n.euser) ? n.euser : []).forEach((u, k) => {
      if (typeof u === 'string' && matchesAnything(u)) {
        out.push({ kind: 'process', path: `${path}.euser[${k}]`, id: n.id, reason: `euser '${u}' matches any user` });
      }
    });
    if (Array.isArray(n.children)) processRules(n.children, `${path}.children`, out);
  });
}

function portReason(p: PortRange): string | null {
  if (p.endPort === undefined || typeof p.port !== 'number') return null;
  const width = p.endPort - p.port + 1;
  return width > WIDE_PORT_RANGE ? `port range ${p.port}-${p.endPort} (${width} ports)` : null;
}

function dnsReason(name: string): string | null {
  if (matchesAnything(name)) return `DNS name '${name}' matches any name`;
  // `*.com`, `*.local`: one literal label after the glob.
  if (/^\*\.?[^.*?[\]]+\.?$/.test(name)) return `DNS name '${name}' matches a whole top-level domain`;
  return null;
}

function networkRules(rules: readonly (IngressRule | EgressRule)[], dir: 'ingress' | 'egress', out: BroadRule[]): void {
  rules.forEach((rule, i) => {
    const path = `spec.networkPolicy.${dir}[${i}]`;
    const peersKey = dir === 'ingress' ? 'from' : 'to';
    const peers: unknown = (rule as unknown as Record<string, unknown>)[peersKey];
    (Array.isArray(peers) ? peers : []).forEach((peer: unknown, k) => {
      const ppath = `${path}.${peersKey}[${k}]`;
      if (peer === null || typeof peer !== 'object') return;
      const block = (peer as { ipBlock?: { cidr?: unknown } }).ipBlock;
      if (block !== undefined && typeof block.cidr === 'string') {
        const net = parseCidr(block.cidr);
        if (net !== null && net.prefix < MIN_PREFIX[net.family]) {
          const what = net.prefix === 0 ? `any IPv${net.family} address` : `a /${net.prefix} network`;
          out.push({ kind: 'network', path: `${ppath}.ipBlock.cidr`, direction: dir, rule: i, reason: `${block.cidr} allows ${what}` });
        }
      }
      const dns = (peer as { dnsSelector?: unknown }).dnsSelector;
      (Array.isArray(dns) ? dns : []).forEach((name: unknown, d) => {
        const why = typeof name === 'string' ? dnsReason(name) : null;
        if (why !== null) out.push({ kind: 'network', path: `${ppath}.dnsSelector[${d}]`, direction: dir, rule: i, reason: why });
      });
    });
    (Array.isArray(rule.ports) ? rule.ports : []).forEach((p, k) => {
      const why = portReason(p);
      if (why !== null) out.push({ kind: 'network', path: `${path}.ports[${k}]`, direction: dir, rule: i, reason: why });
    });
  });
}

function selectorRules(policy: WorkloadPolicy, out: BroadRule[]): void {
  const spec = policy.spec as unknown as Record<string, unknown>;
  for (const [sel, keys] of [
    ['containerSelector', ['image', 'containerName']],
    ['serviceSelector', ['cgroup']],
  ] as const) {
    const s = spec[sel] as Record<string, unknown> | undefined;
    if (s === undefined || s === null || typeof s !== 'object') continue;
    for (const k of keys) {
      const v = s[k];
      if (typeof v === 'string' && matchesAnything(v)) {
        out.push({ kind: 'selector', path: `spec.${sel}.${k}`, reason: `${k} '${v}' selects every ${sel === 'containerSelector' ? 'container' : 'service'}` });
      }
    }
  }
}

/** Every too-broad rule of a workload policy, in document order. */
export function findBroadRules(policy: WorkloadPolicy): BroadRule[] {
  const out: BroadRule[] = [];
  const spec = policy.spec;
  selectorRules(policy, out);
  if (Array.isArray(spec.processPolicy)) processRules(spec.processPolicy, 'spec.processPolicy', out);
  const net = spec.networkPolicy as Partial<WorkloadPolicy['spec']['networkPolicy']> | undefined;
  if (net !== undefined && net !== null) {
    if (Array.isArray(net.ingress)) networkRules(net.ingress, 'ingress', out);
    if (Array.isArray(net.egress)) networkRules(net.egress, 'egress', out);
  }
  return out;
}
