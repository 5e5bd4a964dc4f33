/** The benchmark suite: sizes, running every case, and the result record. */
import { evaluateCase } from './evaluate-case.ts';
import { createPolicyCase, deviationFleet, findDeviationsCase, validateCase } from './policy-cases.ts';
import { now, round } from './timing.ts';

export interface BenchSizes {
  createPolicy: readonly [number, number, number];
  createPolicyRuns: readonly [number, number, number];
  findDeviations: { policies: number; fingerprints: number };
  evaluate: { policies: number; events: number };
  validate: { lines: number; runs: number };
}

export const FULL_SIZES: BenchSizes = {
  createPolicy: [10, 100, 2000],
  createPolicyRuns: [20, 10, 3],
  findDeviations: { policies: 1000, fingerprints: 20_000 },
  evaluate: { policies: 1000, events: 1_000_000 },
  validate: { lines: 3000, runs: 20 },
};

export const QUICK_SIZES: BenchSizes = {
  createPolicy: [10, 100, 200],
  createPolicyRuns: [5, 3, 1],
  findDeviations: { policies: 50, fingerprints: 1000 },
  evaluate: { policies: 100, events: 100_000 },
  validate: { lines: 3000, runs: 5 },
};

/** The JSON record (keys named after the full sizes; `sizes` says what actually ran). */
export interface BenchResult {
  createPolicy_10_ms: number;
  createPolicy_100_ms: number;
  createPolicy_2000_ms: number;
  findDeviations_1000x20000_ms: number;
  findDeviations_scope_ms: number;
  findDeviations_checks: number;
  evaluate_events_per_s: number;
  evaluate_vs_parse_ratio: number;
  evaluate_validated_vs_parse_ratio: number;
  evaluate_parse_ms: number;
  evaluate_parse_evaluate_ms: number;
  evaluate_deviations: number;
  validate_3000_lines_ms: number;
  validate_lines: number;
  /** Errors found in the benchmark file (0: it is a valid policy). */
  validate_errors: number;
  total_s: number;
  sizes: BenchSizes;
}

export type Log = (line: string) => void;

export function runBenchmarks(sizes: BenchSizes, log: Log = () => undefined): BenchResult {
  const start = now();
  const [c1, c2, c3] = sizes.createPolicy;
  const [r1, r2, r3] = sizes.createPolicyRuns;
  // Warm-up: as many untimed runs as timed ones, so the small cases are measured on optimised code.
  const cp = [createPolicyCase(c1, r1, r1), createPolicyCase(c2, r2, r2), createPolicyCase(c3, r3, 1)];
  cp.forEach((c, i) => log(`createPolicy(${sizes.createPolicy[i]}): ${round(c.ms)} ms`));

  const perImage = Math.max(1, Math.round(sizes.findDeviations.fingerprints / sizes.findDeviations.policies));
  const fleet = deviationFleet(sizes.findDeviations.policies, perImage);
  const fd = findDeviationsCase(fleet);
  log(`findDeviations(${fleet.policies.length} × ${fleet.fingerprints.length}): ${round(fd.ms)} ms (${fd.checks} checks)`);

  const ev = evaluateCase(sizes.evaluate.policies, sizes.evaluate.events);
  log(`evaluate(${ev.events} events × ${ev.policies} policies): ${round(ev.eventsPerS)} events/s, ratio ${round(ev.ratio)}`);

  const va = validateCase(sizes.validate.lines, sizes.validate.runs);
  log(`validate(${va.lines} lines): ${round(va.ms)} ms`);

  return {
    createPolicy_10_ms: round(cp[0]?.ms ?? Number.NaN),
    createPolicy_100_ms: round(cp[1]?.ms ?? Number.NaN),
    createPolicy_2000_ms: round(cp[2]?.ms ?? Number.NaN),
    findDeviations_1000x20000_ms: round(fd.ms),
    findDeviations_scope_ms: round(fd.scopeMs),
    findDeviations_checks: fd.checks,
    evaluate_events_per_s: Math.round(ev.eventsPerS),
    evaluate_vs_parse_ratio: round(ev.ratio),
    evaluate_validated_vs_parse_ratio: round(ev.validatedRatio),
    evaluate_parse_ms: round(ev.parseMs),
    evaluate_parse_evaluate_ms: round(ev.parseEvaluateMs),
    evaluate_deviations: ev.deviations,
    validate_3000_lines_ms: round(va.ms),
    validate_lines: va.lines,
    validate_errors: va.errors,
    total_s: round((now() - start) / 1000),
    sizes,
  };
}

/** The human-readable table. */
export function formatTable(r: BenchResult, full: boolean): string {
  const s = r.sizes;
  const rows: [string, string, string][] = [
    [`createPolicy, ${s.createPolicy[0]} fingerprints`, `${r.createPolicy_10_ms} ms`, ''],
    [`createPolicy, ${s.createPolicy[1]} fingerprints`, `${r.createPolicy_100_ms} ms`, ''],
    [`createPolicy, ${s.createPolicy[2]} fingerprints`, `${r.createPolicy_2000_ms} ms`, full ? '< 1000 ms' : ''],
    [`findDeviations, ${s.findDeviations.policies} policies × ${s.findDeviations.fingerprints} fps`, `${r.findDeviations_1000x20000_ms} ms`, `scope ${r.findDeviations_scope_ms} ms`],
    [`evaluate, ${s.evaluate.events} events × ${s.evaluate.policies} policies`, `${r.evaluate_events_per_s} events/s`, '≥ 1,000,000/s'],
    ['evaluate time / JSON.parse time', `${r.evaluate_vs_parse_ratio}`, '≤ 1'],
    ['  (with event field checks)', `${r.evaluate_validated_vs_parse_ratio}`, ''],
    [`validate, ${r.validate_lines}-line policy (median)`, `${r.validate_3000_lines_ms} ms`, '< 20 ms'],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const head = `${'case'.padEnd(w0)}  ${'result'.padEnd(w1)}  target`;
  return [head, '-'.repeat(head.length + 12), ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`)].join('\n');
}
