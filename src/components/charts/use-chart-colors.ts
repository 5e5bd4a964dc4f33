import { useMemo } from 'react';
import { useTheme } from '../theme/use-theme.ts';

/** Colours of the chart frame (axes, grid, text), resolved for the current theme. */
export interface ChartChrome {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  cursor: string;
}

function read(style: CSSStyleDeclaration | null, token: string, fallback: string): string {
  const v = style?.getPropertyValue(`--${token}`).trim();
  return v ? v : fallback;
}

/**
 * Resolves design tokens to colours for SVG attributes (Recharts passes colours to
 * attributes and to its own tooltip/legend), re-read whenever the theme changes.
 */
export function useChartColors(tokens: readonly string[]): { colors: Record<string, string>; chrome: ChartChrome; theme: string } {
  const { theme } = useTheme();
  const key = tokens.join('|');
  return useMemo(() => {
    const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
    const colors: Record<string, string> = {};
    for (const t of key.split('|')) if (t) colors[t] = read(style, t, '#888888');
    const chrome: ChartChrome = {
      text: read(style, 'text', '#17202b'),
      muted: read(style, 'muted', '#556070'),
      grid: read(style, 'border', '#d8dee6'),
      surface: read(style, 'surface', '#ffffff'),
      cursor: read(style, 'chart-cursor', 'rgba(31, 95, 191, 0.08)'),
    };
    // The tokens' values change with the theme, so it is part of the answer.
    return { colors, chrome, theme };
  }, [key, theme]);
}
