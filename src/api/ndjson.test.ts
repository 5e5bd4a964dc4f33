import { describe, expect, it } from 'vitest';
import { NdjsonError, parseNdjson, toNdjson } from './ndjson.ts';

describe('parseNdjson', () => {
  it('flattens array lines and keeps object lines, skipping blank lines', () => {
    expect(parseNdjson('[{"a":1},{"a":2}]\n\n{"b":3}\r\n[]\n[4]\n')).toEqual([{ a: 1 }, { a: 2 }, { b: 3 }, 4]);
  });

  it('accepts a plain JSON array body, pretty-printed over several lines', () => {
    expect(parseNdjson('[{"uid":"o1"}]')).toEqual([{ uid: 'o1' }]);
    expect(parseNdjson('[\n  {"uid": "o1"},\n  {"uid": "o2"}\n]')).toHaveLength(2);
  });

  it('returns nothing for an empty body', () => {
    expect(parseNdjson('')).toEqual([]);
    expect(parseNdjson(' \n ')).toEqual([]);
  });

  it('reports the line of a malformed entry', () => {
    expect(() => parseNdjson('[1]\n[2]\n{oops}\n')).toThrow(NdjsonError);
    try {
      parseNdjson('[1]\n[2]\n{oops}\n');
    } catch (e) {
      expect((e as NdjsonError).line).toBe(3);
    }
  });

  it('round-trips with toNdjson pages', () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ i }));
    const text = toNdjson(items, 100);
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(parseNdjson(text)).toEqual(items);
  });
});
