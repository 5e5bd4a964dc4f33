import { useSyncExternalStore } from 'react';
import {
  readThemePreference,
  resolveTheme,
  writeThemePreference,
  type ResolvedTheme,
  type ThemePreference,
} from './theme-store.ts';

/**
 * One theme store for the whole page, so the toggle, Monaco and charts agree.
 * It follows the system while the preference is 'system'.
 */
interface ThemeState {
  preference: ThemePreference;
  theme: ResolvedTheme;
}

const listeners = new Set<() => void>();
let state: ThemeState = { preference: readThemePreference(), theme: resolveTheme(readThemePreference()) };

function publish(preference: ThemePreference): void {
  state = { preference, theme: resolveTheme(preference) };
  document.documentElement.dataset.theme = state.theme;
  listeners.forEach((l) => l());
}

if (typeof matchMedia === 'function') {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (state.preference === 'system') publish('system');
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setPreference(preference: ThemePreference): void {
  writeThemePreference(preference);
  publish(preference);
}

/** The theme preference, its resolved value, and a setter. */
export function useTheme(): ThemeState & { setPreference: (p: ThemePreference) => void } {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  return { ...snapshot, setPreference };
}
