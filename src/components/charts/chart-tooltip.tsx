import type { ReactNode } from 'react';
import { formatCount } from './format.ts';

export interface TooltipLine {
  key: string;
  label: string;
  color: string;
  value: number;
}

/** Tooltip body shared by the charts: a title, one line per non-zero series, and the total. */
export function ChartTooltipBox({ title, lines, total, hint }: { title: ReactNode; lines: readonly TooltipLine[]; total?: number; hint?: string }) {
  const shown = lines.filter((l) => l.value !== 0);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      {shown.length === 0 && <div className="muted">None</div>}
      {shown.map((l) => (
        <div key={l.key} className="chart-tooltip-line">
          <span className="legend-swatch" style={{ background: l.color }} aria-hidden="true" />
          <span>{l.label}</span>
          <strong>{formatCount(l.value)}</strong>
        </div>
      ))}
      {total !== undefined && shown.length > 1 && (
        <div className="chart-tooltip-line chart-tooltip-total">
          <span />
          <span>Total</span>
          <strong>{formatCount(total)}</strong>
        </div>
      )}
      {hint && <div className="chart-tooltip-hint">{hint}</div>}
    </div>
  );
}
