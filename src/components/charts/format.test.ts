import { describe, expect, it } from 'vitest';
import { changeOf, formatBucket, formatBucketRange, formatCount, formatTick, shortLabel } from './format.ts';

const T = 1_795_176_000; // 2026-11-20T12:00:00Z

describe('chart formatting', () => {
  it('formats counts and compact ticks', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatTick(950)).toBe('950');
    expect(formatTick(12_500)).toBe('12.5K');
  });

  it('labels buckets by their size and the span of the chart', () => {
    expect(formatBucket(T, 3600, 86400)).toBe('12:00');
    expect(formatBucket(T, 3600, 7 * 86400)).toBe('Nov 20 12:00');
    expect(formatBucket(T - 12 * 3600, 3600, 7 * 86400)).toBe('Nov 20');
    expect(formatBucket(T - 12 * 3600, 86400, 30 * 86400)).toBe('Nov 20');
  });

  it('says which time a bucket covers, in UTC', () => {
    expect(formatBucketRange(T, T + 3600)).toBe('Nov 20 12:00 – 13:00 UTC');
    expect(formatBucketRange(T - 12 * 3600, T + 12 * 3600)).toBe('Nov 20 UTC');
    expect(formatBucketRange(T - 12 * 3600, T + 36 * 3600)).toBe('Nov 20 – Nov 21 UTC');
    expect(formatBucketRange(T + 12 * 3600 - 3600, T + 12 * 3600)).toBe('Nov 20 23:00 – 00:00 UTC');
  });

  it('compares with the previous period', () => {
    expect(changeOf(120, 100)).toEqual({ text: '+20%', direction: 'up' });
    expect(changeOf(65, 100)).toEqual({ text: '−35%', direction: 'down' });
    expect(changeOf(5, 0)).toEqual({ text: 'new', direction: 'new' });
    expect(changeOf(0, 0)).toEqual({ text: 'no change', direction: 'flat' });
    expect(changeOf(100, 100).direction).toBe('flat');
  });

  it('shortens long image names from the end', () => {
    expect(shortLabel('nginx:1.27')).toBe('nginx:1.27');
    expect(shortLabel('602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.22.6')).toBe('…kube-proxy:v1.22.6');
    expect(shortLabel('x'.repeat(40), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
