import { describe, expect, it } from 'vitest';
import { EventEvaluator } from './evaluator.ts';
import { generateEvents, generatePolicies, toNdjsonLines } from './generate-events.ts';
import { isEventDiagnostic, parseEventLine } from './parse-event.ts';
import { scopeOf } from './scope.ts';

describe('generatePolicies / generateEvents', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generatePolicies(20, 5);
    expect(generatePolicies(20, 5)).toEqual(a);
    expect(generatePolicies(20, 6)).not.toEqual(a);
    const e1 = toNdjsonLines(generateEvents(a, 200, { seed: 1 }));
    expect(toNdjsonLines(generateEvents(a, 200, { seed: 1 }))).toEqual(e1);
    expect(toNdjsonLines(generateEvents(a, 200, { seed: 2 }))).not.toEqual(e1);
  });

  it('builds workloads covered by their own policy', () => {
    const fleet = generatePolicies(60, 11);
    fleet.workloads.forEach((w, i) => {
      const owner = fleet.policies[fleet.owners[i] ?? -1];
      expect(owner && scopeOf(owner, [w])).toEqual([0]);
    });
    expect(fleet.policies.some((p) => p.metadata.type === 'linux-service')).toBe(true);
    expect(fleet.policies.some((p) => p.spec.containerSelector?.image?.endsWith('*'))).toBe(true);
  });

  it('yields mostly allowed events with about the requested share of deviations', () => {
    const fleet = generatePolicies(100, 3);
    const ev = new EventEvaluator(fleet.policies);
    for (const e of generateEvents(fleet, 20_000, { seed: 4, deviationRate: 0.01 })) ev.evaluate(e);
    const s = ev.summary();
    expect(s.events).toBe(20_000);
    expect(s.uncovered).toBe(0);
    expect(s.deviations / s.events).toBeGreaterThan(0.005);
    expect(s.deviations / s.events).toBeLessThan(0.02);
    expect(s.connectionEvents / s.events).toBeGreaterThan(0.3);
  });

  it('with deviationRate 0 every event is allowed; uncoveredRate adds uncovered events', () => {
    const fleet = generatePolicies(50, 8);
    const ev = new EventEvaluator(fleet.policies);
    for (const e of generateEvents(fleet, 5_000, { seed: 9, deviationRate: 0, uncoveredRate: 0.1 })) ev.evaluate(e);
    const s = ev.summary();
    expect(s.deviations).toBe(0);
    expect(s.uncovered).toBeGreaterThan(300);
    expect(s.allowed + s.uncovered).toBe(5_000);
  });

  it('NDJSON lines parse back to the same events', () => {
    const fleet = generatePolicies(10, 1);
    const events = [...generateEvents(fleet, 300, { seed: 1 })];
    const parsed = toNdjsonLines(events).map((l, i) => parseEventLine(l, i + 1));
    expect(parsed.filter(isEventDiagnostic)).toEqual([]);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(events)));
  });
});
