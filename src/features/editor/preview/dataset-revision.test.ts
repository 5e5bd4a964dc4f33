import { describe, expect, it } from 'vitest';
import { datasetRevision, hashText, identityOf } from './dataset-revision.ts';

describe('datasetRevision', () => {
  it('is stable for the same data objects and changes when any part is replaced', () => {
    const fps = [{ a: 1 }];
    const pols = [{ b: 2 }];
    const devs = [{ c: 3 }];
    const r1 = datasetRevision('demo', [fps, pols, devs]);
    expect(datasetRevision('demo', [fps, pols, devs])).toBe(r1);
    // An equal but new object (a refetch with changed data) is a new revision.
    expect(datasetRevision('demo', [[{ a: 1 }], pols, devs])).not.toBe(r1);
    expect(datasetRevision('demo', [fps, pols, [{ c: 3 }]])).not.toBe(r1);
  });

  it('tells a missing part from a present one, and one source from another', () => {
    const fps = [{ a: 1 }];
    const pols = [{ b: 2 }];
    expect(datasetRevision('demo', [fps, pols, null])).not.toBe(datasetRevision('demo', [fps, pols, []]));
    expect(datasetRevision('demo', [fps, pols, null])).toBe(datasetRevision('demo', [fps, pols, undefined]));
    expect(datasetRevision('demo', [fps])).not.toBe(datasetRevision('api:https://x', [fps]));
  });

  it('numbers objects once each', () => {
    const o = {};
    expect(identityOf(o)).toBe(identityOf(o));
    expect(identityOf({})).not.toBe(identityOf(o));
  });

  it('hashes text deterministically', () => {
    expect(hashText('abc')).toBe(hashText('abc'));
    expect(hashText('abc')).not.toBe(hashText('abd'));
    expect(hashText('')).toMatch(/^[0-9a-z]+$/);
  });
});
