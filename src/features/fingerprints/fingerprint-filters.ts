/** The fingerprints page's view state, kept in the URL so a filtered view is a shareable link. */
import type { WorkloadType } from '../../engine/model/types.ts';
import type { SortState } from '../../components/ui/data-table.tsx';

export type CoverageFacet = 'covered' | 'uncovered';
export type GroupMode = 'image' | 'none';

export interface FingerprintFilters {
  clusters: string[];
  namespaces: string[];
  types: WorkloadType[];
  coverage: CoverageFacet[];
  /** Text search over image, image id and cgroup. */
  q: string;
  /** `image`: one row per image + image id (or service cgroup); `none`: one row per fingerprint. */
  group: GroupMode;
  sort: SortState;
}

export const GROUP_SORT_KEYS = ['name', 'type', 'instances', 'clusters', 'namespaces', 'first', 'latest', 'coverage'] as const;
export const FLAT_SORT_KEYS = ['name', 'type', 'cluster', 'namespace', 'instance', 'first', 'latest', 'coverage'] as const;
const TYPES: readonly WorkloadType[] = ['container', 'linux-service'];
const COVERAGE: readonly CoverageFacet[] = ['covered', 'uncovered'];

export const DEFAULT_FILTERS: FingerprintFilters = { clusters: [], namespaces: [], types: [], coverage: [], q: '', group: 'image', sort: { key: 'name', dir: 'asc' } };

const uniqueSorted = (xs: readonly string[]): string[] => [...new Set(xs.filter((x) => x !== ''))].sort();

export function readFilters(params: URLSearchParams): FingerprintFilters {
  const group: GroupMode = params.get('group') === 'none' ? 'none' : 'image';
  const keys: readonly string[] = group === 'none' ? FLAT_SORT_KEYS : GROUP_SORT_KEYS;
  const sortKey = params.get('sort') ?? 'name';
  return {
    clusters: uniqueSorted(params.getAll('cluster')),
    namespaces: uniqueSorted(params.getAll('ns')),
    types: uniqueSorted(params.getAll('type')).filter((t): t is WorkloadType => (TYPES as readonly string[]).includes(t)),
    coverage: uniqueSorted(params.getAll('cov')).filter((c): c is CoverageFacet => (COVERAGE as readonly string[]).includes(c)),
    q: params.get('q') ?? '',
    group,
    sort: { key: keys.includes(sortKey) ? sortKey : 'name', dir: params.get('dir') === 'desc' ? 'desc' : 'asc' },
  };
}

/** Canonical form: sorted, de-duplicated values, defaults left out. */
export function writeFilters(f: FingerprintFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const c of uniqueSorted(f.clusters)) p.append('cluster', c);
  for (const n of uniqueSorted(f.namespaces)) p.append('ns', n);
  for (const t of uniqueSorted(f.types)) p.append('type', t);
  for (const c of uniqueSorted(f.coverage)) p.append('cov', c);
  if (f.q) p.set('q', f.q);
  if (f.group === 'none') p.set('group', 'none');
  if (f.sort.key !== 'name') p.set('sort', f.sort.key);
  if (f.sort.dir === 'desc') p.set('dir', 'desc');
  return p;
}

export function hasActiveFilters(f: FingerprintFilters): boolean {
  return f.clusters.length + f.namespaces.length + f.types.length + f.coverage.length > 0 || f.q.trim() !== '';
}

export function clearFilters(f: FingerprintFilters): FingerprintFilters {
  return { ...f, clusters: [], namespaces: [], types: [], coverage: [], q: '' };
}

/** The hand-off to the policy authoring flow: `/policies/new?fingerprints=<id>,<id>`. */
export function buildPolicyHref(ids: readonly string[]): string {
  return `/policies/new?fingerprints=${ids.map(encodeURIComponent).join(',')}`;
}

/** Most fingerprints one "Build policy" link carries (keeps the URL under common 16 KB header limits). */
export const MAX_BUILD_FINGERPRINTS = 400;
