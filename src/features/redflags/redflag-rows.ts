/** Client-side filter (text) and sort of loaded red flags. */
import type { RedFlag } from '../../api/types.ts';
import type { Severity } from '../../engine/model/types.ts';
import type { SortState } from '../../components/ui/data-table.tsx';

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export function filterFlags(flags: readonly RedFlag[], q: string): RedFlag[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...flags];
  return flags.filter((f) => `${f.shortName} ${f.description} ${f.policyName ?? ''} ${f.clusterName ?? ''} ${f.namespace ?? ''} ${f.ref} ${f.flagClass.join(' ')}`.toLowerCase().includes(needle));
}

export function sortFlags(flags: readonly RedFlag[], sort: SortState): RedFlag[] {
  const value = (f: RedFlag): string | number => {
    switch (sort.key) {
      case 'severity':
        return RANK[f.severity];
      case 'name':
        return f.shortName.toLowerCase();
      case 'cluster':
        return f.clusterName ?? '';
      case 'namespace':
        return f.namespace ?? '';
      case 'policy':
        return (f.policyName ?? '').toLowerCase();
      default:
        return f.time;
    }
  };
  const dir = sort.dir === 'asc' ? 1 : -1;
  return [...flags].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * dir || b.time - a.time || a.id.localeCompare(b.id);
  });
}
