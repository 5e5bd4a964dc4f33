/**
 * IPv4/IPv6 networks for ipBlock rules: parsing (strict, like Python's
 * `ipaddress.ip_network`), containment honouring `except`, privacy as Python's
 * `is_private`, and the ordering spyctl prints blocks in.
 */
import ipaddr from 'ipaddr.js';
import type { IpBlock } from '../model/types.ts';

export type IpFamily = 4 | 6;

export interface Network {
  family: IpFamily;
  /** Network address bytes. */
  bytes: number[];
  prefix: number;
  text: string;
}

const cache = new Map<string, Network | null>();

function toBytes(addr: ipaddr.IPv4 | ipaddr.IPv6): number[] {
  return addr.toByteArray();
}

function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return bits === 8 ? b : b & ((0xff << (8 - bits)) & 0xff);
  });
}

/** Why a CIDR is invalid, or null when it parses strictly (no host bits set). */
export function cidrError(cidr: string): string | null {
  const [addrText, prefixText, ...rest] = cidr.split('/');
  if (rest.length > 0 || addrText === undefined || addrText === '') return `'${cidr}' is not a valid CIDR`;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(addrText)) addr = ipaddr.IPv4.parse(addrText);
    else if (ipaddr.IPv6.isValid(addrText) && !addrText.includes('%')) addr = ipaddr.IPv6.parse(addrText);
    else return `'${cidr}' is not a valid IPv4 or IPv6 network`;
  } catch {
    return `'${cidr}' is not a valid IPv4 or IPv6 network`;
  }
  const max = addr.kind() === 'ipv4' ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return `'${cidr}' has an invalid prefix length`;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return `'${cidr}' has a prefix longer than /${max}`;
  const bytes = toBytes(addr);
  const masked = maskBytes(bytes, prefix);
  if (masked.some((b, i) => b !== bytes[i])) return `'${cidr}' has host bits set`;
  return null;
}

/** Parse a network; null if invalid. Host bits must be clear. Cached. */
export function parseCidr(cidr: string): Network | null {
  const hit = cache.get(cidr);
  if (hit !== undefined) return hit;
  let result: Network | null = null;
  if (cidrError(cidr) === null) {
    const [addrText = '', prefixText] = cidr.split('/');
    const addr = ipaddr.parse(addrText);
    const family: IpFamily = addr.kind() === 'ipv4' ? 4 : 6;
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    result = { family, bytes: toBytes(addr), prefix, text: cidr };
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(cidr, result);
  return result;
}

/** Parse an address (no prefix); null if invalid. */
export function parseIp(ip: string): Network | null {
  if (!ipaddr.isValid(ip)) return null;
  const addr = ipaddr.parse(ip);
  const family: IpFamily = addr.kind() === 'ipv4' ? 4 : 6;
  return { family, bytes: toBytes(addr), prefix: family === 4 ? 32 : 128, text: ip };
}

/** `inner` lies entirely inside `outer` (same family, longer-or-equal prefix). */
export function networkContains(outer: Network, inner: Network): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const a = maskBytes(outer.bytes, outer.prefix);
  const b = maskBytes(inner.bytes, outer.prefix);
  return a.every((x, i) => x === b[i]);
}

/** An address lies inside a CIDR. Invalid input ⇒ false. */
export function ipInCidr(ip: string, cidr: string): boolean {
  const net = parseCidr(cidr);
  const addr = parseIp(ip);
  return net !== null && addr !== null && networkContains(net, addr);
}

/** `innerCidr` is inside `outer.cidr` and not inside any of `outer.except`. */
export function cidrContains(outer: IpBlock, innerCidr: string): boolean {
  const o = parseCidr(outer.cidr);
  const i = parseCidr(innerCidr);
  if (o === null || i === null || !networkContains(o, i)) return false;
  for (const ex of outer.except ?? []) {
    const e = parseCidr(ex);
    if (e !== null && networkContains(e, i)) return false;
  }
  return true;
}

/** An ipBlock contains another one: its cidr is contained and the other's excepts don't matter. */
export function ipBlockContains(outer: IpBlock, inner: IpBlock): boolean {
  return cidrContains(outer, inner.cidr);
}

const PRIVATE_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/29',
  '192.0.0.170/31', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24',
  '203.0.113.0/24', '240.0.0.0/4', '255.255.255.255/32',
];
const PRIVATE_V6 = [
  '::1/128', '::/128', '::ffff:0:0/96', '100::/64', '2001::/23', '2001:db8::/32', '2001:10::/28',
  'fc00::/7', 'fe80::/10',
];
let privateNets: Network[] | null = null;

/** Python 3.11 `ipaddress` `is_private` for an address or a network (both ends private). */
export function isPrivateNetwork(cidrOrIp: string): boolean {
  const net = parseCidr(cidrOrIp) ?? parseIp(cidrOrIp);
  if (net === null) return false;
  privateNets ??= [...PRIVATE_V4, ...PRIVATE_V6].map((c) => parseCidr(c)).filter((n): n is Network => n !== null);
  return privateNets.some((p) => networkContains(p, net));
}

/** Python's ordering of `ip_network` objects: family, then address, then prefix length. */
export function compareCidr(a: string, b: string): number {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (x === null || y === null) return x === null ? (y === null ? a.localeCompare(b) : 1) : -1;
  if (x.family !== y.family) return x.family - y.family;
  for (let i = 0; i < x.bytes.length; i++) {
    const d = (x.bytes[i] ?? 0) - (y.bytes[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.prefix - y.prefix;
}
