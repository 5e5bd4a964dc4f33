/**
 * From records + filters to what the page shows: facet counts (each facet counted with
 * the other filters applied), the filtered fingerprints, their groups, and sorting.
 */
import type { FacetOption } from '../../components/ui/facet-filter.tsx';
import type { SortState } from '../../components/ui/data-table.tsx';
import type { WorkloadType } from '../../engine/model/types.ts';
import type { PolicyHits } from '../../components/coverage/fingerprint-coverage.ts';
import type { FingerprintFilters } from './fingerprint-filters.ts';
import { instanceLabel, TYPE_LABEL, type FpRecord } from './fingerprint-records.ts';

/** Per fingerprint index: indices of the covering policies; undefined while unknown. */
export type CoverageLookup = ((index: number) => PolicyHits) | undefined;

export type GroupCoverage = 'full' | 'partial' | 'none' | 'unknown';

export interface GroupRow {
  key: string;
  type: WorkloadType;
  name: string;
  displayName: string;
  sortName: string;
  image: string;
  imageID: string;
  cgroup: string;
  /** The group's fingerprints that pass the filters. */
  records: FpRecord[];
  clusters: string[];
  namespaces: string[];
  first: number | undefined;
  latest: number | undefined;
  coverage: GroupCoverage;
  coveredCount: number;
  /** Covering policies, the one covering most of the group first. */
  policies: number[];
}

export interface Facets {
  cluster: FacetOption[];
  namespace: FacetOption[];
  type: FacetOption[];
  coverage: FacetOption[];
}

interface Tests {
  cluster: (r: FpRecord) => boolean;
  namespace: (r: FpRecord) => boolean;
  type: (r: FpRecord) => boolean;
  coverage: (r: FpRecord) => boolean;
  text: (r: FpRecord) => boolean;
}

function tests(f: FingerprintFilters, cov: CoverageLookup): Tests {
  const clusters = new Set(f.clusters);
  const namespaces = new Set(f.namespaces);
  const types = new Set<string>(f.types);
  const wantCovered = f.coverage.includes('covered');
  const wantUncovered = f.coverage.includes('uncovered');
  const q = f.q.trim().toLowerCase();
  return {
    cluster: clusters.size ? (r) => clusters.has(r.cluster) : () => true,
    namespace: namespaces.size ? (r) => namespaces.has(r.namespace) : () => true,
    type: types.size ? (r) => types.has(r.type) : () => true,
    coverage:
      cov && wantCovered !== wantUncovered
        ? (r) => (cov(r.index).length > 0) === wantCovered
        : () => true,
    text: q ? (r) => r.haystack.includes(q) : () => true,
  };
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function options(counts: Map<string, number>, selected: readonly string[], label?: (v: string) => string): FacetOption[] {
  for (const s of selected) if (!counts.has(s)) counts.set(s, 0);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, count, ...(label ? { label: label(value) } : {}) }));
}

/** Filtered records and facet counts in one pass. */
export function applyFilters(records: readonly FpRecord[], f: FingerprintFilters, cov: CoverageLookup): { visible: FpRecord[]; facets: Facets } {
  const t = tests(f, cov);
  const byCluster = new Map<string, number>();
  const byNamespace = new Map<string, number>();
  const byType = new Map<string, number>();
  const byCoverage = new Map<string, number>();
  const visible: FpRecord[] = [];
  for (const r of records) {
    const c = t.cluster(r);
    const n = t.namespace(r);
    const ty = t.type(r);
    const v = t.coverage(r);
    const x = t.text(r);
    if (n && ty && v && x && r.cluster) bump(byCluster, r.cluster);
    if (c && ty && v && x && r.namespace) bump(byNamespace, r.namespace);
    if (c && n && v && x) bump(byType, r.type);
    if (c && n && ty && x && cov) bump(byCoverage, cov(r.index).length > 0 ? 'covered' : 'uncovered');
    if (c && n && ty && v && x) visible.push(r);
  }
  return {
    visible,
    facets: {
      cluster: options(byCluster, f.clusters),
      namespace: options(byNamespace, f.namespaces),
      type: options(byType, f.types, (v) => TYPE_LABEL[v as WorkloadType] ?? v),
      coverage: options(byCoverage, f.coverage, (v) => (v === 'covered' ? 'Covered by a policy' : 'Not covered')),
    },
  };
}

