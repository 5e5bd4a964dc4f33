import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from './chart-legend.tsx';
import { ChartTooltipBox } from './chart-tooltip.tsx';
import { formatCount, formatTick, shortLabel } from './format.ts';
import type { SeriesDef } from './series.ts';
import { useChartColors } from './use-chart-colors.ts';

export interface CategoryRow {
  key: string;
  /** Full label (tooltip, table); the axis shows a shortened one. */
  label: string;
  /** Second line in the tooltip and table, e.g. "ns prod · cluster eks". */
  detail?: string;
  values: Readonly<Record<string, number>>;
}

export interface CategoryBarChartProps {
  label: string;
  rows: readonly CategoryRow[];
  series: readonly SeriesDef[];
  /** Plural noun for the values ("deviations", "policies"). */
  valueLabel: string;
  onSelect?: (rowKey: string, series: string) => void;
  /** Width reserved for the category labels. */
  labelWidth?: number;
}

type Row = Record<string, number | string> & { key: string; label: string; total: number };

function isRow(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

/** Horizontal bars per category (stacked when several series), clickable, with a data-table view. Memoized: pass stable props. */
export const CategoryBarChart = memo(function CategoryBarChart({ label, rows, series, valueLabel, onSelect, labelWidth = 190 }: CategoryBarChartProps) {
  const { colors, chrome } = useChartColors(series.map((s) => s.token));
  const data: Row[] = useMemo(
    () =>
      rows.map((r) => {
        const row: Row = { key: r.key, label: r.label, total: 0, ...(r.detail ? { detail: r.detail } : {}) };
        for (const s of series) {
          const n = r.values[s.key] ?? 0;
          row[s.key] = n;
          row.total += n;
        }
        return row;
      }),
    [rows, series],
  );
  const height = Math.max(120, data.length * 30 + 36);
  const multi = series.length > 1;
  return (
    <figure className="chart-figure" aria-label={label}>
      {multi && (
        <ChartLegend
          label={`${label}: series`}
          items={series.map((s) => ({ key: s.key, label: s.label, color: colors[s.token] ?? '', value: formatCount(data.reduce((n, r) => n + Number(r[s.key] ?? 0), 0)) }))}
        />
      )}
      <div className="chart-canvas" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap="22%" accessibilityLayer>
            <CartesianGrid horizontal={false} stroke={chrome.grid} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={{ fill: chrome.muted, fontSize: 11.5 }} stroke={chrome.grid} tickLine={false} tickFormatter={formatTick} />
            <YAxis
              type="category"
              dataKey="label"
              width={labelWidth}
              tick={{ fill: chrome.text, fontSize: 12 }}
              stroke={chrome.grid}
              tickLine={false}
              tickFormatter={(v: string) => shortLabel(v, Math.floor(labelWidth / 7))}
              interval={0}
            />
            <Tooltip
              cursor={{ fill: chrome.cursor }}
              isAnimationActive={false}
              content={(p) => {
                const row: unknown = p.payload[0]?.payload;
                if (!p.active || !isRow(row)) return null;
                const detail = typeof row.detail === 'string' ? row.detail : undefined;
                return (
                  <ChartTooltipBox
                    title={
                      <>
                        {row.label}
                        {detail && <div className="muted">{detail}</div>}
                      </>
                    }
                    lines={series.map((s) => ({ key: s.key, label: s.label, color: colors[s.token] ?? '', value: Number(row[s.key] ?? 0) }))}
                    total={row.total}
                    {...(onSelect ? { hint: `Click to list these ${valueLabel}` } : {})}
                  />
                );
              }}
            />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={colors[s.token]}
                isAnimationActive={false}
                cursor={onSelect ? 'pointer' : undefined}
                {...(onSelect
                  ? {
                      onClick: (item: { payload?: unknown }) => {
                        const row: unknown = item.payload;
                        if (isRow(row)) onSelect(row.key, s.key);
                      },
                    }
                  : {})}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Data table</summary>
        <table className="data-grid">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.label}
                  {typeof r.detail === 'string' && <span className="muted"> · {r.detail}</span>}
                </th>
                {series.map((s) => {
                  const n = Number(r[s.key] ?? 0);
                  return (
                    <td key={s.key}>
                      {onSelect && n > 0 ? (
                        <button type="button" className="cell-link" onClick={() => onSelect(r.key, s.key)} aria-label={`${r.label}: ${formatCount(n)} ${s.label}, list them`}>
                          {formatCount(n)}
                        </button>
                      ) : (
                        formatCount(n)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});
