/**
 * The ipBlocks of one network node: containment honouring `except`
 * (spyctl `IPBlock.__contains__`), kept reduced (no block inside another one),
 * with host routes (/32, /128) indexed so that adding thousands of peers stays
 * linear. Each CIDR is parsed once (cidr.ts caches).
 */
import { compareCidr, isPrivateNetwork, networkContains, parseCidr } from '../match/cidr.ts';
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

export function parseBlock(v: unknown): Block | null {
  if (!isRecord(v) || typeof v.cidr !== 'string') return null;
  const net = parseCidr(v.cidr);
  const rawExcept = Array.isArray(v.except) ? v.except.filter((x): x is string => typeof x === 'string') : [];
  const exceptNets: Network[] = [];
  const except: string[] = [];
  for (const e of rawExcept) {
    const n = parseCidr(e);
    if (n !== null) exceptNets.push(n);
    except.push(n !== null ? formatNetwork(n) : e);
  }
  const cidr = net !== null ? formatNetwork(net) : v.cidr;
  return {
    cidr,
    except,
    net,
    exceptNets,
    key: except.length > 0 ? `${cidr}|${except.join(',')}` : cidr,
    isPrivate: net !== null && isPrivateNetwork(cidr),
  };
}

/** `outer` contains `inner`: inner is not inside any of outer's excepts and outer is a supernet. */
export function blockContains(outer: Block, inner: Block): boolean {
  if (outer.net === null || inner.net === null) return outer.net === null && inner.net === null && outer.cidr === inner.cidr;
  const innerNet = inner.net;
  if (outer.exceptNets.some((e) => e.family === innerNet.family && networkContains(e, innerNet))) return false;
  return networkContains(outer.net, innerNet);
}

function isHost(b: Block): boolean {
  return b.net !== null && b.exceptNets.length === 0 && b.net.prefix === (b.net.family === 4 ? 32 : 128);
}

export class BlockSet {
  private readonly byKey = new Map<string, Block>();
  /** Host routes without except, by address. */
  private readonly hosts = new Map<string, Block>();
  /** Everything else: wider networks, blocks with except, unparsable text. */
  private readonly wide = new Set<Block>();

  get size(): number {
    return this.byKey.size;
  }

  values(): IterableIterator<Block> {
    return this.byKey.values();
  }

  /** Some block of the set contains `b`. */
  contains(b: Block): boolean {
    if (isHost(b) && this.hosts.has(b.cidr)) return true;
    for (const w of this.wide) if (blockContains(w, b)) return true;
    return false;
  }

  /** Add `b` unless already contained; drop blocks `b` contains (keeps the set reduced). */
  add(b: Block): boolean {
    if (this.contains(b)) return false;
    if (isHost(b)) {
      this.hosts.set(b.cidr, b);
    } else {
      for (const other of [...this.byKey.values()]) if (blockContains(b, other)) this.remove(other);
      this.wide.add(b);
    }
    this.byKey.set(b.key, b);
    return true;
  }

  private remove(b: Block): void {
    this.byKey.delete(b.key);
    if (this.hosts.get(b.cidr) === b) this.hosts.delete(b.cidr);
    this.wide.delete(b);
  }

  /** Drop blocks failing a filter (private/public options). */
  filter(keep: (b: Block) => boolean): void {
    for (const b of [...this.byKey.values()]) if (!keep(b)) this.remove(b);
  }

  /** `{ipBlock: {cidr, except?}}` entries: IPv4 sorted, then IPv6 sorted, then unparsable text. */
  toData(): Json[] {
    const sorted = [...this.byKey.values()].sort((a, b) => {
      if ((a.net === null) !== (b.net === null)) return a.net === null ? 1 : -1;
      return a.net === null ? (a.cidr < b.cidr ? -1 : a.cidr > b.cidr ? 1 : 0) : compareCidr(a.cidr, b.cidr);
    });
    return sorted.map((b) => ({ ipBlock: b.except.length > 0 ? { cidr: b.cidr, except: [...b.except] } : { cidr: b.cidr } }));
  }
}
