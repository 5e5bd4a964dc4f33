/** The policies list's filters and sort, kept in the URL so a view is a shareable link. */
import type { PolicyType } from '../../engine/model/types.ts';
import type { PolicyStatus } from '../../engine/impact/index.ts';
import type { SortState } from '../../components/ui/data-table.tsx';

export interface PolicyListFilters {
  q: string;
  type: PolicyType | '';
  status: PolicyStatus | '';
  sort: SortState;
}

const TYPES: readonly string[] = ['container', 'linux-service', 'cluster'];
const STATUSES: readonly string[] = ['Auditing', 'Enforcing', 'Disabled'];
export const SORT_KEYS = ['name', 'type', 'status', 'selector', 'version', 'created', 'updated', 'deviations', 'covered'] as const;

export function readFilters(params: URLSearchParams): PolicyListFilters {
  const type = params.get('type') ?? '';
  const status = params.get('status') ?? '';
  const sortKey = params.get('sort') ?? 'name';
  return {
    q: params.get('q') ?? '',
    type: TYPES.includes(type) ? (type as PolicyType) : '',
    status: STATUSES.includes(status) ? (status as PolicyStatus) : '',
    sort: { key: (SORT_KEYS as readonly string[]).includes(sortKey) ? sortKey : 'name', dir: params.get('dir') === 'desc' ? 'desc' : 'asc' },
  };
}

export function writeFilters(f: PolicyListFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.type) p.set('type', f.type);
  if (f.status) p.set('status', f.status);
  if (f.sort.key !== 'name') p.set('sort', f.sort.key);
  if (f.sort.dir === 'desc') p.set('dir', 'desc');
  return p;
}
