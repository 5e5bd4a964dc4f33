/**
 * The series every chart agrees on: one colour per severity, policy status, deviation
 * kind and policy type, taken from the design tokens (src/styles/global.css), so a
 * "high" is the same orange in a chart, a badge and a legend, in light and dark.
 */
export interface SeriesDef {
  key: string;
  label: string;
  /** CSS custom property (without `--`) holding the colour. */
  token: string;
}

export const SEVERITY_SERIES: readonly SeriesDef[] = [
  { key: 'critical', label: 'Critical', token: 'sev-critical' },
  { key: 'high', label: 'High', token: 'sev-high' },
  { key: 'medium', label: 'Medium', token: 'sev-medium' },
  { key: 'low', label: 'Low', token: 'sev-low' },
  { key: 'info', label: 'Info', token: 'sev-info' },
];

export const STATUS_SERIES: readonly SeriesDef[] = [
  { key: 'Enforcing', label: 'Enforcing', token: 'chart-enforcing' },
  { key: 'Auditing', label: 'Auditing', token: 'chart-auditing' },
  { key: 'Disabled', label: 'Disabled', token: 'chart-disabled' },
];

export const KIND_SERIES: readonly SeriesDef[] = [
  { key: 'process', label: 'Process', token: 'chart-process' },
  { key: 'ingress', label: 'Ingress', token: 'chart-ingress' },
  { key: 'egress', label: 'Egress', token: 'chart-egress' },
  { key: 'image', label: 'Image (cluster rules)', token: 'chart-image' },
];

export const POLICY_TYPE_SERIES: readonly SeriesDef[] = [
  { key: 'container', label: 'Container', token: 'chart-container' },
  { key: 'linux-service', label: 'Linux service', token: 'chart-service' },
  { key: 'cluster', label: 'Cluster', token: 'chart-cluster' },
];

/** A single-series chart (e.g. top lists). */
export const COUNT_SERIES: readonly SeriesDef[] = [{ key: 'count', label: 'Deviations', token: 'chart-primary' }];

const OTHER_TOKEN = 'chart-other';

/**
 * The known series, plus one per key the data has that they do not name (a server may
 * answer `unknown` or a new kind), so nothing is counted without being drawn.
 */
export function seriesWithExtras(known: readonly SeriesDef[], keysInData: Iterable<string>): SeriesDef[] {
  const out = [...known];
  const names = new Set(known.map((s) => s.key));
  for (const k of keysInData) {
    if (names.has(k)) continue;
    names.add(k);
    out.push({ key: k, label: k === '' || k === 'unknown' ? 'Unknown' : k, token: OTHER_TOKEN });
  }
  return out;
}
