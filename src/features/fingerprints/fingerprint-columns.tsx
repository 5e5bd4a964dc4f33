import { Link } from 'react-router';
import type { Column } from '../../components/ui/data-table.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { CoverageCell } from './coverage-cell.tsx';
import { instanceLabel, SHORT_TYPE_LABEL, shortDigest, splitImage, type FpRecord } from './fingerprint-records.ts';
import type { CoverageLookup, GroupRow } from './fingerprint-view.ts';

/** The image's repository first (the part that tells images apart), registry and digest below. */
function nameParts(type: FpRecord['type'], name: string, imageID: string, cgroup: string): { main: string; sub: string } {
  if (type !== 'container') return { main: name, sub: cgroup };
  const { registry, repo } = splitImage(name);
  return { main: repo, sub: [registry, shortDigest(imageID)].filter(Boolean).join(' · ') };
}

function listCell(values: readonly string[]) {
  if (values.length === 0) return <span className="muted">—</span>;
  const [first, ...rest] = values;
  return (
    <span title={values.join(', ')}>
      {first}
      {rest.length > 0 && <span className="muted"> +{rest.length}</span>}
    </span>
  );
}

export function groupColumns(policies: readonly SpyderbatPolicy[] | undefined, open: (g: GroupRow) => void): Column<GroupRow>[] {
  return [
    {
      key: 'name',
      header: 'Image / service',
      width: 'minmax(180px, 2fr)',
      sortable: true,
      render: (g) => {
        const { main, sub } = nameParts(g.type, g.name, g.imageID, g.cgroup);
        return (
          <span className="fp-name" title={g.type === 'container' ? `${g.image}\n${g.imageID}` : g.cgroup}>
            <button
              type="button"
              className="link-button"
              onClick={(e) => {
                e.stopPropagation();
                open(g);
              }}
            >
              {main || '(no image)'}
            </button>
            <span className="muted fp-sub">{sub}</span>
          </span>
        );
      },
    },
    { key: 'type', header: 'Type', width: '92px', sortable: true, render: (g) => SHORT_TYPE_LABEL[g.type] },
    { key: 'instances', header: 'Instances', width: '92px', sortable: true, align: 'end', render: (g) => g.records.length.toLocaleString() },
    { key: 'clusters', header: 'Clusters', width: 'minmax(100px, 1fr)', sortable: true, render: (g) => listCell(g.clusters) },
    { key: 'namespaces', header: 'Namespaces', width: 'minmax(110px, 1fr)', sortable: true, render: (g) => listCell(g.namespaces) },
    { key: 'first', header: 'First seen', width: '92px', sortable: true, render: (g) => <RelativeTime epochSeconds={g.first} /> },
    { key: 'latest', header: 'Latest seen', width: '104px', sortable: true, render: (g) => <RelativeTime epochSeconds={g.latest} /> },
    {
      key: 'coverage',
      header: 'Policy',
      width: 'minmax(220px, 2.2fr)',
      sortable: true,
      render: (g) => <CoverageCell policies={policies} policyIndices={g.policies} covered={g.coveredCount} total={g.records.length} known={g.coverage !== 'unknown'} />,
    },
  ];
}

/** Columns of one row per fingerprint; `inGroup` (all rows share the image) leads with the fingerprint id. */
export function flatColumns(policies: readonly SpyderbatPolicy[] | undefined, cov: CoverageLookup, options: { inGroup?: boolean } = {}): Column<FpRecord>[] {
  const sortable = true;
  return [
    {
      key: 'name',
      header: 'Fingerprint',
      width: 'minmax(180px, 2fr)',
      sortable,
      render: (r) => (
        <span className="fp-name" title={`${r.name}\n${r.id}`}>
          <Link to={`/fingerprints/${encodeURIComponent(r.id)}`} onClick={(e) => e.stopPropagation()}>
            {options.inGroup ? r.id : nameParts(r.type, r.name, r.imageID, r.cgroup).main || r.id}
          </Link>
          <span className="muted fp-sub">{options.inGroup ? r.container || r.host || r.muid : r.id}</span>
        </span>
      ),
    },
    { key: 'type', header: 'Type', width: '92px', sortable, render: (r) => SHORT_TYPE_LABEL[r.type] },
    { key: 'cluster', header: 'Cluster', width: 'minmax(110px, 1fr)', sortable, render: (r) => r.cluster || <span className="muted">—</span> },
    { key: 'namespace', header: 'Namespace', width: 'minmax(100px, 1fr)', sortable, render: (r) => r.namespace || <span className="muted">—</span> },
    { key: 'instance', header: 'Pod / host', width: 'minmax(140px, 1.4fr)', sortable, render: (r) => <span title={instanceLabel(r)}>{instanceLabel(r)}</span> },
    { key: 'first', header: 'First seen', width: '92px', sortable, render: (r) => <RelativeTime epochSeconds={r.first} /> },
    { key: 'latest', header: 'Latest seen', width: '104px', sortable, render: (r) => <RelativeTime epochSeconds={r.latest} /> },
    {
      key: 'coverage',
      header: 'Policy',
      width: 'minmax(220px, 2.2fr)',
      sortable,
      render: (r) => {
        const hits = cov?.(r.index) ?? [];
        return <CoverageCell policies={policies} policyIndices={hits} covered={hits.length > 0 ? 1 : 0} total={1} known={cov !== undefined} />;
      },
    },
  ];
}
