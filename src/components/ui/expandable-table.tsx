import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Column, SortState } from './data-table.tsx';

export interface ExpandableTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  getRowId: (row: T) => string;
  label: string;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  /** Ids of expanded rows. */
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** The detail shown under an expanded row. */
  renderDetail: (row: T) => ReactNode;
  /** Accessible name of a row's expand button. */
  rowLabel: (row: T) => string;
  rowHeight?: number;
  maxHeight?: number;
  rowClassName?: (row: T) => string | undefined;
}

/**
 * A virtualized table whose rows expand in place to a detail panel. Row heights are
 * measured, so expanded rows of any height scroll smoothly among thousands.
 */
export function ExpandableTable<T>(props: ExpandableTableProps<T>) {
  const { rows, columns, getRowId, label, sort, onSortChange, expanded, onToggle, renderDetail, rowLabel, rowHeight = 38, maxHeight = 640, rowClassName } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions that the React compiler cannot memoize; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const row = rows[i];
      return row !== undefined && expanded.has(getRowId(row)) ? rowHeight + 320 : rowHeight;
    },
    getItemKey: (i) => {
      const row = rows[i];
      return row === undefined ? i : getRowId(row);
    },
    overscan: 10,
  });
  const template = ['32px', ...columns.map((c) => c.width ?? '1fr')].join(' ');
  const headerSort = (c: Column<T>): void => {
    if (!c.sortable || !onSortChange) return;
    const first = c.key === 'time' || c.key === 'count' ? 'desc' : 'asc';
    onSortChange({ key: c.key, dir: sort?.key === c.key ? (sort.dir === 'asc' ? 'desc' : 'asc') : first });
  };
  return (
    <div className="data-table expandable-table" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="dt-head">
        <div role="row" className="dt-row" style={{ gridTemplateColumns: template }} aria-rowindex={1}>
          <div role="columnheader" className="dt-cell">
            <span className="visually-hidden">Details</span>
          </div>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={`dt-cell ${c.align === 'end' ? 'dt-end' : ''}`}
              aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sortable && onSortChange ? (
                <button type="button" className="dt-sort" onClick={() => headerSort(c)}>
                  {c.header}
                  <span aria-hidden="true">{sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              ) : (
                c.header
              )}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="dt-body" style={{ maxHeight }} role="rowgroup" data-testid="dt-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (row === undefined) return null;
            const id = getRowId(row);
            const open = expanded.has(id);
            return (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className={`xt-item ${open ? 'open' : ''}`} style={{ transform: `translateY(${v.start}px)` }}>
                <div
                  role="row"
                  aria-rowindex={v.index + 2}
                  data-row-id={id}
                  className={`dt-row xt-row clickable ${rowClassName?.(row) ?? ''}`}
                  style={{ gridTemplateColumns: template, minHeight: rowHeight }}
                  onClick={(e) => {
                    // Links and buttons inside cells do their own thing.
                    if ((e.target as HTMLElement).closest('a, button, input, select')) return;
                    onToggle(id);
                  }}
                >
                  <div role="cell" className="dt-cell xt-toggle">
                    <button type="button" className="btn btn-ghost xt-button" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} details: ${rowLabel(row)}`} onClick={() => onToggle(id)}>
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                    </button>
                  </div>
                  {columns.map((c) => (
                    <div key={c.key} role="cell" className={`dt-cell ${c.align === 'end' ? 'dt-end' : ''}`}>
                      {c.render(row)}
                    </div>
                  ))}
                </div>
                {open && (
                  <div role="row" className="xt-detail-row">
                    <div role="cell" className="xt-detail">
                      {renderDetail(row)}
                    </div>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
