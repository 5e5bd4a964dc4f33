import { useEffect, useId, useMemo, useRef, useState } from 'react';

export interface FacetOption {
  value: string;
  /** Shown instead of the value (defaults to the value). */
  label?: string;
  /** Matching items given the other filters. */
  count?: number;
}

export interface FacetFilterProps {
  label: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Offer a search box above the options (default: when there are more than 8). */
  searchable?: boolean;
  /** Options listed at most (selected ones always are); the search narrows the rest. */
  maxShown?: number;
  disabled?: boolean;
  /** A line under the options, e.g. "coverage is still being computed". */
  note?: string;
}

/**
 * A multi-select facet: a button that opens a checkbox list with counts. Escape or a
 * click outside closes it; selected values stay on top.
 */
export function FacetFilter({ label, options, selected, onChange, searchable, maxShown = 100, disabled, note }: FacetFilterProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const withSearch = searchable ?? options.length > 8;
  // The parent may apply a change asynchronously (e.g. through the URL): show it at once.
  const [pending, setPending] = useState<{ base: readonly string[]; next: string[] } | null>(null);
  const current = pending && pending.base === selected ? pending.next : selected;
  const chosen = useMemo(() => new Set(current), [current]);

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: PointerEvent): void => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const first = options.filter((o) => chosen.has(o.value));
    const rest = options.filter((o) => !chosen.has(o.value) && (!q || (o.label ?? o.value).toLowerCase().includes(q)));
    return { list: [...first, ...rest.slice(0, maxShown)], hidden: Math.max(0, rest.length - maxShown) };
  }, [options, chosen, query, maxShown]);

  const change = (next: string[]): void => {
    setPending({ base: selected, next });
    onChange(next);
  };
  const toggle = (value: string): void => change(chosen.has(value) ? current.filter((v) => v !== value) : [...current, value]);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div
      className="facet"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`btn facet-button ${current.length ? 'facet-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {current.length > 0 && <span className="facet-badge">{current.length}</span>}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="facet-panel" id={panelId} role="group" aria-label={`${label} filter`}>
          {withSearch && (
            <input
              ref={searchRef}
              className="input facet-search"
              type="search"
              placeholder={`Find ${label.toLowerCase()}`}
              aria-label={`Find ${label.toLowerCase()}`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
          <ul className="facet-options">
            {shown.list.map((o) => {
              const text = o.label ?? o.value;
              const isOn = chosen.has(o.value);
              return (
                <li key={o.value}>
                  <label className={`facet-option ${!isOn && o.count === 0 ? 'facet-zero' : ''}`} title={text}>
                    <input type="checkbox" aria-label={text} checked={isOn} onChange={() => toggle(o.value)} />
                    <span className="facet-label">{text}</span>
                    {o.count !== undefined && <span className="facet-count">{o.count.toLocaleString()}</span>}
                  </label>
                </li>
              );
            })}
            {shown.list.length === 0 && <li className="muted facet-empty">No {label.toLowerCase()} match “{query}”</li>}
          </ul>
          {shown.hidden > 0 && <p className="muted facet-note">{shown.hidden.toLocaleString()} more: type to narrow the list</p>}
          {note && <p className="muted facet-note">{note}</p>}
          <div className="facet-actions">
            <button type="button" className="btn btn-ghost" disabled={current.length === 0} onClick={() => change([])}>
              Clear
            </button>
            <button type="button" className="btn" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
