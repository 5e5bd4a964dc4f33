import { describe, expect, it } from 'vitest';
import { runBulk } from './run-bulk.ts';

describe('runBulk', () => {
  it('reports every item, keeps going after failures, and keeps input order', async () => {
    const progress: number[] = [];
    const results = await runBulk(
      ['a', 'b', 'c', 'd'],
      (x) => ({ id: x, label: x.toUpperCase() }),
      async (x) => {
        await new Promise((r) => setTimeout(r, x === 'a' ? 20 : 1));
        if (x === 'c') throw new Error('409 Conflict');
      },
      (done) => progress.push(done),
      2,
    );
    expect(results.map((r) => [r.id, r.ok, r.message])).toEqual([
      ['a', true, undefined],
      ['b', true, undefined],
      ['c', false, '409 Conflict'],
      ['d', true, undefined],
    ]);
    expect(progress).toEqual([1, 2, 3, 4]);
  });
});
