/**
 * Enforce readiness of an audit-mode policy: quiet long enough (no deviation for
 * READY_DAYS days), in audit at least that long, and every replica in its scope fully
 * covered (the engine finds no deviation in its fingerprint). Anything else says what
 * is missing, in words.
 */
export const READY_DAYS = 7;

export type CoverageState =
  | { state: 'pending' }
  | { state: 'error'; message: string }
  /** Cluster policies: rulesets decide, fingerprints do not apply. */
  | { state: 'n/a' }
  | { state: 'done'; covered: number; total: number };

export interface ReadinessInput {
  /** Occurrences per UTC day, oldest first; the last entry is today. */
  daily: readonly number[];
  /**
   * Deviations (distinct checksums) first seen on each day, same length. The first day
   * never counts: what it shows may have started before the window.
   */
  newDaily: readonly number[];
  /** Whole days since the policy was created (null: unknown). */
  auditDays: number | null;
  coverage: CoverageState;
}

export type VerdictKind = 'ready' | 'not-yet' | 'checking';

export interface Verdict {
  kind: VerdictKind;
  text: string;
  /** Days since the last deviation (0 = today), null when none in the window. */
  lastDaysAgo: number | null;
  /** Days since the last new deviation, null when none appeared in the window. */
  lastNewDaysAgo: number | null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function daysAgoText(d: number): string {
  return d === 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

function lastIndex(xs: readonly number[]): number {
  for (let i = xs.length - 1; i >= 0; i--) if ((xs[i] ?? 0) > 0) return i;
  return -1;
}

export function readinessVerdict(input: ReadinessInput): Verdict {
  const n = input.daily.length;
  const last = lastIndex(input.daily);
  const lastNew = lastIndex(input.newDaily.map((x, i) => (i === 0 ? 0 : x)));
  const lastDaysAgo = last < 0 ? null : n - 1 - last;
  const lastNewDaysAgo = lastNew < 0 ? null : n - 1 - lastNew;
  const out = (kind: VerdictKind, text: string): Verdict => ({ kind, text, lastDaysAgo, lastNewDaysAgo });
  const recent = input.daily.slice(-READY_DAYS).reduce((a, b) => a + b, 0);

  if (recent > 0) {
    if (lastNewDaysAgo !== null && lastNewDaysAgo < READY_DAYS) {
      const count = input.newDaily[lastNew] ?? 0;
      return out('not-yet', `not yet: ${plural(count, 'new deviation')} ${daysAgoText(lastNewDaysAgo)}`);
    }
    return out('not-yet', `not yet: ${plural(recent, 'deviation')} in the last ${READY_DAYS} days (recurring, last ${daysAgoText(lastDaysAgo ?? 0)})`);
  }
  if (input.auditDays !== null && input.auditDays < READY_DAYS) {
    return out('not-yet', `not yet: in audit mode for ${plural(input.auditDays, 'day')} (${READY_DAYS} needed)`);
  }
  const unbounded = lastDaysAgo === null && (input.auditDays === null || input.auditDays >= n);
  const quietDays = Math.min(lastDaysAgo ?? n, input.auditDays ?? n);
  const quiet = unbounded ? `${n}+ days` : plural(quietDays, 'day');
  const c = input.coverage;
  switch (c.state) {
    case 'pending':
      return out('checking', `no new deviations for ${quiet}; checking replica coverage…`);
    case 'error':
      return out('checking', `no new deviations for ${quiet}; replica coverage unknown (${c.message})`);
    case 'n/a':
      return out('ready', `ready: no new deviations for ${quiet} (its rulesets cover the cluster)`);
    case 'done':
      if (c.total === 0) return out('not-yet', 'not yet: no replica in its scope was seen, so nothing proves it');
      if (c.covered < c.total) return out('not-yet', `not yet: ${c.total - c.covered} of ${plural(c.total, 'replica')} still deviate`);
      return out('ready', `ready: no new deviations for ${quiet}, all ${plural(c.total, 'replica')} covered`);
  }
}

/**
 * Daily counts and new deviations per day from daily buckets split by checksum
 * (a deviation is new on the first day its checksum appears).
 */
export function dailyFromChecksumBuckets(buckets: readonly { count: number; by?: Readonly<Record<string, number>> }[]): { daily: number[]; newDaily: number[] } {
  const seen = new Set<string>();
  const daily: number[] = [];
  const newDaily: number[] = [];
  for (const b of buckets) {
    daily.push(b.count);
    let fresh = 0;
    for (const [checksum, n] of Object.entries(b.by ?? {})) {
      if (n > 0 && !seen.has(checksum)) {
        seen.add(checksum);
        fresh++;
      }
    }
    newDaily.push(fresh);
  }
  return { daily, newDaily };
}

/** Whole days between two epoch-second times. */
export function wholeDays(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 86400));
}
