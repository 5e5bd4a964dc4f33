import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnmatch } from './fnmatch.ts';
import { longestCommonSubstring, makeWildcard, makeWildcardOf } from './wildcard.ts';

describe('longestCommonSubstring (difflib find_longest_match)', () => {
  it('matches CPython on documented examples', () => {
    // difflib docs: SequenceMatcher(None, " abcd", "abcd abcd").find_longest_match(0,5,0,9)
    expect(longestCommonSubstring(' abcd', 'abcd abcd')).toEqual({ a: 0, b: 4, size: 5 });
    expect(longestCommonSubstring('ab', 'c')).toEqual({ a: 0, b: 0, size: 0 });
    expect(longestCommonSubstring('abcdeabce', 'abcecabd')).toEqual({ a: 5, b: 0, size: 4 });
  });
  it('breaks ties by earliest position in a', () => {
    expect(longestCommonSubstring('xyab', 'abxy')).toEqual({ a: 0, b: 2, size: 2 });
  });
});

describe('makeWildcard (spyctl make_wildcard)', () => {
  it.each([
    ['docker.io/library/nginx:latest', 'docker.io/library/nginx:1.25', 'docker.io/library/nginx:*'],
    ['nginx:1.25', 'nginx:1.27', 'nginx:1.2*'],
    ['nginx:1.2*', 'nginx:latest', 'nginx:*'],
    ['registry.k8s.io/kube-proxy:v1.28.6', 'registry.k8s.io/kube-proxy:v1.27.10', 'registry.k8s.io/kube-proxy:v1.2*'],
    ['iptables', 'ip6tables', '*tables'],
    ['iptables-save', 'ip6tables-restore', '*tables-*'],
    ['abc', 'xyz', null],
    ['ab', 'ab1', null],
    ['same', 'same', 'same'],
    ['prefix-one', 'x-prefix-two', '*prefix-*'],
    ['web-1.service', 'web-2.service', '*.service'],
  ])('makeWildcard(%j, %j) = %j', (a, b, expected) => {
    expect(makeWildcard(a, b)).toBe(expected);
  });

  it('folds several strings left to right', () => {
    expect(makeWildcardOf(['nginx:1.25', 'nginx:1.27', 'nginx:latest'])).toBe('nginx:*');
    expect(makeWildcardOf(['only'])).toBe('only');
  });

  it('the wildcard matches both inputs whenever one is produced', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z.:/-]{0,20}$/), fc.stringMatching(/^[a-z.:/-]{0,20}$/), (a, b) => {
        const w = makeWildcard(a, b);
        if (w !== null) {
          expect(fnmatch(a, w)).toBe(true);
          expect(fnmatch(b, w)).toBe(true);
        }
      }),
    );
  });
});
