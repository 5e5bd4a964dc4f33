import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnmatch } from '../match/fnmatch.ts';
import { broadExeReason, matchesAnything } from './broad-rules.ts';

describe('too-broad rules', () => {
  it('recognises patterns that match any string, and only those', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: fc.constantFrom('*', '?', 'a', '/', '[') }), (s, p) => {
        if (matchesAnything(p)) expect(fnmatch(s, p)).toBe(true);
      }),
    );
    expect(matchesAnything('*')).toBe(true);
    expect(matchesAnything('**')).toBe(true);
    expect(matchesAnything('*?*')).toBe(false);
    expect(matchesAnything('python*')).toBe(false);
  });

  it.each([
    ['*', true],
    ['/*', true],
    ['/usr/*', true],
    ['/opt/**', true],
    ['/usr/**/bin/x', true],
    ['/usr/bin/*', false],
    ['/usr/local/bin/python3.*', false],
    ['/usr/sbin/nginx', false],
  ])('exe %s broad: %s', (exe, broad) => {
    expect(broadExeReason(exe) !== null).toBe(broad);
  });
});
