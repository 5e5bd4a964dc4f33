/**
 * Conformance with spyctl v0.13.1 on the recorded cases in
 * `src/engine/__fixtures__/golden/` (README there): create / merge / diff-yaml
 * outputs compared structurally, and create / merge also line for line through
 * the PyYAML-style dump (key order included); diff text byte for byte; network
 * lists of `diff -o yaml` as multisets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EngineInput } from './inputs.ts';
import { createPolicy } from './create-policy.ts';
import { mergeIntoPolicy } from './merge-policy.ts';
import { diffPolicy } from './diff-policy.ts';
import { dumpYaml } from './yaml-dump.ts';
import { canonicalJson, flattenInputs, isRecord, metadataOf } from './inputs.ts';
import type { WorkloadPolicy } from '../model/types.ts';

const ROOT = join(import.meta.dirname, '../__fixtures__/golden');

interface Case {
  case: string;
  command: 'create' | 'merge' | 'diff-yaml' | 'diff-text' | 'validate';
  args: { name?: string; mode?: 'audit' | 'enforce' };
  inputs: string[];
  expected: string;
  noChange?: boolean;
  exitCode?: number;
  corrected?: boolean;
  unorderedPaths?: string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Case[];
const cases = manifest.filter((c) => c.command !== 'validate');

function read(c: Case, file: string): string {
  return readFileSync(join(ROOT, c.case, file), 'utf8');
}

function load(c: Case, file: string): unknown {
  return parse(read(c, file), { version: '1.1' });
}

/** Replace the lists at `paths` by their elements' canonical texts, sorted (multiset comparison). */
function unordered(v: unknown, paths: readonly string[]): unknown {
  const copy = JSON.parse(JSON.stringify(v)) as unknown;
  for (const p of paths) {
    const keys = p.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), copy);
    if (isRecord(parent) && Array.isArray(parent[last])) parent[last] = (parent[last] as unknown[]).map(canonicalJson).sort();
  }
  return copy;
}

function run(c: Case): void {
  if (c.command === 'create') {
    const input = load(c, c.inputs[0] as string) as EngineInput;
    if (c.exitCode !== undefined) {
      // spyctl failed (see the case notes); only corrected cases reach here with a result.
      expect(c.corrected).toBe(true);
    }
    const first = flattenInputs([input]).items[0];
    const name = c.args.name ?? String(metadataOf(first?.obj ?? {}).name);
    const { policy } = createPolicy([input], { name, ...(c.args.mode !== undefined ? { mode: c.args.mode } : {}) });
    expect(policy).toEqual(load(c, c.expected));
    expect(`${dumpYaml(policy)}\n`).toBe(read(c, c.expected));
    return;
  }
  const policy = load(c, c.inputs[0] as string) as WorkloadPolicy;
  const withObj = load(c, c.inputs[1] as string) as EngineInput;
  if (c.command === 'merge') {
    const res = mergeIntoPolicy(policy, [withObj]);
    if (c.noChange) {
      expect(res.changed).toBe(false);
      return;
    }
    expect(res.changed).toBe(true);
    expect(res.policy).toEqual(load(c, c.expected));
    expect(`${dumpYaml(res.policy)}\n`).toBe(read(c, c.expected));
    return;
  }
  const res = diffPolicy(policy, [withObj]);
  if (c.command === 'diff-text') {
    expect(res.changed).toBe(!c.noChange);
    const expected = read(c, c.expected);
    expect(res.text === '' ? '' : `${res.text}\n`).toBe(expected);
    return;
  }
  const paths = c.unorderedPaths ?? [];
  expect(unordered(res.structured, paths)).toEqual(unordered(load(c, c.expected), paths));
}

describe('golden cases recorded from spyctl v0.13.1', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(43);
  });
  for (const c of cases) {
    it(`${c.case}${c.corrected ? ' (corrected)' : ''}`, () => run(c));
  }
});
