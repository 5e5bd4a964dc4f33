/**
 * Event evaluation throughput: N NDJSON events against P policies.
 * The NDJSON text is generated first; then, in the same run, we time
 * JSON.parse of every line, and JSON.parse + evaluate of every line.
 * Evaluation time = (parse + evaluate) − parse; ratio = evaluation / parse.
 * Each pass runs twice (alternating) and the faster one counts.
 */
import { EventEvaluator, generateEvents, generatePolicies, parseEventLine, isEventDiagnostic } from '../src/engine/index.ts';
import type { EngineEvent } from '../src/engine/index.ts';
import { now } from './timing.ts';

export interface EvaluateCaseResult {
  events: number;
  policies: number;
  deviations: number;
  parseMs: number;
  parseEvaluateMs: number;
  evaluateMs: number;
  eventsPerS: number;
  ratio: number;
  /** parse + field checks (parseEventLine, as the CLI does) + evaluate, vs parse. */
  validatedRatio: number;
}

function parseAll(lines: readonly string[]): number {
  let sink = 0;
  for (let i = 0; i < lines.length; i++) {
    const e = JSON.parse(lines[i] as string) as EngineEvent;
    sink += e.time > 0 ? 1 : 0;
  }
  return sink;
}

function parseEvaluateAll(ev: EventEvaluator, lines: readonly string[]): number {
  let deviations = 0;
  for (let i = 0; i < lines.length; i++) {
    const v = ev.evaluate(JSON.parse(lines[i] as string) as EngineEvent);
    if (v.deviation) deviations++;
  }
  return deviations;
}

function parseCheckEvaluateAll(ev: EventEvaluator, lines: readonly string[]): number {
  let deviations = 0;
  for (let i = 0; i < lines.length; i++) {
    const r = parseEventLine(lines[i] as string, i + 1);
    if (isEventDiagnostic(r)) continue;
    if (ev.evaluate(r).deviation) deviations++;
  }
  return deviations;
}

export function evaluateCase(nPolicies: number, nEvents: number, seed = 11): EvaluateCaseResult {
  const fleet = generatePolicies(nPolicies, seed);
  const lines: string[] = [];
  for (const e of generateEvents(fleet, nEvents, { seed, deviationRate: 0.01 })) lines.push(JSON.stringify(e));
  // Warm-up on a slice so both loops are optimised before timing.
  const warm = lines.slice(0, Math.min(lines.length, 20_000));
  parseAll(warm);
  parseEvaluateAll(new EventEvaluator(fleet.policies), warm);
  let parseMs = Infinity;
  let totalMs = Infinity;
  let deviations = 0;
  for (let round = 0; round < 2; round++) {
    let t0 = now();
    parseAll(lines);
    parseMs = Math.min(parseMs, now() - t0);
    const ev = new EventEvaluator(fleet.policies);
    t0 = now();
    deviations = parseEvaluateAll(ev, lines);
    totalMs = Math.min(totalMs, now() - t0);
  }
  const checkedEv = new EventEvaluator(fleet.policies);
  const t1 = now();
  parseCheckEvaluateAll(checkedEv, lines);
  const checkedMs = now() - t1;
  const evaluateMs = Math.max(totalMs - parseMs, 1e-6);
  return {
    events: lines.length,
    policies: nPolicies,
    deviations,
    parseMs,
    parseEvaluateMs: totalMs,
    evaluateMs,
    eventsPerS: lines.length / (evaluateMs / 1000),
    ratio: evaluateMs / parseMs,
    validatedRatio: Math.max(checkedMs - parseMs, 0) / parseMs,
  };
}
