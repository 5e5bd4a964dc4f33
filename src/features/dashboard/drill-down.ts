/**
 * Links from a chart element to the list behind it: the deviations list (`/deviations`),
 * the red flags list (`/redflags`) and the policies list, with the dashboard's filters
 * and the element's own (a bucket's time, a series, a policy, a workload).
 *
 * The lists read: `range` or `from`/`to`, `cluster`, `ns`, `policy`, `kind`, `type`,
 * `workload`, `severity`.
 */
import { writeTimeRange, type TimeRange } from '../../components/charts/time-range.ts';
import type { DashboardFilters, SplitBy } from './dashboard-filters.ts';

export interface Drill {
  /** A chart bucket: the list covers exactly [start, end). */
  bucket?: { start: number; end: number };
  /** A stacked series of the deviations chart. */
  series?: { split: SplitBy; key: string };
  policy?: string;
  workload?: { workload: string; namespace: string; cluster: string };
}

function base(f: DashboardFilters, range: TimeRange): URLSearchParams {
  const p = writeTimeRange(new URLSearchParams(), range);
  if (f.cluster) p.set('cluster', f.cluster);
  if (f.namespace) p.set('ns', f.namespace);
  if (f.policy) p.set('policy', f.policy);
  return p;
}

const known = (key: string): boolean => key !== '' && key !== 'unknown';

export function deviationsHref(f: DashboardFilters, d: Drill = {}): string {
  const p = base(f, d.bucket ? { kind: 'custom', start: d.bucket.start, end: d.bucket.end } : f.range);
  if (d.series && known(d.series.key)) p.set(d.series.split === 'kind' ? 'kind' : 'type', d.series.key);
  if (d.policy) p.set('policy', d.policy);
  if (d.workload) {
    if (d.workload.workload) p.set('workload', d.workload.workload);
    if (d.workload.namespace) p.set('ns', d.workload.namespace);
    else p.delete('ns');
    if (d.workload.cluster) p.set('cluster', d.workload.cluster);
  }
  const q = p.toString();
  return q ? `/deviations?${q}` : '/deviations';
}

export function redFlagsHref(f: DashboardFilters, d: { bucket?: { start: number; end: number }; severity?: string } = {}): string {
  const p = base(f, d.bucket ? { kind: 'custom', start: d.bucket.start, end: d.bucket.end } : f.range);
  if (d.severity && known(d.severity)) p.set('severity', d.severity);
  const q = p.toString();
  return q ? `/redflags?${q}` : '/redflags';
}

/** The policies list, filtered (its own parameters: `type`, `status`). */
export function policiesHref(d: { type?: string; status?: string }): string {
  const p = new URLSearchParams();
  if (d.type) p.set('type', d.type);
  if (d.status) p.set('status', d.status);
  const q = p.toString();
  return q ? `/policies?${q}` : '/policies';
}
