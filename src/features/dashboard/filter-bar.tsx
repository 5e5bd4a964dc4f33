import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clusterListQuery, namespaceListQuery } from '../../api/clusters.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { TimeRangePicker } from '../../components/charts/time-range-picker.tsx';
import { hasFilters, type DashboardFilters } from './dashboard-filters.ts';

const TYPE_LABEL: Record<string, string> = { container: 'Container policies', 'linux-service': 'Linux service policies', cluster: 'Cluster policies' };

/** Time range, cluster, namespace and policy: every change goes to the URL. */
export function FilterBar({ filters, onChange, policies, now }: { filters: DashboardFilters; onChange: (f: DashboardFilters) => void; policies: readonly SpyderbatPolicy[]; now: number }) {
  const client = useApiClient();
  const clusters = useQuery(clusterListQuery(client));
  const clusterUid = clusters.data?.find((c) => c.name === filters.cluster)?.uid;
  // Every namespace of a large org is a big list: load it for a chosen cluster, or when the user opens the list.
  const [wantAll, setWantAll] = useState(false);
  const namespaces = useQuery({ ...namespaceListQuery(client, clusterUid), enabled: clusterUid !== undefined || wantAll });
  const nsNames = [...new Set((namespaces.data ?? []).filter((n) => !filters.cluster || n.clusterName === filters.cluster).map((n) => n.name))].sort();
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
      <select className="input" aria-label="Cluster" value={filters.cluster} onChange={(e) => onChange({ ...filters, cluster: e.target.value, namespace: '' })}>
        <option value="">All clusters</option>
        {filters.cluster && !clusters.data?.some((c) => c.name === filters.cluster) && <option value={filters.cluster}>{filters.cluster}</option>}
        {(clusters.data ?? []).map((c) => (
          <option key={c.uid} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Namespace"
        value={filters.namespace}
        onFocus={() => setWantAll(true)}
        onPointerDown={() => setWantAll(true)}
        onChange={(e) => onChange({ ...filters, namespace: e.target.value })}
      >
        <option value="">All namespaces</option>
        {filters.namespace && !nsNames.includes(filters.namespace) && <option value={filters.namespace}>{filters.namespace}</option>}
        {nsNames.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
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
