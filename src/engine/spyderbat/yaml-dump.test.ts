import { describe, expect, it } from 'vitest';
import { dumpYaml } from './yaml-dump.ts';

// Expected texts were printed by PyYAML 6 `yaml.dump(value, sort_keys=False)`.
describe('PyYAML-style dump', () => {
  it('puts list items at their key\'s indentation and keeps key order', () => {
    expect(dumpYaml({ spec: { processPolicy: [{ name: 'x', exe: ['/bin/x'], id: 'x_0' }], e: [], d: {} } })).toBe(
      'spec:\n  processPolicy:\n  - name: x\n    exe:\n    - /bin/x\n    id: x_0\n  e: []\n  d: {}\n',
    );
  });
  it('quotes like PyYAML', () => {
    const values = ['*tables*', 'a: b', 'a:b', '- x', 'yes', '1.5', '123', '0o17', '2001-12-14', '', "it's", '#c', 'a #b', 'x:', 'docker.io/library/nginx:*', 'caf\u00e9', '65532'];
    expect(dumpYaml(values)).toBe(
      [
        "- '*tables*'",
        "- 'a: b'",
        '- a:b',
        "- '- x'",
        "- 'yes'",
        "- '1.5'",
        "- '123'",
        '- 0o17',
        "- '2001-12-14'",
        "- ''",
        "- it's",
        "- '#c'",
        "- 'a #b'",
        "- 'x:'",
        '- docker.io/library/nginx:*',
        '- "caf\\xE9"',
        "- '65532'",
        '',
      ].join('\n'),
    );
  });
  it('prints numbers, booleans and null as PyYAML does', () => {
    expect(dumpYaml({ a: 1700000000.5, b: 1e21, c: true, d: null, e: 3 })).toBe('a: 1700000000.5\nb: 1.0e+21\nc: true\nd: null\ne: 3\n');
  });
  it('folds long scalars at spaces past column 80', () => {
    const text = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(dumpYaml({ a: { k: text } })).toBe(
      `a:\n  k: word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n`,
    );
  });
  it('nests sequences in sequences inline', () => {
    expect(dumpYaml([[1, 2], [{ a: 1, b: 2 }]])).toBe('- - 1\n  - 2\n- - a: 1\n    b: 2\n');
  });
});
