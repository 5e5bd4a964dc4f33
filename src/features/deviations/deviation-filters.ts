/**
 * The deviations page's state in the URL (links from the dashboard land here):
 * `range` or `from`/`to`, `cluster`, `ns`, `policy`, `kind`, `type`, `severity`,
 * `workload`, `q`, `view`, `sort`/`dir`; the audit-log tab: `tab=audit`, `akind`.
 */
import type { PolicyType, Severity } from '../../engine/model/types.ts';
import type { SortState } from '../../components/ui/data-table.tsx';
import { readTimeRange, writeTimeRange, type TimeRange } from '../../components/charts/time-range.ts';

export type DeviationKind = 'process' | 'ingress' | 'egress' | 'image';
export type AuditKindFilter = '' | 'guardian_deviation' | 'guardian_action' | 'policy_change';

export interface DeviationListFilters {
  range: TimeRange;
  cluster: string;
  namespace: string;
  policy: string;
  kind: DeviationKind | '';
  type: PolicyType | '';
  severity: Severity | '';
  workload: string;
  /** Free text over description, policy, workload. */
  q: string;
  /** One row per deviation (checksum) or per occurrence. */
  view: 'unique' | 'all';
  sort: SortState;
  tab: 'list' | 'audit';
  auditKind: AuditKindFilter;
}

export const KINDS: readonly DeviationKind[] = ['process', 'ingress', 'egress', 'image'];
const TYPES: readonly string[] = ['container', 'linux-service', 'cluster'];
const SEVERITIES: readonly string[] = ['critical', 'high', 'medium', 'low', 'info'];
const AUDIT_KINDS: readonly string[] = ['guardian_deviation', 'guardian_action', 'policy_change'];
export const SORT_KEYS = ['time', 'policy', 'workload', 'cluster', 'namespace', 'kind', 'severity', 'count'] as const;
const DEFAULT_SORT: SortState = { key: 'time', dir: 'desc' };

const pick = <T extends string>(v: string | null, allowed: readonly string[]): T | '' => (v !== null && allowed.includes(v) ? (v as T) : '');

export function readDeviationFilters(p: URLSearchParams): DeviationListFilters {
  const sortKey = p.get('sort') ?? DEFAULT_SORT.key;
  const valid = (SORT_KEYS as readonly string[]).includes(sortKey);
  return {
    range: readTimeRange(p),
    cluster: p.get('cluster') ?? '',
    namespace: p.get('ns') ?? '',
    policy: p.get('policy') ?? '',
    kind: pick<DeviationKind>(p.get('kind'), KINDS),
    type: pick<PolicyType>(p.get('type'), TYPES),
    severity: pick<Severity>(p.get('severity'), SEVERITIES),
    workload: p.get('workload') ?? '',
    q: p.get('q') ?? '',
    view: p.get('view') === 'all' ? 'all' : 'unique',
    sort: valid ? { key: sortKey, dir: p.get('dir') === 'asc' ? 'asc' : p.get('dir') === 'desc' ? 'desc' : sortKey === 'time' || sortKey === 'count' ? 'desc' : 'asc' } : DEFAULT_SORT,
    tab: p.get('tab') === 'audit' ? 'audit' : 'list',
    auditKind: pick<Exclude<AuditKindFilter, ''>>(p.get('akind'), AUDIT_KINDS),
  };
}

export function writeDeviationFilters(f: DeviationListFilters): URLSearchParams {
  const p = writeTimeRange(new URLSearchParams(), f.range);
  const set = (k: string, v: string): void => {
    if (v) p.set(k, v);
  };
  set('cluster', f.cluster);
  set('ns', f.namespace);
  set('policy', f.policy);
  set('kind', f.kind);
  set('type', f.type);
  set('severity', f.severity);
  set('workload', f.workload);
  set('q', f.q);
  if (f.view === 'all') p.set('view', 'all');
  if (f.sort.key !== DEFAULT_SORT.key || f.sort.dir !== DEFAULT_SORT.dir) {
    p.set('sort', f.sort.key);
    p.set('dir', f.sort.dir);
  }
  if (f.tab === 'audit') p.set('tab', 'audit');
  set('akind', f.auditKind);
  return p;
}

/** Filters the server applies (the rest — severity, text — apply to the loaded rows). */
export function serverFilters(f: DeviationListFilters): { policyUid?: string; clusterName?: string; namespace?: string; where: Record<string, string> } {
  const where: Record<string, string> = {};
  if (f.kind) where.deviation_kind = f.kind;
  if (f.type) where.policy_type = f.type;
  if (f.workload) where.workload = f.workload;
  return { ...(f.policy ? { policyUid: f.policy } : {}), ...(f.cluster ? { clusterName: f.cluster } : {}), ...(f.namespace ? { namespace: f.namespace } : {}), where };
}

export function activeFilterCount(f: DeviationListFilters): number {
  return [f.cluster, f.namespace, f.policy, f.kind, f.type, f.severity, f.workload, f.q].filter((v) => v !== '').length;
}
