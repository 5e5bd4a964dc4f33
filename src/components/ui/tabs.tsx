import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: ReactNode;
}

/** Accessible tabs (arrow keys move between tabs); the caller renders the active panel. */
export function Tabs<K extends string>({ tabs, active, onChange, children }: { tabs: readonly TabDef<K>[]; active: K; onChange: (k: K) => void; children: ReactNode }) {
  const base = useId();
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = tabs.findIndex((t) => t.key === active);
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (next) onChange(next.key);
  };
  return (
    <div className="tabs">
      <div role="tablist" className="tab-list" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${base}-${t.key}`}
            aria-selected={t.key === active}
            aria-controls={`${base}-panel`}
            tabIndex={t.key === active ? 0 : -1}
            className={t.key === active ? 'tab active' : 'tab'}
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${active}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
