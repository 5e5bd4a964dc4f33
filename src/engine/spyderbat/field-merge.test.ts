import { describe, expect, it } from 'vitest';
import {
  allEqualMerge,
  commonKeysMerge,
  conditionalStringListMerge,
  expressionListMerge,
  greatestValueMerge,
  keepBaseMerge,
  stringListMerge,
  wildcardMerge,
} from './field-merge.ts';
import { uniqueId } from './ids.ts';

describe('wildcard merge', () => {
  it('symmetric: keeps a base that already matches, takes a glob that matches the base, else generalises', () => {
    expect(wildcardMerge('nginx:*', 'nginx:1.27', true)).toBe('nginx:*');
    expect(wildcardMerge('nginx:1.27', 'nginx:*', true)).toBe('nginx:*');
    expect(wildcardMerge('docker.io/library/nginx:1.25', 'docker.io/library/nginx:1.27', true)).toBe('docker.io/library/nginx:1.2*');
    expect(wildcardMerge('docker.io/library/nginx:latest', 'docker.io/library/nginx:1.25', true)).toBe('docker.io/library/nginx:*');
  });
  it('symmetric: null when the strings share fewer than 3 characters, or one side is missing', () => {
    expect(wildcardMerge('abc', 'xyz', true)).toBeNull();
    expect(wildcardMerge('abc', undefined, true)).toBeNull();
    expect(wildcardMerge('', 'abc', true)).toBeNull();
  });
  it('asymmetric: keeps the base only when the other value falls inside it', () => {
    expect(wildcardMerge('nginx:1.*', 'nginx:1.27', false)).toBe('nginx:1.*');
    expect(wildcardMerge('nginx:1.*', 'nginx:2.0', false)).toBeNull();
    expect(wildcardMerge('nginx:1.27', 'nginx:1.*', false)).toBeNull();
  });
});

describe('other field merges', () => {
  it('all-equal keeps equal values only', () => {
    expect(allEqualMerge('sha256:a', 'sha256:a')).toBe('sha256:a');
    expect(allEqualMerge('sha256:a', 'sha256:b')).toBeNull();
  });
  it('keep-base ignores the other side', () => {
    expect(keepBaseMerge('enforce')).toBe('enforce');
    expect(keepBaseMerge(undefined)).toBeNull();
  });
  it('greatest keeps the larger timestamp, reading strings as times when types differ', () => {
    expect(greatestValueMerge(5, 9)).toBe(9);
    expect(greatestValueMerge(9, 5)).toBe(9);
    expect(greatestValueMerge(undefined, 5)).toBe(5);
    expect(greatestValueMerge(1700000000, '1700000100')).toBe('1700000100');
    expect(greatestValueMerge(1700000000, 'not a time')).toBe(1700000000);
  });
  it('string lists unite and sort; a single string counts as a list', () => {
    expect(stringListMerge(['b', 'a'], 'c')).toEqual(['a', 'b', 'c']);
    expect(stringListMerge('a', ['a'])).toEqual(['a']);
  });
  it('hostname: wildcard when both are strings, else union', () => {
    expect(conditionalStringListMerge('web-1.prod', 'web-2.prod', true)).toBe('*.prod');
    expect(conditionalStringListMerge(['web-1'], 'db-1', true)).toEqual(['db-1', 'web-1']);
  });
  it('matchLabels keep only the pairs equal on both sides, null when none', () => {
    expect(commonKeysMerge({ app: 'web', hash: 'a' }, { app: 'web', hash: 'b' })).toEqual({ app: 'web' });
    expect(commonKeysMerge({ app: 'web' }, { app: 'db' })).toBeNull();
  });
  it('matchExpressions unite by (key, operator) with sorted values', () => {
    expect(
      expressionListMerge(
        [{ key: 'tier', operator: 'In', values: ['front'] }],
        [
          { key: 'tier', operator: 'In', values: ['back', 'front'] },
          { key: 'app', operator: 'Exists' },
        ],
      ),
    ).toEqual([
      { key: 'app', operator: 'Exists' },
      { key: 'tier', operator: 'In', values: ['back', 'front'] },
    ]);
  });
});

describe('unique ids', () => {
  it('increments a numeric tail until free', () => {
    expect(uniqueId('sh_2', new Set(['sh_2']))).toBe('sh_3');
    expect(uniqueId('sh_1', new Set(['sh_1', 'sh_2']))).toBe('sh_3');
  });
  it('appends _0 to ids without a numeric tail', () => {
    expect(uniqueId('bash', new Set(['bash']))).toBe('bash_0');
    expect(uniqueId('bash', new Set(['bash', 'bash_0']))).toBe('bash_1');
    expect(uniqueId('free', new Set(['bash']))).toBe('free');
  });
});
