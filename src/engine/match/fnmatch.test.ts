import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnmatch, hasGlob, translateGlob } from './fnmatch.ts';

describe('fnmatch (Python fnmatchcase semantics)', () => {
  it.each([
    ['/usr/bin/python3', '/usr/bin/*', true],
    ['/usr/local/bin/python3', '/usr/*', true], // `*` crosses `/`
    ['python3.11', 'python3.1?', true],
    ['python3.1', 'python3.1?', false],
    ['nginx', 'NGINX', false], // case-sensitive
    ['docker.io/library/nginx:1.25', 'docker.io/library/nginx:*', true],
    ['xdocker.io/library/nginx:1.25', 'docker.io/library/nginx:*', false], // anchored
    ['a', '[abc]', true],
    ['d', '[abc]', false],
    ['d', '[!abc]', true],
    ['a', '[!abc]', false],
    [']', '[]]', true],
    ['a', '[]a]', true],
    ['-', '[a-]', true],
    ['b', '[a-c]', true],
    ['b', '[c-a]', false], // reversed range is empty: never matches
    ['[', '[', true], // unclosed `[` is a literal
    ['[ab', '[ab', true],
    ['a.b', 'a.b', true],
    ['axb', 'a.b', false], // `.` is a literal
    ['line1\nline2', 'line1*', true], // `*` matches newlines
    ['^x$', '^x$', true],
    ['a\\b', 'a\\b', true],
    ['a(b)', 'a(b)*', true],
    ['\\', '[\\]', true],
    ['^', '[!^]', false],
    ['^', '[^]', true],
  ])('fnmatch(%j, %j) = %s', (name, pattern, expected) => {
    expect(fnmatch(name, pattern)).toBe(expected);
  });

  it('collapses consecutive stars', () => {
    expect(translateGlob('a**b')).toBe('a.*b');
  });

  it('detects glob metacharacters', () => {
    expect(hasGlob('nginx:*')).toBe(true);
    expect(hasGlob('a[b')).toBe(true);
    expect(hasGlob('/usr/sbin/nginx')).toBe(false);
  });

  it('a literal pattern matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const literal = s.replace(/[*?[\]]/g, '');
        expect(fnmatch(literal, literal)).toBe(true);
        expect(fnmatch(literal + 'x', literal)).toBe(false);
      }),
    );
  });

  it('never throws for any pattern', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, pattern) => {
        expect(typeof fnmatch(name, pattern)).toBe('boolean');
      }),
    );
  });

  it('`prefix*` matches every extension of the prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z/.:]{0,12}$/), fc.string(), (prefix, rest) => {
        expect(fnmatch(prefix + rest, `${prefix}*`)).toBe(true);
      }),
    );
  });
});
