/**
 * When things happen: hourly weights over the last 30 days with a daily and weekly
 * rhythm (the org works US-Pacific business hours), sampled by inverse CDF.
 */
import type { Rng } from './prng.ts';

export type Pattern = 'human' | 'deploy' | 'periodic' | 'constant';

export const HOURS = 30 * 24;
const TZ_OFFSET_H = -8;

/** Local hour of day and weekday (0 = Sunday) of an epoch-seconds time. */
export function localClock(t: number): { hour: number; weekday: number } {
  const d = new Date((t + TZ_OFFSET_H * 3600) * 1000);
  return { hour: d.getUTCHours(), weekday: d.getUTCDay() };
}

function weightAt(pattern: Pattern, hour: number, weekday: number, periodicHour: number): number {
  const weekend = weekday === 0 || weekday === 6;
  switch (pattern) {
    case 'human': {
      const day = hour >= 9 && hour < 18 ? 1 : hour >= 7 && hour < 21 ? 0.35 : 0.04;
      return day * (weekend ? 0.15 : 1);
    }
    case 'deploy': {
      const day = hour >= 10 && hour < 17 ? 1 : 0.08;
      return day * (weekend ? 0.05 : weekday === 5 ? 0.5 : 1);
    }
    case 'periodic':
      return hour === periodicHour ? 1 : 0.01;
    case 'constant':
      return 0.6 + 0.4 * Math.sin(((hour - 6) / 24) * 2 * Math.PI) * (weekend ? 0.5 : 1);
  }
}

export class TimeSampler {
  private readonly cdfs = new Map<string, Float64Array>();
  readonly start: number;

  constructor(readonly now: number) {
    this.start = now - HOURS * 3600;
  }

  private cdf(pattern: Pattern, periodicHour: number): Float64Array {
    const key = `${pattern}:${periodicHour}`;
    const cached = this.cdfs.get(key);
    if (cached) return cached;
    const cdf = new Float64Array(HOURS);
    let acc = 0;
    for (let h = 0; h < HOURS; h++) {
      const { hour, weekday } = localClock(this.start + h * 3600);
      acc += weightAt(pattern, hour, weekday, periodicHour);
      cdf[h] = acc;
    }
    this.cdfs.set(key, cdf);
    return cdf;
  }

  /** A time within the last 30 days following the pattern. */
  sample(pattern: Pattern, rng: Rng, periodicHour = 3): number {
    const cdf = this.cdf(pattern, periodicHour);
    const total = cdf[HOURS - 1] ?? 1;
    const x = rng.float() * total;
    let lo = 0;
    let hi = HOURS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    const jitter = pattern === 'periodic' ? rng.int(0, 20 * 60) : rng.int(0, 3599);
    return Math.min(this.now - 1, this.start + lo * 3600 + jitter);
  }

  /** A time in an incident: decaying exponentially from `from` over `hours`. */
  sampleBurst(from: number, hours: number, rng: Rng): number {
    const t = from + Math.floor(-Math.log(1 - rng.float() * 0.95) * (hours * 3600) / 3);
    return Math.min(this.now - 1, t);
  }
}
