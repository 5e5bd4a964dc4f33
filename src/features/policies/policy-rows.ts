/** Table rows for the policies list: the policy plus what the page derives for it. */
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus, selectorSummary, type PolicyStatus } from '../../engine/impact/index.ts';
import type { TimeBucket } from '../../api/types.ts';
import type { PolicyListFilters } from './policy-filters.ts';

export interface PolicyRow {
  uid: string;
  name: string;
  type: SpyderbatPolicy['metadata']['type'];
  status: PolicyStatus;
  selector: string;
  version: number;
  created: number | undefined;
  updated: number | undefined;
  /** Hourly deviation counts over the last 24 h. */
  spark: number[];
  deviations: number;
  covered: number | undefined;
  policy: SpyderbatPolicy;
}

function seconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function toRows(policies: readonly SpyderbatPolicy[], buckets: readonly TimeBucket[] | undefined, covered: readonly number[] | undefined): PolicyRow[] {
  return policies.map((policy, i) => {
    const uid = policy.metadata.uid ?? `local:${policy.metadata.name}`;
    const spark = (buckets ?? []).map((b) => b.by?.[uid] ?? 0);
    return {
      uid,
      name: policy.metadata.name,
      type: policy.metadata.type,
      status: policyStatus(policy),
      selector: selectorSummary(policy),
      version: policy.metadata.version ?? 0,
      created: seconds(policy.metadata.creationTimestamp),
      updated: seconds(policy.metadata.lastUpdatedTimestamp),
      spark,
      deviations: spark.reduce((a, b) => a + b, 0),
      covered: covered?.[i],
      policy,
    };
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function filterAndSort(rows: readonly PolicyRow[], f: PolicyListFilters): PolicyRow[] {
  const q = f.q.trim().toLowerCase();
  const out = rows.filter(
    (r) =>
      (!f.type || r.type === f.type) &&
      (!f.status || r.status === f.status) &&
      (!q || r.name.toLowerCase().includes(q) || r.uid.toLowerCase().includes(q) || r.selector.toLowerCase().includes(q)),
  );
  const key = f.sort.key as keyof PolicyRow;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const dir = f.sort.dir === 'asc' ? 1 : -1;
  out.sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' || typeof y === 'number') return ((Number(x ?? -Infinity) || 0) - (Number(y ?? -Infinity) || 0)) * dir || collator.compare(a.name, b.name);
    return collator.compare(str(x), str(y)) * dir || collator.compare(a.name, b.name);
  });
  return out;
}
