/** Number and time formatting shared by charts, legends and tooltips (UTC for time buckets). */

const nf = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return nf.format(n);
}

/** Axis ticks: 1,200 → "1.2K". */
export function formatTick(n: number): string {
  return Math.abs(n) >= 10_000 ? compact.format(n) : nf.format(n);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 20" (UTC). */
export function formatDay(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}`;
}

/** "14:00" (UTC). */
export function formatHour(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * A bucket's axis label: the hour for hourly buckets within a day, the day for daily
 * buckets, and "Nov 20 14:00" for hourly buckets over several days.
 */
export function formatBucket(start: number, bucketSeconds: number, spanSeconds: number): string {
  if (bucketSeconds >= 86400) return formatDay(start);
  if (spanSeconds <= 86400) return formatHour(start);
  return start % 86400 === 0 ? formatDay(start) : `${formatDay(start)} ${formatHour(start)}`;
}

/** "Nov 20 14:00 – 15:00 UTC" or "Nov 20 – Nov 21 UTC". */
export function formatBucketRange(start: number, end: number): string {
  if ((end - start) % 86400 === 0 && start % 86400 === 0) {
    return end - start === 86400 ? `${formatDay(start)} UTC` : `${formatDay(start)} – ${formatDay(end - 86400)} UTC`;
  }
  const sameDay = Math.floor(start / 86400) === Math.floor((end - 1) / 86400);
  return sameDay ? `${formatDay(start)} ${formatHour(start)} – ${formatHour(end)} UTC` : `${formatDay(start)} ${formatHour(start)} – ${formatDay(end)} ${formatHour(end)} UTC`;
}

export interface Change {
  /** "+20%", "−35%", "new", "no change". */
  text: string;
  direction: 'up' | 'down' | 'flat' | 'new';
}

/** Change of a count against the previous period. */
export function changeOf(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { text: 'no change', direction: 'flat' } : { text: 'new', direction: 'new' };
  const pct = Math.round(((current - previous) / previous) * 100);
  if (pct === 0) return { text: 'no change', direction: 'flat' };
  return pct > 0 ? { text: `+${nf.format(pct)}%`, direction: 'up' } : { text: `−${nf.format(-pct)}%`, direction: 'down' };
}

/** Shortens long labels (image names) for an axis, keeping the end, which says the most. */
export function shortLabel(label: string, max = 28): string {
  if (label.length <= max) return label;
  const slash = label.lastIndexOf('/');
  const tail = slash >= 0 ? label.slice(slash + 1) : label;
  return tail.length <= max - 1 ? `…${tail}` : `${tail.slice(0, max - 1)}…`;
}