/** Groups records by image + image id (containers) or cgroup (services). */
export function groupRecords(records: readonly FpRecord[], cov: CoverageLookup): GroupRow[] {
  const groups = new Map<string, { row: GroupRow; clusters: Set<string>; namespaces: Set<string> }>();
  for (const r of records) {
    let g = groups.get(r.groupKey);
    if (!g) {
      g = {
        row: { key: r.groupKey, type: r.type, name: r.name, displayName: r.displayName, sortName: r.sortName, image: r.image, imageID: r.imageID, cgroup: r.cgroup, records: [], clusters: [], namespaces: [], first: undefined, latest: undefined, coverage: 'unknown', coveredCount: 0, policies: [] },
        clusters: new Set(),
        namespaces: new Set(),
      };
      groups.set(r.groupKey, g);
    }
    const row = g.row;
    row.records.push(r);
    if (r.cluster) g.clusters.add(r.cluster);
    if (r.namespace) g.namespaces.add(r.namespace);
    if (r.first !== undefined) row.first = row.first === undefined ? r.first : Math.min(row.first, r.first);
    if (r.latest !== undefined) row.latest = row.latest === undefined ? r.latest : Math.max(row.latest, r.latest);
  }
  // Covering policies per group, counted in one reusable typed array (no per-hit map updates).
  let counts = new Int32Array(64);
  return [...groups.values()].map(({ row, clusters, namespaces }) => {
    row.clusters = [...clusters].sort();
    row.namespaces = [...namespaces].sort();
    if (!cov) return row;
    const touched: number[] = [];
    for (const r of row.records) {
      const hits = cov(r.index);
      if (hits.length > 0) row.coveredCount++;
      for (const h of hits) {
        if (h >= counts.length) {
          const grown = new Int32Array(Math.max(h + 1, counts.length * 2));
          grown.set(counts);
          counts = grown;
        }
        if (counts[h] === 0) touched.push(h);
        counts[h] = (counts[h] ?? 0) + 1;
      }
    }
    const c = counts;
    row.policies = touched.sort((a, b) => (c[b] ?? 0) - (c[a] ?? 0) || a - b);
    for (const h of touched) counts[h] = 0;
    row.coverage = row.coveredCount === 0 ? 'none' : row.coveredCount === row.records.length ? 'full' : 'partial';
    return row;
  });
}

interface Sortable {
  sortName: string;
}

/** Rank of each distinct string (code-unit order), so sorting compares numbers. */
function ranks(values: Iterable<string>): Map<string, number> {
  const unique = [...new Set(values)].sort();
  return new Map(unique.map((v, i) => [v, i]));
}

/**
 * Sorts by `key`, then by name, then by input position; missing keys last in both
 * directions. Keys are turned into numbers first (50,000 rows sort in tens of ms).
 */
function sortBy<T extends Sortable>(rows: readonly T[], key: (r: T) => string | number | undefined, dir: SortState['dir']): T[] {
  const n = rows.length;
  const raw = rows.map(key);
  const strRank = ranks(raw.filter((k): k is string => typeof k === 'string'));
  const nameRank = ranks(rows.map((r) => r.sortName));
  const keys = new Float64Array(n);
  const names = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = raw[i];
    keys[i] = typeof k === 'number' ? k : typeof k === 'string' ? (strRank.get(k) ?? NaN) : NaN;
    names[i] = nameRank.get((rows[i] as T).sortName) ?? 0;
  }
  const sign = dir === 'asc' ? 1 : -1;
  if (raw.every((k, i) => typeof k === 'string' && k === (rows[i] as T).sortName)) {
    // Sorting by name (the default): a bucket sort by name rank, input order within a name.
    const buckets: number[][] = Array.from({ length: nameRank.size }, () => []);
    for (let i = 0; i < n; i++) buckets[names[i] as number]?.push(i);
    if (dir === 'desc') buckets.reverse();
    return buckets.flatMap((b) => b.map((i) => rows[i] as T));
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    const ua = Number.isNaN(ka);
    const ub = Number.isNaN(kb);
    if (ua !== ub) return ua ? 1 : -1;
    if (!ua && ka !== kb) return ka < kb ? -sign : sign;
    return (names[a] as number) - (names[b] as number) || a - b;
  });
  return order.map((i) => rows[i] as T);
}

const lower = (s: string): string => s.toLowerCase();

export function sortGroups(rows: readonly GroupRow[], sort: SortState): GroupRow[] {
  const key = (g: GroupRow): string | number | undefined => {
    switch (sort.key) {
      case 'type':
        return g.type;
      case 'instances':
        return g.records.length;
      case 'clusters':
        return g.clusters.length;
      case 'namespaces':
        return g.namespaces.length;
      case 'first':
        return g.first;
      case 'latest':
        return g.latest;
      case 'coverage':
        return g.coverage === 'unknown' ? undefined : g.coveredCount / Math.max(1, g.records.length);
      default:
        return g.sortName;
    }
  };
  return sortBy(rows, key, sort.dir);
}

export function sortRecords(rows: readonly FpRecord[], sort: SortState, cov: CoverageLookup): FpRecord[] {
  const key = (r: FpRecord): string | number | undefined => {
    switch (sort.key) {
      case 'type':
        return r.type;
      case 'cluster':
        return lower(r.cluster);
      case 'namespace':
        return lower(r.namespace);
      case 'instance':
        return lower(instanceLabel(r));
      case 'first':
        return r.first;
      case 'latest':
        return r.latest;
      case 'coverage':
        return cov ? cov(r.index).length : undefined;
      default:
        return r.sortName;
    }
  };
  return sortBy(rows, key, sort.dir);
}
