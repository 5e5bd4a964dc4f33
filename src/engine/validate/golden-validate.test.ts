import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from './index.ts';

interface ValidateCase {
  case: string;
  command: string;
  inputs: string[];
  valid?: boolean;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../__fixtures__/golden');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ValidateCase[];
const cases = manifest.filter((c) => c.command === 'validate');

/**
 * Where Palisade's verdict differs from spyctl v0.13.1 on purpose:
 * - a root process without `euser` passes `spyctl validate` but `spyctl merge` then refuses the
 *   file ("Root process has no eusers"); the reference (§4) says roots must have it, so we say so
 *   at validation time, with the location.
 */
const DELIBERATE: Record<string, boolean> = { 'validate-root-without-euser': false };

describe('validate: verdicts recorded from spyctl v0.13.1', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(18);
  });
  it.each(cases.map((c) => [c.case, c] as const))('%s', (_name, c) => {
    const file = c.inputs[0] ?? 'input.yaml';
    const text = readFileSync(path.join(dir, c.case, file), 'utf8');
    const errors = validate(text, file).filter((d) => d.severity === 'error');
    const expectedValid = DELIBERATE[c.case] ?? c.valid;
    expect(errors.length === 0, errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')).toBe(expectedValid);
    for (const e of errors) expect(e.line).toBeGreaterThan(0); // every error is located
  });
});
