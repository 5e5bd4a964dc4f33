import { FacetFilter } from '../../components/ui/facet-filter.tsx';
import { useUrlDraft } from '../../components/ui/use-url-draft.ts';
import type { FingerprintFilters } from './fingerprint-filters.ts';
import type { Facets } from './fingerprint-view.ts';

const FACET_LABEL = { clusters: 'Cluster', namespaces: 'Namespace', types: 'Type', coverage: 'Coverage' } as const;
type FacetKey = keyof typeof FACET_LABEL;

export interface ToolbarProps {
  filters: FingerprintFilters;
  facets: Facets | undefined;
  coverageKnown: boolean;
  onChange: (next: FingerprintFilters) => void;
}

/** Search, facets and the grouping switch; the active filters as removable chips. */
export function FingerprintToolbar({ filters, facets, coverageKnown, onChange }: ToolbarProps) {
  const [q, setQ] = useUrlDraft(filters.q, (v) => onChange({ ...filters, q: v }));
  const set = <K extends FacetKey>(key: K, values: string[]): void => onChange({ ...filters, [key]: values });
  const chips = (Object.keys(FACET_LABEL) as FacetKey[]).flatMap((key) => (filters[key] as string[]).map((value) => ({ key, value })));
  const labelOf = (key: FacetKey, value: string): string => {
    const list = key === 'clusters' ? facets?.cluster : key === 'namespaces' ? facets?.namespace : key === 'types' ? facets?.type : facets?.coverage;
    return list?.find((o) => o.value === value)?.label ?? value;
  };
  return (
    <>
      <div className="toolbar" role="search" aria-label="Filter fingerprints">
        <input
          className="input fp-search"
          type="search"
          placeholder="Filter by image or service  ( / )"
          aria-label="Filter by image or service"
          data-search
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <FacetFilter label="Cluster" options={facets?.cluster ?? []} selected={filters.clusters} onChange={(v) => set('clusters', v)} />
        <FacetFilter label="Namespace" options={facets?.namespace ?? []} selected={filters.namespaces} onChange={(v) => set('namespaces', v)} searchable />
        <FacetFilter label="Type" options={facets?.type ?? []} selected={filters.types} onChange={(v) => set('types', v)} searchable={false} />
        <FacetFilter
          label="Coverage"
          options={coverageKnown ? (facets?.coverage ?? []) : [{ value: 'covered', label: 'Covered by a policy' }, { value: 'uncovered', label: 'Not covered' }]}
          selected={filters.coverage}
          onChange={(v) => set('coverage', v)}
          searchable={false}
          {...(coverageKnown ? {} : { note: 'Coverage is still being computed; counts follow.' })}
        />
        <div className="segmented" role="group" aria-label="Rows">
          <button type="button" className={filters.group === 'image' ? 'seg on' : 'seg'} aria-pressed={filters.group === 'image'} onClick={() => onChange({ ...filters, group: 'image', sort: { key: 'name', dir: 'asc' } })}>
            Grouped
          </button>
          <button type="button" className={filters.group === 'none' ? 'seg on' : 'seg'} aria-pressed={filters.group === 'none'} onClick={() => onChange({ ...filters, group: 'none', sort: { key: 'name', dir: 'asc' } })}>
            All fingerprints
          </button>
        </div>
      </div>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {chips.map((c) => (
            <li key={`${c.key}:${c.value}`}>
              <button
                type="button"
                className="chip"
                aria-label={`Remove filter ${FACET_LABEL[c.key]}: ${labelOf(c.key, c.value)}`}
                onClick={() => set(c.key, (filters[c.key] as string[]).filter((v) => v !== c.value))}
              >
                <span className="muted">{FACET_LABEL[c.key]}:</span> {labelOf(c.key, c.value)} <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="btn btn-ghost" onClick={() => onChange({ ...filters, clusters: [], namespaces: [], types: [], coverage: [] })}>
              Clear all
            </button>
          </li>
        </ul>
      )}
    </>
  );
}
