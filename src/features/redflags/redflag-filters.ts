/** The red flags page's state in the URL: `range` or `from`/`to`, `severity`, `policy`, `cluster`, `ns`, `q`, `sort`/`dir`. */
import type { Severity } from '../../engine/model/types.ts';
import type { SortState } from '../../components/ui/data-table.tsx';
import { readTimeRange, writeTimeRange, type TimeRange } from '../../components/charts/time-range.ts';

export interface RedFlagListFilters {
  range: TimeRange;
  severity: Severity | '';
  policy: string;
  cluster: string;
  namespace: string;
  q: string;
  sort: SortState;
}

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const SORT_KEYS = ['time', 'severity', 'name', 'cluster', 'namespace', 'policy'] as const;
const DEFAULT_SORT: SortState = { key: 'time', dir: 'desc' };

export function readRedFlagFilters(p: URLSearchParams): RedFlagListFilters {
  const sev = p.get('severity') ?? '';
  const key = p.get('sort') ?? DEFAULT_SORT.key;
  const valid = (SORT_KEYS as readonly string[]).includes(key);
  return {
    range: readTimeRange(p),
    severity: (SEVERITIES as readonly string[]).includes(sev) ? (sev as Severity) : '',
    policy: p.get('policy') ?? '',
    cluster: p.get('cluster') ?? '',
    namespace: p.get('ns') ?? '',
    q: p.get('q') ?? '',
    sort: valid ? { key, dir: p.get('dir') === 'asc' ? 'asc' : p.get('dir') === 'desc' ? 'desc' : key === 'time' ? 'desc' : 'asc' } : DEFAULT_SORT,
  };
}

export function writeRedFlagFilters(f: RedFlagListFilters): URLSearchParams {
  const p = writeTimeRange(new URLSearchParams(), f.range);
  if (f.severity) p.set('severity', f.severity);
  if (f.policy) p.set('policy', f.policy);
  if (f.cluster) p.set('cluster', f.cluster);
  if (f.namespace) p.set('ns', f.namespace);
  if (f.q) p.set('q', f.q);
  if (f.sort.key !== DEFAULT_SORT.key || f.sort.dir !== DEFAULT_SORT.dir) {
    p.set('sort', f.sort.key);
    p.set('dir', f.sort.dir);
  }
  return p;
}

export function hasFilters(f: RedFlagListFilters): boolean {
  return [f.severity, f.policy, f.cluster, f.namespace, f.q].some((v) => v !== '');
}
