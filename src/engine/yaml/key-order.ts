/**
 * spyctl's output key order. Each mapping has a role (envelope, spec, process
 * node, …) deciding which keys come first; unknown keys keep their input order
 * (after the listed ones, or at `REST` where the table places them).
 */
import { SELECTOR_KEYS } from '../model/types.ts';

export type Role =
  | 'doc'
  | 'metadata'
  | 'spec'
  | 'group'
  | 'process'
  | 'policyNode'
  | 'network'
  | 'netRule'
  | 'peer'
  | 'ipBlock'
  | 'port'
  | 'response'
  | 'plain';

const REST = '*';

const ORDER: Partial<Record<Role, readonly string[]>> = {
  doc: ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'items'],
  metadata: ['name', 'type'],
  spec: [
    ...SELECTOR_KEYS,
    'disableProcesses',
    'disableConnections',
    'disablePrivateConnections',
    'disablePublicConnections',
    'enabled',
    'mode',
    'rulesets',
    REST,
    'processPolicy',
    'networkPolicy',
    'response',
  ],
  process: ['name', 'exe', 'id', 'euser', 'listeningSockets', 'children'],
  policyNode: ['id', 'children'],
  netRule: ['to', 'from', 'processes', 'ports'],
  ipBlock: ['cidr', 'except'],
  port: ['protocol', 'port', 'endPort'],
  response: ['default', 'actions'],
};

const CHILDREN: Partial<Record<Role, Readonly<Record<string, Role>>>> = {
  doc: { metadata: 'metadata', spec: 'spec', data: 'group', items: 'doc' },
  group: { fingerprints: 'doc' },
  spec: { processPolicy: 'process', networkPolicy: 'network', response: 'response' },
  process: { children: 'process', listeningSockets: 'port', policyNode: 'policyNode' },
  policyNode: { children: 'process' },
  network: { ingress: 'netRule', egress: 'netRule' },
  netRule: { to: 'peer', from: 'peer', ports: 'port' },
  peer: { ipBlock: 'ipBlock' },
};

/** The role of the value under `key` of a mapping with role `role` (list items share it). */
export function childRole(role: Role, key: string): Role {
  return CHILDREN[role]?.[key] ?? 'plain';
}

/** The keys of `obj` (skipping undefined values) in output order. */
export function orderedKeys(obj: Record<string, unknown>, role: Role): string[] {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const order = ORDER[role];
  if (!order) return keys;
  const listed = new Set(order);
  const rest = keys.filter((k) => !listed.has(k));
  const out: string[] = [];
  for (const k of order) {
    if (k === REST) out.push(...rest);
    else if (Object.hasOwn(obj, k) && obj[k] !== undefined) out.push(k);
  }
  if (!order.includes(REST)) out.push(...rest);
  return out;
}
