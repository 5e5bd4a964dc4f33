/**
 * Rows of the deviations table: one per occurrence, or one per deviation (policy +
 * checksum) with its count and first/last time; then the client-side filters (severity,
 * text) and the sort.
 */
import { uniqueDeviations } from '../../api/deviations.ts';
import type { DeviationRecord } from '../../api/types.ts';
import type { Severity, SpyderbatPolicy } from '../../engine/model/types.ts';
import type { SortState } from '../../components/ui/data-table.tsx';
import { kindOf, policySeverity, workloadOf, type Kind } from './evidence.ts';

export interface DeviationRow {
  id: string;
  record: DeviationRecord;
  count: number;
  firstTime: number;
  lastTime: number;
  kind: Kind;
  workload: string;
  severity: Severity | null;
  policy: SpyderbatPolicy | undefined;
}

/** `exactCounts` (policy uid|checksum → occurrences in the window) replace the counts of the loaded records. */
export function toRows(records: readonly DeviationRecord[], view: 'unique' | 'all', policies: ReadonlyMap<string, SpyderbatPolicy>, exactCounts?: ReadonlyMap<string, number>): DeviationRow[] {
  const base = view === 'unique' ? uniqueDeviations(records) : records.map((r) => ({ ...r, count: 1, firstTime: r.time, lastTime: r.time }));
  return base.map((r) => {
    const policy = policies.get(r.policyUid);
    const key = `${r.policyUid}|${r.checksum || r.id}`;
    return {
      id: view === 'unique' ? key : r.id,
      record: r,
      count: view === 'unique' ? Math.max(r.count, exactCounts?.get(key) ?? 0) : 1,
      firstTime: r.firstTime,
      lastTime: r.lastTime,
      kind: kindOf(r.deviation),
      workload: workloadOf(r.description),
      severity: policySeverity(policy),
      policy,
    };
  });
}

const SEV_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export function filterRows(rows: readonly DeviationRow[], f: { severity: Severity | ''; q: string }): DeviationRow[] {
  const q = f.q.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.severity && r.severity !== f.severity) return false;
    if (!q) return true;
    const hay = `${r.record.description} ${r.record.policyName} ${r.workload} ${r.record.clusterName ?? ''} ${r.record.namespace ?? ''} ${r.record.checksum}`.toLowerCase();
    return hay.includes(q);
  });
}

const policyName = (r: DeviationRow): string => r.policy?.metadata.name ?? r.record.policyName;

export function sortRows(rows: readonly DeviationRow[], sort: SortState): DeviationRow[] {
  const value = (r: DeviationRow): string | number => {
    switch (sort.key) {
      case 'policy':
        return policyName(r).toLowerCase();
      case 'workload':
        return r.workload.toLowerCase();
      case 'cluster':
        return r.record.clusterName ?? '';
      case 'namespace':
        return r.record.namespace ?? '';
      case 'kind':
        return r.kind;
      case 'severity':
        return r.severity ? SEV_RANK[r.severity] : 9;
      case 'count':
        return r.count;
      default:
        return r.lastTime;
    }
  };
  const dir = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * dir || b.lastTime - a.lastTime || a.id.localeCompare(b.id);
  });
}
