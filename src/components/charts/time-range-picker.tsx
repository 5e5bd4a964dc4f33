import { useId, useState } from 'react';
import { dateParam, PRESETS, type TimeRange } from './time-range.ts';

const DAY = 86400;

interface PickerProps {
  value: TimeRange;
  onChange: (r: TimeRange) => void;
  /** Epoch seconds (the default custom window ends today). */
  now: number;
}

/** 24 h / 7 d / 30 d, or a custom UTC date range (applied with a button, not on every keystroke). */
export function TimeRangePicker(props: PickerProps) {
  // A range set from elsewhere (a zoom, a link) resets the custom inputs.
  const key = props.value.kind === 'custom' ? `${props.value.start}-${props.value.end}` : props.value.preset;
  return <Picker key={key} {...props} />;
}

function Picker({ value, onChange, now }: PickerProps) {
  const id = useId();
  const [custom, setCustom] = useState(value.kind === 'custom');
  const initialFrom = value.kind === 'custom' ? dateParam(value.start) : dateParam(now - 7 * DAY);
  const initialTo = value.kind === 'custom' ? dateParam(value.end - 1) : dateParam(now);
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const start = Date.parse(`${from}T00:00:00Z`) / 1000;
  const end = Date.parse(`${to}T00:00:00Z`) / 1000 + DAY;
  const valid = Number.isFinite(start) && Number.isFinite(end) && end > start;
  const active = value.kind === 'preset' && !custom ? value.preset : 'custom';
  return (
    <div className="range-picker" role="group" aria-label="Time range">
      <div className="seg-toggle">
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            className={`segment ${active === p.key ? 'on' : ''}`}
            aria-pressed={active === p.key}
            onClick={() => {
              setCustom(false);
              onChange({ kind: 'preset', preset: p.key });
            }}
          >
            {p.label}
          </button>
        ))}
        <button type="button" className={`segment ${active === 'custom' ? 'on' : ''}`} aria-pressed={active === 'custom'} onClick={() => setCustom(true)}>
          Custom
        </button>
      </div>
      {custom && (
        <form
          className="range-custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange({ kind: 'custom', start, end });
          }}
        >
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} className="input" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${id}-to`}>to</label>
          <input id={`${id}-to`} className="input" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          <span className="muted">UTC</span>
          <button type="submit" className="btn" disabled={!valid}>
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
