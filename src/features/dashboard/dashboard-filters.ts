/**
 * The dashboard's state in the URL, so a view is a link: the time range (see
 * components/charts/time-range.ts), cluster, namespace and policy filters, and how the
 * deviations chart is split.
 */
import { readTimeRange, writeTimeRange, type TimeRange } from '../../components/charts/time-range.ts';

export type SplitBy = 'type' | 'kind';

export interface DashboardFilters {
  range: TimeRange;
  /** Cluster name ('' = all). */
  cluster: string;
  namespace: string;
  /** Policy uid. */
  policy: string;
  split: SplitBy;
}

/** The search field each split groups by (mock extensions; a server without them answers "unknown"). */
export const SPLIT_FIELD: Record<SplitBy, string> = { type: 'policy_type', kind: 'deviation_kind' };

export function readDashboardFilters(params: URLSearchParams): DashboardFilters {
  return {
    range: readTimeRange(params),
    cluster: params.get('cluster') ?? '',
    namespace: params.get('ns') ?? '',
    policy: params.get('policy') ?? '',
    split: params.get('split') === 'kind' ? 'kind' : 'type',
  };
}

export function writeDashboardFilters(f: DashboardFilters): URLSearchParams {
  const p = writeTimeRange(new URLSearchParams(), f.range);
  if (f.cluster) p.set('cluster', f.cluster);
  if (f.namespace) p.set('ns', f.namespace);
  if (f.policy) p.set('policy', f.policy);
  if (f.split !== 'type') p.set('split', f.split);
  return p;
}

/** The filters as aggregate-request fields. */
export function aggregateFilters(f: DashboardFilters): { clusterName?: string; namespace?: string; policyUid?: string } {
  return { ...(f.cluster ? { clusterName: f.cluster } : {}), ...(f.namespace ? { namespace: f.namespace } : {}), ...(f.policy ? { policyUid: f.policy } : {}) };
}

export function hasFilters(f: DashboardFilters): boolean {
  return f.cluster !== '' || f.namespace !== '' || f.policy !== '';
}
