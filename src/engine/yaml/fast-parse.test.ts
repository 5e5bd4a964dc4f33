import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from './fast-parse.ts';
import { libParse } from './lib-parse.ts';
import type { PNode } from './pos-tree.ts';
import { toYaml } from './to-yaml.ts';
import { awkwardString, policyArb } from '../__fixtures__/validate/arbitraries.ts';

/** Position trees without the end of block collections (only the fast parser does not track it). */
function normalize(node: PNode | null): unknown {
  if (!node) return null;
  if (node.t === 0) return node;
  const base = node.flow ? node : { ...node, endLine: 0, endCol: 0 };
  if (node.t === 1) return { ...base, vals: node.vals.map(normalize) };
  return { ...base, items: node.items.map(normalize) };
}

/** Fast result equals the `yaml` package's (values and positions), or the fast parser declined. */
function agrees(text: string): 'ok' | 'fallback' | 'too-deep' {
  const fast = fastParse(text);
  if (fast.kind !== 'ok') return fast.kind;
  const lib = libParse(text);
  expect(lib.flatMap((d) => d.diagnostics)).toEqual([]);
  expect(fast.docs.map((d) => d.value)).toEqual(lib.map((d) => d.value));
  fast.docs.forEach((doc, i) => {
    if (doc.tree) expect(normalize(doc.tree)).toEqual(normalize(lib[i]?.tree ?? null));
  });
  return 'ok';
}

describe('fast parser agrees with the yaml package', () => {
  const accepted = [
    'a: 1\nb: [x, "y", \'z\']\nc: {d: e, f: [1, 2]}\n',
    'list:\n- a\n-\n- b\n',
    'k:\n  - x\n  - y\nz: 1',
    'a: 1 # comment\n# full line\nb: "x" # c\n',
    'a: 1\n---\nb: 2\n--- # c\nc: 3\n',
    '---\n---\n',
    'a: 1\n---\n',
    '# only a comment\n',
    '',
    'spaced   :   value  \n',
    '"quoted key": 1\n\'single\': 2\n',
    'e: "\\u00e9\\t\\x41\\\\"\n',
    's: \'it\'\'s\'\n',
    'v: [yes, No, ~, 0x1F, 0o17, 08, 1e5, 1.5, .inf, 2023-01-06]\nw: 1:20\n',
    'crlf: 1\r\nnext: [a]\r\n',
    '- a: 1\n  b:\n  - c\n  d: 2\n- e\n',
    'deep:\n  a:\n    b:\n      c: []\n  d: {}\n',
    'url: http://x.example.com:8080/a#b\n',
    'long: word word\n  more words\n\n  after blank\nnext: 1\n',
    "q: 'it''s\n  folded\n\n  text'\nnext: [a]\n",
    '- a plain\n  item\n- b\n',
    'k: 1\n  2\n',
    "k: 'x'\n",
  ];
  it.each(accepted)('parses %j on the fast path', (text) => {
    expect(agrees(text)).toBe('ok');
  });

  const declined = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: "multi\n  line"\n',
    'a: plain # comment\n  continued\n',
    'a: plain\n  # comment\n  continued\n',
    "a: 'open\nb: 1\n",
    '? complex\n: key\n',
    'a: 1\na: 2\n',
    '%YAML 1.1\n---\na: 1\n',
    'a: 1\n...\n',
    '\tindented: tab\n',
    'a: b: c\n',
    'a:\n  b: 1\n c: 2\n',
    '<<: {a: 1}\n',
    'on: 1\n',
    '[a, b]: 1\n',
    'a: [1, 2,]\n',
    'a: {b}\n',
    '\ufeffa: 1\n',
    'l:\n- - nested\n',
    'f: [1:20]\n',
  ];
  it.each(declined)('hands %j to the yaml package', (text) => {
    expect(fastParse(text).kind).toBe('fallback');
  });

  it('agrees on printed policies', () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        agrees(toYaml(policy));
      }),
      { numRuns: 100 },
    );
  });

  it('agrees on generated block documents with flow values', () => {
    const long = fc.array(fc.oneof(awkwardString, fc.constantFrom('word', "it's", 'x y', '')), { minLength: 10, maxLength: 40 }).map((w) => w.join(' '));
    const scalar = fc.oneof(awkwardString, long, fc.integer(), fc.boolean(), fc.constant(null));
    const flowList = fc.array(fc.stringMatching(/^[a-z0-9./_-]{1,8}$/), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`);
    const doc = fc.dictionary(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 6 });
    fc.assert(
      fc.property(doc, flowList, (value, flow) => {
        const text = `${toYaml(value)}flow: ${flow}\n`;
        const result = agrees(text);
        expect(['ok', 'fallback']).toContain(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe('folded long scalars (as PyYAML writes them)', () => {
  it('agree with the yaml package and mostly stay on the fast path', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9'.:#,-]{1,12}$/);
    const long = fc.array(word, { minLength: 5, maxLength: 60 }).map((w) => w.join(' '));
    const key = fc.stringMatching(/^[a-z]{1,6}$/);
    const kinds: string[] = [];
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(long, fc.array(long, { maxLength: 3 })), { maxKeys: 4 }), (value) => {
        kinds.push(agrees(toYaml({ spec: value })));
      }),
      { numRuns: 300 },
    );
    expect(kinds.filter((k) => k === 'ok').length).toBeGreaterThan(150);
  });
});

describe('limits', () => {
  it('reports nesting deeper than the limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const result = fastParse(text);
    expect(result.kind).toBe('too-deep');
  });
});
