import { describe, expect, it } from 'vitest';
import { dailyFromChecksumBuckets, readinessVerdict, type ReadinessInput } from './readiness.ts';

const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);
const done = (covered: number, total: number) => ({ state: 'done', covered, total }) as const;
const input = (over: Partial<ReadinessInput>): ReadinessInput => ({ daily: zeros(30), newDaily: zeros(30), auditDays: 60, coverage: done(14, 14), ...over });

describe('enforce readiness verdict', () => {
  it('is ready when quiet for a week and every replica is covered', () => {
    const daily = zeros(30);
    daily[20] = 4; // 9 days ago
    const v = readinessVerdict(input({ daily }));
    expect(v).toMatchObject({ kind: 'ready', text: 'ready: no new deviations for 9 days, all 14 replicas covered', lastDaysAgo: 9 });
    expect(readinessVerdict(input({})).text).toBe('ready: no new deviations for 30+ days, all 14 replicas covered');
  });

  it('is not ready after new deviations, naming when', () => {
    const daily = zeros(30);
    const newDaily = zeros(30);
    daily[28] = 5;
    newDaily[28] = 3;
    expect(readinessVerdict(input({ daily, newDaily })).text).toBe('not yet: 3 new deviations yesterday');
    daily[29] = 1;
    newDaily[29] = 1;
    expect(readinessVerdict(input({ daily, newDaily }))).toMatchObject({ kind: 'not-yet', text: 'not yet: 1 new deviation today', lastNewDaysAgo: 0 });
  });

  it('is not ready while known deviations keep recurring', () => {
    const daily = zeros(30);
    const newDaily = zeros(30);
    newDaily[2] = 1;
    daily[2] = 1;
    daily[26] = 10;
    daily[27] = 2;
    const v = readinessVerdict(input({ daily, newDaily }));
    expect(v.text).toBe('not yet: 12 deviations in the last 7 days (recurring, last 2 days ago)');
    expect(v.lastNewDaysAgo).toBe(27);
  });

  it('does not count what the first day of the window shows as new', () => {
    const newDaily = zeros(30);
    newDaily[0] = 2;
    const daily = zeros(30);
    daily[0] = 2;
    expect(readinessVerdict(input({ daily, newDaily })).lastNewDaysAgo).toBeNull();
  });

  it('asks for a week in audit mode', () => {
    expect(readinessVerdict(input({ auditDays: 3 })).text).toBe('not yet: in audit mode for 3 days (7 needed)');
    expect(readinessVerdict(input({ auditDays: 12 })).text).toBe('ready: no new deviations for 12 days, all 14 replicas covered');
  });

  it('waits for coverage and reports uncovered replicas', () => {
    expect(readinessVerdict(input({ coverage: { state: 'pending' } })).kind).toBe('checking');
    expect(readinessVerdict(input({ coverage: { state: 'error', message: 'HTTP 500' } })).text).toMatch(/coverage unknown \(HTTP 500\)/);
    expect(readinessVerdict(input({ coverage: done(12, 14) })).text).toBe('not yet: 2 of 14 replicas still deviate');
    expect(readinessVerdict(input({ coverage: done(0, 0) })).kind).toBe('not-yet');
    expect(readinessVerdict(input({ coverage: done(1, 1) })).text).toBe('ready: no new deviations for 30+ days, all 1 replica covered');
    expect(readinessVerdict(input({ coverage: { state: 'n/a' } })).kind).toBe('ready');
  });
});

describe('daily counts from checksum buckets', () => {
  it('counts a checksum as new on its first day only', () => {
    const out = dailyFromChecksumBuckets([
      { count: 3, by: { a: 3 } },
      { count: 0, by: {} },
      { count: 5, by: { a: 1, b: 4 } },
      { count: 2, by: { b: 1, c: 1 } },
    ]);
    expect(out).toEqual({ daily: [3, 0, 5, 2], newDaily: [1, 0, 1, 1] });
  });
});
