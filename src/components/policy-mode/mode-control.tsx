import type { ModeTarget } from '../../engine/impact/index.ts';

const OPTIONS: { value: ModeTarget; label: string }[] = [
  { value: 'audit', label: 'Audit' },
  { value: 'enforce', label: 'Enforce' },
  { value: 'disabled', label: 'Disabled' },
];

/** Three-way Audit / Enforce / Disabled control. Choosing a value asks first (onRequest). */
export function ModeControl({ value, onRequest, pending, label, compact }: { value: ModeTarget; onRequest: (t: ModeTarget) => void; pending?: boolean; label: string; compact?: boolean }) {
  return (
    <div className={`mode-control ${compact ? 'compact' : ''}`} role="radiogroup" aria-label={label} aria-busy={pending ?? false}>
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          className={`mode-option mode-${o.value} ${value === o.value ? 'on' : ''}`}
          disabled={pending}
          onClick={(e) => {
            e.stopPropagation();
            if (o.value !== value) onRequest(o.value);
          }}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
