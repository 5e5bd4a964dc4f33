import type { ReactNode } from 'react';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** e.g. the series total. */
  value?: ReactNode;
  hidden?: boolean;
}

/**
 * An HTML legend (readable text in both themes, wraps on small screens). With
 * `onToggle`, each entry shows or hides its series.
 */
export function ChartLegend({ items, label, onToggle }: { items: readonly LegendItem[]; label: string; onToggle?: (key: string) => void }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((i) => {
        const content = (
          <>
            <span className="legend-swatch" style={{ background: i.color }} aria-hidden="true" />
            <span className="legend-label">{i.label}</span>
            {i.value !== undefined && <span className="legend-value">{i.value}</span>}
          </>
        );
        return (
          <li key={i.key} className={i.hidden ? 'legend-hidden' : undefined}>
            {onToggle ? (
              <button type="button" className="legend-item" aria-pressed={!i.hidden} title={i.hidden ? `Show ${i.label}` : `Hide ${i.label}`} onClick={() => onToggle(i.key)}>
                {content}
              </button>
            ) : (
              <span className="legend-item">{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
