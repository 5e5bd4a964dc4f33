import { describe, expect, it } from 'vitest';
import { parseTimeParam, previousPeriod, readTimeRange, resolveRange, writeTimeRange } from './time-range.ts';

const T = 1_795_176_000; // 2026-11-20T12:00:00Z
const day = 86400;

describe('time range in the URL', () => {
  it('reads presets, with a fallback for missing or unknown values', () => {
    expect(readTimeRange(new URLSearchParams('range=30d'))).toEqual({ kind: 'preset', preset: '30d' });
    expect(readTimeRange(new URLSearchParams('range=1y'))).toEqual({ kind: 'preset', preset: '7d' });
    expect(readTimeRange(new URLSearchParams(''), '24h')).toEqual({ kind: 'preset', preset: '24h' });
  });

  it('reads custom windows as dates (to inclusive) or epoch seconds', () => {
    expect(readTimeRange(new URLSearchParams('from=2026-11-01&to=2026-11-10'))).toEqual({ kind: 'custom', start: parseTimeParam('2026-11-01'), end: (parseTimeParam('2026-11-10') ?? 0) + day });
    expect(readTimeRange(new URLSearchParams(`from=${T}&to=${T + 3600}`))).toEqual({ kind: 'custom', start: T, end: T + 3600 });
    expect(readTimeRange(new URLSearchParams(`from=${T}&to=${T}`))).toEqual({ kind: 'preset', preset: '7d' });
    expect(readTimeRange(new URLSearchParams('from=yesterday&to=2026-11-10'))).toEqual({ kind: 'preset', preset: '7d' });
  });

  it('round-trips through the URL and keeps other parameters', () => {
    const ranges = [
      { kind: 'preset', preset: '24h' },
      { kind: 'preset', preset: '7d' },
      { kind: 'custom', start: T, end: T + 7200 },
      { kind: 'custom', start: T - 12 * 3600, end: T + 36 * 3600 },
    ] as const;
    for (const r of ranges) {
      const p = writeTimeRange(new URLSearchParams('cluster=eks&range=30d'), r);
      expect(p.get('cluster')).toBe('eks');
      expect(readTimeRange(p)).toEqual(r);
    }
    expect(writeTimeRange(new URLSearchParams(), { kind: 'preset', preset: '7d' }).toString()).toBe('');
    expect(writeTimeRange(new URLSearchParams(), { kind: 'custom', start: T - 12 * 3600, end: T + 36 * 3600 }).toString()).toBe('from=2026-11-20&to=2026-11-21');
  });

  it('resolves windows, bucket sizes and the previous period', () => {
    expect(resolveRange({ kind: 'preset', preset: '24h' }, T)).toMatchObject({ start: T - day, end: T, days: 1, bucket: 'hour', label: 'last 24 hours' });
    expect(resolveRange({ kind: 'preset', preset: '7d' }, T)).toMatchObject({ bucket: 'hour', bucketSeconds: 3600 });
    expect(resolveRange({ kind: 'preset', preset: '30d' }, T)).toMatchObject({ days: 30, bucket: 'day', bucketSeconds: day });
    expect(resolveRange({ kind: 'custom', start: T, end: T + 10 * day }, T)).toMatchObject({ days: null, bucket: 'day' });
    expect(previousPeriod({ start: T - 7 * day, end: T })).toEqual({ start: T - 14 * day, end: T - 7 * day });
  });
});
