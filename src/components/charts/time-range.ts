/**
 * The time range of the dashboard and the event lists, kept in the URL:
 * `range=24h|7d|30d`, or `from` / `to` for a custom window — a UTC date (`2026-11-20`,
 * `to` inclusive) or epoch seconds (a chart bucket drilled into).
 */
import type { BucketSize } from '../../api/aggregates.ts';

export type RangePreset = '24h' | '7d' | '30d';

export type TimeRange = { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; start: number; end: number };

export const PRESETS: readonly { key: RangePreset; label: string; days: number }[] = [
  { key: '24h', label: '24 h', days: 1 },
  { key: '7d', label: '7 d', days: 7 },
  { key: '30d', label: '30 d', days: 30 },
];

const DAY = 86400;
const isPreset = (v: string | null): v is RangePreset => v === '24h' || v === '7d' || v === '30d';

/** `2026-11-20` → epoch seconds at 00:00 UTC; digits → epoch seconds; else null. */
export function parseTimeParam(v: string | null): number | null {
  if (v === null || v === '') return null;
  if (/^\d{1,12}$/.test(v)) return Number(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000;
  return Number.isFinite(t) ? t : null;
}

/** Epoch seconds → `2026-11-20` (UTC). */
export function dateParam(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10);
}

export function readTimeRange(params: URLSearchParams, fallback: RangePreset = '7d'): TimeRange {
  const from = parseTimeParam(params.get('from'));
  const toRaw = params.get('to');
  let to = parseTimeParam(toRaw);
  // A date `to` is inclusive: the window ends at the end of that day.
  if (to !== null && toRaw !== null && !/^\d+$/.test(toRaw)) to += DAY;
  if (from !== null && to !== null && to > from) return { kind: 'custom', start: from, end: to };
  const range = params.get('range');
  return { kind: 'preset', preset: isPreset(range) ? range : fallback };
}

/** Writes the range into `params` (a copy), removing what no longer applies. */
export function writeTimeRange(params: URLSearchParams, range: TimeRange, fallback: RangePreset = '7d'): URLSearchParams {
  const p = new URLSearchParams(params);
  p.delete('range');
  p.delete('from');
  p.delete('to');
  if (range.kind === 'preset') {
    if (range.preset !== fallback) p.set('range', range.preset);
    return p;
  }
  const wholeDays = range.start % DAY === 0 && range.end % DAY === 0;
  p.set('from', wholeDays ? dateParam(range.start) : String(range.start));
  p.set('to', wholeDays ? dateParam(range.end - DAY) : String(range.end));
  return p;
}

export interface ResolvedRange {
  /** Epoch seconds, [start, end). */
  start: number;
  end: number;
  /** Relative ranges keep `days` (stable query keys); custom ones have null. */
  days: number | null;
  bucket: BucketSize;
  bucketSeconds: number;
  /** "last 7 days", "Nov 1 – Nov 10". */
  label: string;
}

/** Hourly buckets up to a week, daily beyond. */
export function bucketFor(spanSeconds: number): BucketSize {
  return spanSeconds <= 7 * DAY ? 'hour' : 'day';
}

export function resolveRange(range: TimeRange, now: number): ResolvedRange {
  if (range.kind === 'preset') {
    const days = PRESETS.find((p) => p.key === range.preset)?.days ?? 7;
    const bucket = bucketFor(days * DAY);
    return { start: now - days * DAY, end: now, days, bucket, bucketSeconds: bucket === 'hour' ? 3600 : DAY, label: days === 1 ? 'last 24 hours' : `last ${days} days` };
  }
  const bucket = bucketFor(range.end - range.start);
  return { start: range.start, end: range.end, days: null, bucket, bucketSeconds: bucket === 'hour' ? 3600 : DAY, label: customLabel(range.start, range.end) };
}

function customLabel(start: number, end: number): string {
  const fmt = (t: number, withTime: boolean): string => {
    const iso = new Date(t * 1000).toISOString();
    return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  };
  const whole = start % DAY === 0 && end % DAY === 0;
  return whole ? `${fmt(start, false)} – ${fmt(end - DAY, false)} (UTC)` : `${fmt(start, true)} – ${fmt(end, true)} UTC`;
}

/** The period of the same length just before (for "change vs previous period"). */
export function previousPeriod(r: Pick<ResolvedRange, 'start' | 'end'>): { start: number; end: number } {
  return { start: r.start - (r.end - r.start), end: r.start };
}
