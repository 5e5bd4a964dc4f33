import { describe, expect, it } from 'vitest';
import type { BenchSizes } from './benchmarks.ts';
import { formatTable, runBenchmarks } from './benchmarks.ts';
import { bigPolicyYaml, coveringPolicies, deviationFleet } from './policy-cases.ts';
import { identityOfFingerprint, validate } from '../src/engine/index.ts';

const TINY: BenchSizes = {
  createPolicy: [2, 3, 4],
  createPolicyRuns: [1, 1, 1],
  findDeviations: { policies: 3, fingerprints: 12 },
  evaluate: { policies: 5, events: 500 },
  validate: { lines: 300, runs: 2 },
};

const KEYS = [
  'createPolicy_10_ms',
  'createPolicy_100_ms',
  'createPolicy_2000_ms',
  'findDeviations_1000x20000_ms',
  'evaluate_events_per_s',
  'evaluate_vs_parse_ratio',
  'validate_3000_lines_ms',
] as const;

describe('benchmarks (tiny sizes: shape only, not timings)', () => {
  it('produces every key as a finite number, and a table', () => {
    const r = runBenchmarks(TINY);
    for (const k of KEYS) {
      expect(typeof r[k]).toBe('number');
      expect(Number.isFinite(r[k])).toBe(true);
    }
    expect(r.findDeviations_checks).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r)) as unknown).toEqual(r);
    expect(formatTable(r, false).split('\n').length).toBe(10);
  });

  it('checks each fingerprint only against the policies that cover it', () => {
    const fleet = deviationFleet(3, 4);
    const cover = coveringPolicies(fleet.policies, fleet.fingerprints.map(identityOfFingerprint));
    cover.forEach((fps, p) => {
      const image = fleet.policies[p]?.spec.containerSelector?.image;
      for (const f of fps) expect(fleet.fingerprints[f]?.spec.containerSelector?.image).toBe(image);
    });
  });

  it('builds a valid policy of at least the requested size', () => {
    const text = bigPolicyYaml(400);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(400);
    expect(validate(text).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
