import { useTheme } from './use-theme.ts';
import type { ThemePreference } from './theme-store.ts';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };
const ICON: Record<ThemePreference, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark; the button says which is active. */
export function ThemeToggle() {
  const { preference, setPreference } = useTheme();
  return (
    <button
      type="button"
      className="btn btn-ghost theme-toggle"
      onClick={() => setPreference(NEXT[preference])}
      title={`${LABEL[preference]} (click to switch to ${LABEL[NEXT[preference]].toLowerCase()})`}
      aria-label={`${LABEL[preference]}; switch to ${LABEL[NEXT[preference]].toLowerCase()}`}
      data-testid="theme-toggle"
      data-preference={preference}
    >
      <span aria-hidden="true">{ICON[preference]}</span>
      <span className="theme-toggle-label">{preference === 'system' ? 'Auto' : preference === 'light' ? 'Light' : 'Dark'}</span>
    </button>
  );
}
