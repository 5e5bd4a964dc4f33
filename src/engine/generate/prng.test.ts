import { describe, expect, it } from 'vitest';
import { hashString, mulberry32, Rng } from './prng.ts';

describe('Rng', () => {
  it('repeats for a seed and stays in range', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });

  it('forks independent streams by label', () => {
    const r = new Rng(5);
    expect(r.fork('a').base62(12)).toBe(new Rng(5).fork('a').base62(12));
    expect(r.fork('a').base62(12)).not.toBe(r.fork('b').base62(12));
    expect(hashString('abc')).not.toBe(hashString('abd'));
  });

  it('samples without repetition and shuffles as a permutation', () => {
    const r = new Rng(11);
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(new Set(r.sample(items, 10)).size).toBe(10);
    expect(r.shuffle(items).sort((x, y) => x - y)).toEqual(items);
  });
});
