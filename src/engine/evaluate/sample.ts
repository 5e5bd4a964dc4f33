/**
 * Deterministic sampling helpers for generated test and benchmark data:
 * a seeded PRNG, strings matching a glob, addresses inside an ipBlock.
 */
import ipaddr from 'ipaddr.js';
import type { IpBlock } from '../model/types.ts';
import { networkContains, parseCidr } from '../match/cidr.ts';
import { fnmatch } from '../match/fnmatch.ts';

export type Rng = () => number;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const STAR_FILL = ['', 'x', 'ab', '1.2', '-z'];
const SET_CANDIDATES = 'abcdefghijklmnopqrstuvwxyz0123456789-_.';

/** A string that `pattern` matches (fnmatch): `*` → a short run, `?` → one char, `[set]` → a member. */
export function sampleGlob(pattern: string, rng: Rng): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    i += 1;
    if (c === '*') {
      out += pick(rng, STAR_FILL);
    } else if (c === '?') {
      out += 'q';
    } else if (c === '[' && pattern.indexOf(']', i + 1) > 0) {
      let j = i;
      if (pattern.charAt(j) === '!') j += 1;
      if (pattern.charAt(j) === ']') j += 1;
      j = pattern.indexOf(']', j);
      if (j < 0) {
        out += c;
        continue;
      }
      const set = pattern.slice(i - 1, j + 1);
      const hit = [...SET_CANDIDATES].find((ch) => fnmatch(ch, set));
      out += hit ?? '';
      i = j + 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** A random address inside the block and outside its excepts, or null if none is found. */
export function sampleIp(block: IpBlock, rng: Rng): string | null {
  const net = parseCidr(block.cidr);
  if (net === null) return null;
  const excepts = (block.except ?? []).map((e) => parseCidr(e)).filter((e) => e !== null);
  for (let attempt = 0; attempt < 64; attempt++) {
    const bytes = net.bytes.map((b, k) => {
      const fixed = Math.max(0, Math.min(8, net.prefix - k * 8));
      const mask = fixed === 8 ? 0xff : (0xff << (8 - fixed)) & 0xff;
      return (b & mask) | (Math.floor(rng() * 256) & ~mask & 0xff);
    });
    const text = ipaddr.fromByteArray(bytes).toString();
    const addr = { family: net.family, bytes, prefix: net.family === 4 ? 32 : 128, text };
    if (!excepts.some((e) => networkContains(e, addr))) return text;
  }
  return null;
}
