import { useMemo } from 'react';
import { ClusterNamespaceSelects } from '../../components/filters/cluster-namespace-selects.tsx';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { TimeRangePicker } from '../../components/charts/time-range-picker.tsx';
import { activeFilterCount, KINDS, type DeviationListFilters } from './deviation-filters.ts';

const cap = (s: string): string => `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;

/** Policy choices grouped by type, sorted by name (a policy named in the URL but not listed stays selectable). */
export function PolicyOptions({ policies, selected }: { policies: readonly SpyderbatPolicy[]; selected: string }) {
  const groups = useMemo(() => {
    const m = new Map<string, SpyderbatPolicy[]>();
    for (const p of [...policies].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
      const list = m.get(p.metadata.type);
      if (list) list.push(p);
      else m.set(p.metadata.type, [p]);
    }
    return m;
  }, [policies]);
  return (
    <>
      <option value="">All policies</option>
      {selected && !policies.some((p) => p.metadata.uid === selected) && <option value={selected}>{selected}</option>}
      {[...groups].map(([type, list]) => (
        <optgroup key={type} label={type}>
          {list.map((p) => (
            <option key={p.metadata.uid} value={p.metadata.uid}>
              {p.metadata.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function ListToolbar({
  filters: f,
  onChange,
  policies,
  now,
}: {
  filters: DeviationListFilters;
  onChange: (f: DeviationListFilters) => void;
  policies: readonly SpyderbatPolicy[];
  now: number;
}) {
  return (
    <div className="list-filters" role="search" aria-label="Deviation filters">
      <div className="toolbar">
        <TimeRangePicker value={f.range} onChange={(range) => onChange({ ...f, range })} now={now} />
        <input className="input" type="search" aria-label="Search deviations" placeholder="Search description, policy, workload" value={f.q} onChange={(e) => onChange({ ...f, q: e.target.value })} />
      </div>
      <div className="toolbar">
        <select className="input" aria-label="Policy" value={f.policy} onChange={(e) => onChange({ ...f, policy: e.target.value })}>
          <PolicyOptions policies={policies} selected={f.policy} />
        </select>
        <ClusterNamespaceSelects value={{ cluster: f.cluster, namespace: f.namespace }} onChange={(cn) => onChange({ ...f, ...cn })} />
        <select className="input" aria-label="Kind" value={f.kind} onChange={(e) => onChange({ ...f, kind: e.target.value as DeviationListFilters['kind'] })}>
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'image' ? 'Image (cluster rules)' : cap(k)}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Policy type" value={f.type} onChange={(e) => onChange({ ...f, type: e.target.value as DeviationListFilters['type'] })}>
          <option value="">All policy types</option>
          <option value="container">Container</option>
          <option value="linux-service">Linux service</option>
          <option value="cluster">Cluster</option>
        </select>
        <select className="input" aria-label="Severity" value={f.severity} onChange={(e) => onChange({ ...f, severity: e.target.value as DeviationListFilters['severity'] })}>
          <option value="">All severities</option>
          {(['critical', 'high', 'medium', 'low', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {cap(s)}
            </option>
          ))}
        </select>
        {f.workload && (
          <button type="button" className="chip" onClick={() => onChange({ ...f, workload: '' })} aria-label={`Workload ${f.workload}: remove filter`}>
            workload: {f.workload} ✕
          </button>
        )}
        {activeFilterCount(f) > 0 && (
          <button type="button" className="btn btn-ghost" onClick={() => onChange({ ...f, cluster: '', namespace: '', policy: '', kind: '', type: '', severity: '', workload: '', q: '' })}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
