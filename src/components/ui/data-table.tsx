import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. '2fr' or '120px'. */
  width?: string;
  render: (row: T) => ReactNode;
  sortable?: boolean;
  align?: 'start' | 'end';
}

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  getRowId: (row: T) => string;
  label: string;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  selected?: ReadonlySet<string>;
  onSelectedChange?: (next: Set<string>) => void;
  onRowClick?: (row: T) => void;
  rowHeight?: number;
  /** Max height of the scroll area in px. */
  maxHeight?: number;
  rowClassName?: (row: T) => string | undefined;
}

/**
 * A dense, virtualized table: only the rows in view (plus overscan) are in the DOM,
 * so tens of thousands of rows scroll smoothly.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { rows, columns, getRowId, label, sort, onSortChange, selected, onSelectedChange, onRowClick, rowHeight = 36, maxHeight = 640, rowClassName } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions that the React compiler cannot memoize; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const selectable = selected !== undefined && onSelectedChange !== undefined;
  const template = [selectable ? '36px' : null, ...columns.map((c) => c.width ?? '1fr')].filter(Boolean).join(' ');
  const allSelected = selectable && rows.length > 0 && rows.every((r) => selected.has(getRowId(r)));

  const toggleAll = (): void => {
    if (!selectable) return;
    onSelectedChange(allSelected ? new Set() : new Set(rows.map(getRowId)));
  };
  const toggle = (id: string): void => {
    if (!selectable) return;
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  const headerSort = (c: Column<T>): void => {
    if (!c.sortable || !onSortChange) return;
    onSortChange({ key: c.key, dir: sort?.key === c.key && sort.dir === 'asc' ? 'desc' : 'asc' });
  };

  return (
    <div className="data-table" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="dt-head">
        <div role="row" className="dt-row" style={{ gridTemplateColumns: template }} aria-rowindex={1}>
          {selectable && (
            <div role="columnheader" className="dt-cell dt-check">
              <input type="checkbox" aria-label="Select all rows" checked={allSelected} onChange={toggleAll} />
            </div>
          )}
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
            const isSelected = selectable && selected.has(id);
            return (
              <div
                key={id}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={selectable ? isSelected : undefined}
                data-row-id={id}
                className={`dt-row dt-data ${isSelected ? 'selected' : ''} ${onRowClick ? 'clickable' : ''} ${rowClassName?.(row) ?? ''}`}
                style={{ gridTemplateColumns: template, height: v.size, transform: `translateY(${v.start}px)` }}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
              >
                {selectable && (
                  <div role="cell" className="dt-cell dt-check" onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={`Select row ${id}`} checked={isSelected} onChange={() => toggle(id)} />
                  </div>
                )}
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={`dt-cell ${c.align === 'end' ? 'dt-end' : ''}`}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
