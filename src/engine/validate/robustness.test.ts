import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate, validateObject } from './validate.ts';
import { parseDocuments } from '../yaml/documents.ts';
import { toYaml } from '../yaml/to-yaml.ts';
import { policyArb, yamlishText } from '../__fixtures__/validate/arbitraries.ts';
import { generatePolicyText } from '../__fixtures__/validate/generate-policy.ts';

/** Runs both entry points; they must return diagnostics, never throw. */
function survives(text: string): void {
  const diagnostics = validate(text, 'x.yaml');
  expect(Array.isArray(diagnostics)).toBe(true);
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
  }
  const lines = diagnostics.map((d) => d.line);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
  expect(Array.isArray(parseDocuments(text).documents)).toBe(true);
}

function deepFlow(n: number): string {
  return '['.repeat(n) + ']'.repeat(n);
}

function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    text += `${name}: &${name} [${Array<string>(9).fill(`*${prev}`).join(',')}]\n`;
  }
  return text;
}

describe('(e) nothing makes parseDocuments / validate throw', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), survives), { numRuns: 300 });
  });

  it('YAML-ish fragments', () => {
    fc.assert(fc.property(yamlishText, survives), { numRuns: 500 });
  });

  it('random JSON-ish values, as YAML and as objects', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        survives(JSON.stringify(value));
        survives(toYaml(value));
        expect(Array.isArray(validateObject(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('wrong types everywhere in a policy', () => {
    const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
    fc.assert(
      fc.property(policyArb, fc.array(fc.tuple(fc.nat(), junk), { maxLength: 4 }), (policy, edits) => {
        const paths: Array<Array<string | number>> = [];
        const stack: Array<[unknown, Array<string | number>]> = [[policy, []]];
        while (stack.length > 0) {
          const [v, p] = stack.pop() ?? [null, []];
          paths.push(p);
          if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) stack.push([c, [...p, Array.isArray(v) ? Number(k) : k]]);
        }
        const copy = JSON.parse(JSON.stringify(policy)) as Record<string, unknown>;
        for (const [n, value] of edits) {
          const path = paths[n % paths.length] ?? [];
          if (path.length === 0) continue;
          let cur: unknown = copy;
          for (const seg of path.slice(0, -1)) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
          if (cur && typeof cur === 'object') (cur as Record<string, unknown>)[path[path.length - 1] ?? ''] = value;
        }
        expect(Array.isArray(validateObject(copy))).toBe(true);
        survives(toYaml(copy));
      }),
      { numRuns: 200 },
    );
  });

  it('alias bombs are refused', () => {
    const d = validate(aliasBomb());
    expect(d.map((x) => x.message)).toEqual([
      'too many aliases: the document expands more than 100 aliased nodes (possible alias bomb)',
    ]);
  });

  it('deep nesting is refused with "nesting too deep"', () => {
    const cases = [
      deepFlow(100_000),
      '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000),
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      `${'- '.repeat(10_000)}x`,
      `a: &x 1\nb: ${deepFlow(5000)}`,
      `apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nspec:\n  processPolicy:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i + 1)}- name: p\n${'  '.repeat(i + 2)}children:`).join('\n')}`,
    ];
    for (const text of cases) {
      const d = validate(text);
      expect(d).toHaveLength(1);
      expect(d[0]?.message).toMatch(/nesting too deep/);
    }
  });

  it('binary junk', () => {
    let seed = 42;
    const bytes = Array.from({ length: 200_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(seed % 256);
    });
    survives(bytes.join(''));
  });

  it('a 10 MB document', () => {
    const item = `${generatePolicyText(60).trimEnd().replace(/^/gm, '  ').replace(/^ {2}apiVersion/m, '- apiVersion')}\n`;
    const reps = Math.ceil((10 * 1024 * 1024) / item.length);
    const text = `apiVersion: spyderbat/v1\nitems:\n${item.repeat(reps)}`;
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const result = parseDocuments(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.documents[0]?.objects).toHaveLength(reps);
    const withAnchor = `x: &a 1\n${text}`;
    expect(validate(withAnchor)[0]?.message).toMatch(/^file too large for full YAML/);
  });

  it('a huge number of errors stays linear', () => {
    const text = `apiVersion: spyderbat/v1\nitems:\n${'- name: x\n'.repeat(50_000)}`;
    const d = validate(text);
    expect(d).toHaveLength(50_000);
    expect(d[49_999]?.line).toBe(50_002);
  });
});
