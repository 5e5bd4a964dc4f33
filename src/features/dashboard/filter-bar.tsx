import { useMemo } from 'react';
import { ClusterNamespaceSelects } from '../../components/filters/cluster-namespace-selects.tsx';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { TimeRangePicker } from '../../components/charts/time-range-picker.tsx';
import { hasFilters, type DashboardFilters } from './dashboard-filters.ts';

const TYPE_LABEL: Record<string, string> = { container: 'Container policies', 'linux-service': 'Linux service policies', cluster: 'Cluster policies' };

/** Time range, cluster, namespace and policy: every change goes to the URL. */
export function FilterBar({ filters, onChange, policies, now }: { filters: DashboardFilters; onChange: (f: DashboardFilters) => void; policies: readonly SpyderbatPolicy[]; now: number }) {
  const byType = useMemo(() => {
    const m = new Map<string, SpyderbatPolicy[]>();
    for (const p of [...policies].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
      const list = m.get(p.metadata.type);
      if (list) list.push(p);
      else m.set(p.metadata.type, [p]);
    }
    return m;
  }, [policies]);
  return (
    <div className="toolbar dash-filters" role="search" aria-label="Dashboard filters">
      <TimeRangePicker value={filters.range} onChange={(range) => onChange({ ...filters, range })} now={now} />
      <ClusterNamespaceSelects value={{ cluster: filters.cluster, namespace: filters.namespace }} onChange={(cn) => onChange({ ...filters, ...cn })} />
      <select className="input policy-select" aria-label="Policy" value={filters.policy} onChange={(e) => onChange({ ...filters, policy: e.target.value })}>
        <option value="">All policies</option>
        {filters.policy && !policies.some((p) => p.metadata.uid === filters.policy) && <option value={filters.policy}>{filters.policy}</option>}
        {[...byType].map(([type, list]) => (
          <optgroup key={type} label={TYPE_LABEL[type] ?? type}>
            {list.map((p) => (
              <option key={p.metadata.uid} value={p.metadata.uid}>
                {p.metadata.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {hasFilters(filters) && (
        <button type="button" className="btn btn-ghost" onClick={() => onChange({ ...filters, cluster: '', namespace: '', policy: '' })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
