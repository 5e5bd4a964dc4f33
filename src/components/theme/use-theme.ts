import { useCallback, useEffect, useState } from 'react';
import {
  readThemePreference,
  resolveTheme,
  writeThemePreference,
  type ResolvedTheme,
  type ThemePreference,
} from './theme-store.ts';

/** The theme preference, its resolved value, and a setter; follows system changes live. */
export function useTheme(): { preference: ThemePreference; theme: ResolvedTheme; setPreference: (p: ThemePreference) => void } {
  const [preference, setPref] = useState<ThemePreference>(readThemePreference);
  const [theme, setTheme] = useState<ResolvedTheme>(() => resolveTheme(preference));

  useEffect(() => {
    const apply = (): void => {
      const next = resolveTheme(preference);
      document.documentElement.dataset.theme = next;
      setTheme(next);
    };
    apply();
    if (preference !== 'system' || typeof matchMedia !== 'function') return undefined;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [preference]);

  const setPreference = useCallback((p: ThemePreference) => {
    writeThemePreference(p);
    setPref(p);
  }, []);

  return { preference, theme, setPreference };
}
