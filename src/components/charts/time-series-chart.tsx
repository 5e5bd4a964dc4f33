import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, Brush, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from './chart-legend.tsx';
import { ChartTooltipBox } from './chart-tooltip.tsx';
import { formatBucket, formatBucketRange, formatCount, formatTick } from './format.ts';
import type { SeriesDef } from './series.ts';
import { useChartColors } from './use-chart-colors.ts';

export interface TimeSeriesPoint {
  /** Bucket start, epoch seconds. */
  start: number;
  /** Count per series key. */
  by: Readonly<Record<string, number>>;
}

export interface TimeSeriesChartProps {
  /** Accessible name of the chart, e.g. "Deviations per hour, by kind". */
  label: string;
  points: readonly TimeSeriesPoint[];
  bucketSeconds: number;
  series: readonly SeriesDef[];
  /** Plural noun for the values ("deviations"). */
  valueLabel: string;
  height?: number;
  /** A bar (bucket × series) or a whole bucket (series null) was chosen. */
  onSelect?: (bucket: { start: number; end: number }, series: string | null) => void;
  /** A brush under the chart to zoom in; `onZoom` applies the selection as the range. */
  brush?: boolean;
  onZoom?: (start: number, end: number) => void;
}

type Row = Record<string, number | string> & { start: number; label: string; total: number };

function isRow(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && typeof (v as { start?: unknown }).start === 'number';
}

/**
 * Stacked bars over time buckets, one colour per series, with drill-down, zoom and a
 * data-table view. Memoized: pass stable `points`, `series` and callbacks.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({ label, points, bucketSeconds, series, valueLabel, height = 240, onSelect, brush, onZoom }: TimeSeriesChartProps) {
  const { colors, chrome } = useChartColors(series.map((s) => s.token));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selection, setSelection] = useState<{ startIndex: number; endIndex: number } | null>(null);
  const span = points.length * bucketSeconds;
  const rows: Row[] = useMemo(
    () =>
      points.map((p) => {
        const row: Row = { start: p.start, label: formatBucket(p.start, bucketSeconds, span), total: 0 };
        for (const s of series) {
          const n = p.by[s.key] ?? 0;
          row[s.key] = n;
          row.total += n;
        }
        return row;
      }),
    [points, series, bucketSeconds, span],
  );
  const totals = useMemo(() => Object.fromEntries(series.map((s) => [s.key, rows.reduce((n, r) => n + Number(r[s.key] ?? 0), 0)])), [series, rows]);
  const visible = series.filter((s) => !hidden.has(s.key));
  const toggle = (key: string): void => setHidden((h) => (h.has(key) ? new Set([...h].filter((k) => k !== key)) : new Set([...h, key])));
  const zoomable = brush && onZoom && selection && (selection.startIndex > 0 || selection.endIndex < rows.length - 1);
  const select = (row: unknown, key: string | null): void => {
    if (onSelect && isRow(row)) onSelect({ start: row.start, end: row.start + bucketSeconds }, key);
  };
  const nonEmpty = rows.filter((r) => r.total > 0);

  return (
    <figure className="chart-figure" aria-label={label}>
      <ChartLegend
        label={`${label}: series`}
        items={series
          .filter((s) => (totals[s.key] ?? 0) > 0 || !s.token.startsWith('chart-other'))
          .map((s) => ({ key: s.key, label: s.label, color: colors[s.token] ?? '', value: formatCount(totals[s.key] ?? 0), hidden: hidden.has(s.key) }))}
        onToggle={toggle}
      />
      <div className="chart-canvas" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={rows.length > 60 ? 0 : '12%'} accessibilityLayer>
            <CartesianGrid vertical={false} stroke={chrome.grid} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fill: chrome.muted, fontSize: 11.5 }} stroke={chrome.grid} tickLine={false} minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fill: chrome.muted, fontSize: 11.5 }} stroke={chrome.grid} tickLine={false} axisLine={false} width={44} tickFormatter={formatTick} />
            <Tooltip
              cursor={{ fill: chrome.cursor }}
              isAnimationActive={false}
              content={(p) => {
                const row: unknown = p.payload[0]?.payload;
                if (!p.active || !isRow(row)) return null;
                return (
                  <ChartTooltipBox
                    title={formatBucketRange(row.start, row.start + bucketSeconds)}
                    lines={visible.map((s) => ({ key: s.key, label: s.label, color: colors[s.token] ?? '', value: Number(row[s.key] ?? 0) }))}
                    total={row.total}
                    {...(onSelect ? { hint: `Click a bar to list these ${valueLabel}` } : {})}
                  />
                );
              }}
            />
            {visible.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={colors[s.token]}
                isAnimationActive={false}
                cursor={onSelect ? 'pointer' : undefined}
                {...(onSelect ? { onClick: (item: { payload?: unknown }) => select(item.payload, s.key) } : {})}
              />
            ))}
            {brush && rows.length > 12 && (
              <Brush
                dataKey="label"
                height={22}
                travellerWidth={8}
                stroke={chrome.muted}
                fill={chrome.surface}
                tickFormatter={() => ''}
                onChange={(r) => setSelection({ startIndex: r.startIndex, endIndex: r.endIndex })}
              />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {brush && rows.length > 12 && (
        <div className="chart-zoom">
          <span className="muted">Drag the handles under the chart to zoom.</span>
          {zoomable && selection && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                const a = rows[selection.startIndex];
                const b = rows[selection.endIndex];
                if (a && b && onZoom) onZoom(a.start, b.start + bucketSeconds);
              }}
            >
              Show {formatBucketRange(rows[selection.startIndex]?.start ?? 0, (rows[selection.endIndex]?.start ?? 0) + bucketSeconds)} everywhere
            </button>
          )}
        </div>
      )}
      <details className="chart-data">
        <summary>
          Data table ({nonEmpty.length} of {rows.length} buckets have {valueLabel})
        </summary>
        <table className="data-grid">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {nonEmpty.map((r) => (
              <tr key={r.start}>
                <th scope="row">{formatBucketRange(r.start, r.start + bucketSeconds)}</th>
                {series.map((s) => {
                  const n = Number(r[s.key] ?? 0);
                  return (
                    <td key={s.key}>
                      {onSelect && n > 0 ? (
                        <button
                          type="button"
                          className="cell-link"
                          onClick={() => select(r, s.key)}
                          aria-label={`${formatCount(n)} ${s.label} ${valueLabel}, ${formatBucketRange(r.start, r.start + bucketSeconds)}: list them`}
                        >
                          {formatCount(n)}
                        </button>
                      ) : (
                        formatCount(n)
                      )}
                    </td>
                  );
                })}
                <td>{formatCount(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});
