/**
 * The ipBlocks of one network node: containment honouring `except`
 * (spyctl `IPBlock.__contains__`), kept reduced (no block inside another one),
 * with host routes (/32, /128) indexed so that adding thousands of peers stays
 * linear. Each CIDR is parsed once (cidr.ts caches).
 */
import { isPrivateNetwork, networkContains, parseCidr } from '../match/cidr.ts';
import type { Network } from '../match/cidr.ts';
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';

export interface Block {
  /** Python `str(ip_network)`, or the text as written when it does not parse. */
  cidr: string;
  except: string[];
  net: Network | null;
  exceptNets: Network[];
  key: string;
  isPrivate: boolean;
  /** A host route (/32, /128) without except: contains only itself. */
  host: boolean;
}

function hex(n: number): string {
  return n.toString(16);
}

/** Python's `str()` of a network: dotted quad, or IPv6 with the longest zero run (≥ 2 groups) compressed. */
export function formatNetwork(net: Network): string {
  if (net.family === 4) return `${net.bytes.join('.')}/${net.prefix}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((net.bytes[i] ?? 0) << 8) | (net.bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let text: string;
  if (bestLen > 1) {
    const head = groups.slice(0, bestStart).map(hex).join(':');
    const tail = groups.slice(bestStart + bestLen).map(hex).join(':');
    text = `${head}::${tail}`;
  } else {
    text = groups.map(hex).join(':');
  }
  return `${text}/${net.prefix}`;
}

const blockCache = new Map<string, Block>();
const BLOCK_CACHE_LIMIT = 100_000;

/** Parse an `ipBlock` value; blocks are immutable and shared through a cache. */
export function parseBlock(v: unknown): Block | null {
  if (!isRecord(v) || typeof v.cidr !== 'string') return null;
  const simple = v.except === undefined;
  if (simple) {
    const hit = blockCache.get(v.cidr);
    if (hit !== undefined) return hit;
  }
  const block = parseBlockUncached(v.cidr, v.except);
  if (simple) {
    if (blockCache.size >= BLOCK_CACHE_LIMIT) blockCache.clear();
    blockCache.set(v.cidr, block);
  }
  return block;
}

function parseBlockUncached(text: string, exceptValue: unknown): Block {
  const net = parseCidr(text);
  const rawExcept = Array.isArray(exceptValue) ? exceptValue.filter((x): x is string => typeof x === 'string') : [];
  const exceptNets: Network[] = [];
  const except: string[] = [];
  for (const e of rawExcept) {
    const n = parseCidr(e);
    if (n !== null) exceptNets.push(n);
    except.push(n !== null ? formatNetwork(n) : e);
  }
  const cidr = net !== null ? formatNetwork(net) : text;
  return Object.freeze({
    cidr,
    except,
    net,
    exceptNets,
    key: except.length > 0 ? `${cidr}|${except.join(',')}` : cidr,
    isPrivate: net !== null && isPrivateNetwork(cidr),
    host: net !== null && exceptNets.length === 0 && net.prefix === (net.family === 4 ? 32 : 128),
  });
}

/** `outer` contains `inner`: inner is not inside any of outer's excepts and outer is a supernet. */
export function blockContains(outer: Block, inner: Block): boolean {
  if (outer.net === null || inner.net === null) return outer.net === null && inner.net === null && outer.cidr === inner.cidr;
  const innerNet = inner.net;
  if (outer.exceptNets.some((e) => e.family === innerNet.family && networkContains(e, innerNet))) return false;
  return networkContains(outer.net, innerNet);
}


/** Python's network order (family, address, prefix); unparsable text last. */
export function compareBlocks(a: Block, b: Block): number {
  const x = a.net;
  const y = b.net;
  if (x === null || y === null) {
    if (x !== y) return x === null ? 1 : -1;
    return a.cidr < b.cidr ? -1 : a.cidr > b.cidr ? 1 : 0;
  }
  if (x.family !== y.family) return x.family - y.family;
  for (let i = 0; i < x.bytes.length; i++) {
    const d = (x.bytes[i] ?? 0) - (y.bytes[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.prefix - y.prefix || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export class BlockSet {
  /** Every block by cidr (+ except); a host route without except is found by its cidr. */
  private readonly byKey = new Map<string, Block>();
  /** Blocks that can contain others: wider networks, blocks with except, unparsable text. */
  private wide: Block[] = [];

  get size(): number {
    return this.byKey.size;
  }

  values(): IterableIterator<Block> {
    return this.byKey.values();
  }

  /** Some block of the set contains `b`. */
  contains(b: Block): boolean {
    if (b.host && this.byKey.has(b.cidr)) return true;
    for (const w of this.wide) if (blockContains(w, b)) return true;
    return false;
  }

  /** Add `b` unless already contained; drop blocks `b` contains (keeps the set reduced). */
  add(b: Block): boolean {
    if (this.contains(b)) return false;
    if (!b.host) {
      for (const other of [...this.byKey.values()]) if (blockContains(b, other)) this.remove(other);
      this.wide.push(b);
    }
    this.byKey.set(b.key, b);
    return true;
  }

  private remove(b: Block): void {
    this.byKey.delete(b.key);
    if (!b.host) this.wide = this.wide.filter((w) => w !== b);
  }

  /** Drop blocks failing a filter (private/public options). */
  filter(keep: (b: Block) => boolean): void {
    for (const b of [...this.byKey.values()]) if (!keep(b)) this.remove(b);
  }

  /** `{ipBlock: {cidr, except?}}` entries: IPv4 sorted, then IPv6 sorted, then unparsable text. */
  toData(): Json[] {
    const sorted = [...this.byKey.values()].sort(compareBlocks);
    return sorted.map((b) => ({ ipBlock: b.except.length > 0 ? { cidr: b.cidr, except: [...b.except] } : { cidr: b.cidr } }));
  }
}
