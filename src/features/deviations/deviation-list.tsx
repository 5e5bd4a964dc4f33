import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '../../api/data-source-context.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { formatCount } from '../../components/charts/format.ts';
import { resolveRange } from '../../components/charts/time-range.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { ExpandableTable } from '../../components/ui/expandable-table.tsx';
import type { Column } from '../../components/ui/data-table.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { SeverityBadge } from '../../components/ui/status-badge.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { activeFilterCount, serverFilters, type DeviationListFilters } from './deviation-filters.ts';
import { DeviationEvidence } from './deviation-evidence.tsx';
import { filterRows, sortRows, toRows, type DeviationRow } from './deviation-rows.ts';
import { deviationCountQuery, deviationSearchQuery, LIST_LIMIT, type DeviationSearch } from './deviation-search.ts';
import { ListToolbar } from './list-toolbar.tsx';

const KIND_LABEL: Record<string, string> = { process: 'Process', ingress: 'Ingress', egress: 'Egress', image: 'Image', other: 'Other' };

export function searchOf(f: DeviationListFilters, now: number): DeviationSearch {
  const r = resolveRange(f.range, now);
  const { where, ...rest } = serverFilters(f);
  return { ...(r.days !== null ? { days: r.days } : { start: r.start, end: r.end }), ...rest, ...(Object.keys(where).length ? { where } : {}) };
}

export function DeviationList({
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
  const client = useApiClient();
  const s = searchOf(f, now);
  const records = useQuery(deviationSearchQuery(client, s));
  const total = useQuery(deviationCountQuery(client, s));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const byUid = useMemo(() => new Map(policies.map((p) => [p.metadata.uid ?? '', p])), [policies]);
  const rows = useMemo(() => (records.data ? sortRows(filterRows(toRows(records.data, f.view, byUid, total.data?.byDeviation), f), f.sort) : []), [records.data, f, byUid, total.data]);
  const range = resolveRange(f.range, now);
  const toggle = (id: string): void => setExpanded((e) => (e.has(id) ? new Set([...e].filter((x) => x !== id)) : new Set([...e, id])));

  const columns: Column<DeviationRow>[] = [
    { key: 'time', header: f.view === 'unique' ? 'Last seen' : 'Time', width: '104px', sortable: true, render: (r) => <RelativeTime epochSeconds={r.lastTime} /> },
    {
      key: 'description',
      header: 'Deviation',
      width: 'minmax(240px, 3fr)',
      render: (r) => (
        <span className="cell-stack">
          <span title={r.record.description}>{r.record.description}</span>
        </span>
      ),
    },
    { key: 'kind', header: 'Kind', width: '88px', sortable: true, render: (r) => <span className={`kind-tag kind-${r.kind}`}>{KIND_LABEL[r.kind]}</span> },
    {
      key: 'policy',
      header: 'Policy',
      width: 'minmax(140px, 1.2fr)',
      sortable: true,
      render: (r) => (
        <Link to={`/policies/${encodeURIComponent(r.record.policyUid)}`} title={r.record.policyUid}>
          {r.policy?.metadata.name ?? r.record.policyName}
        </Link>
      ),
    },
    { key: 'workload', header: 'Workload', width: 'minmax(120px, 1.2fr)', sortable: true, render: (r) => <span title={r.workload}>{r.workload || '—'}</span> },
    {
      key: 'namespace',
      header: 'Where',
      width: 'minmax(120px, 1fr)',
      sortable: true,
      render: (r) => (
        <span className="cell-stack">
          <span>{r.record.clusterName ?? '—'}</span>
          {r.record.namespace && <span className="muted small">{r.record.namespace}</span>}
        </span>
      ),
    },
    { key: 'severity', header: 'Severity', width: '98px', sortable: true, render: (r) => (r.severity ? <SeverityBadge severity={r.severity} /> : <span className="muted">—</span>) },
    ...(f.view === 'unique'
      ? [{ key: 'count', header: 'Seen', width: '64px', sortable: true, align: 'end' as const, render: (r: DeviationRow) => <span className="num">{formatCount(r.count)}×</span> }]
      : []),
  ];

  const occurrences = records.data?.length ?? 0;
  return (
    <>
      <ListToolbar filters={f} onChange={onChange} policies={policies} now={now} />
      <div className="status-line list-status">
        <div className="seg-toggle" role="group" aria-label="Rows">
          {(['unique', 'all'] as const).map((v) => (
            <button key={v} type="button" className={`segment ${f.view === v ? 'on' : ''}`} aria-pressed={f.view === v} onClick={() => onChange({ ...f, view: v })}>
              {v === 'unique' ? 'One row per deviation' : 'Every occurrence'}
            </button>
          ))}
        </div>
        {records.data && (
          <span role="status" data-testid="list-count">
            {formatCount(rows.length)} {f.view === 'unique' ? 'deviations' : 'occurrences'} shown
            {total.data !== undefined && ` · ${formatCount(total.data.total)} occurrences ${range.label.startsWith('last') ? `in the ${range.label}` : `from ${range.label}`}`}
            {total.data !== undefined &&
              total.data.total > occurrences &&
              occurrences >= LIST_LIMIT &&
              ` · the newest ${formatCount(LIST_LIMIT)} are loaded: narrow the range or filters to see older ones`}
          </span>
        )}
      </div>
      {records.isPending && <SkeletonRows label="Loading deviations" />}
      {records.isError && <ErrorState title="Could not load deviations" error={records.error} onRetry={() => void records.refetch()} />}
      {records.data && rows.length === 0 && (
        <EmptyState
          title={activeFilterCount(f) > 0 ? 'No deviation matches these filters' : `No deviations ${range.label.startsWith('last') ? `in the ${range.label}` : `from ${range.label}`}`}
          action={
            activeFilterCount(f) > 0 ? (
              <button type="button" className="btn" onClick={() => onChange({ ...f, cluster: '', namespace: '', policy: '', kind: '', type: '', severity: '', workload: '', q: '' })}>
                Clear filters
              </button>
            ) : (
              <Link className="btn" to="/policies">
                Review policies
              </Link>
            )
          }
        >
          A deviation is recorded when a workload in a policy’s scope does something the policy does not allow.
        </EmptyState>
      )}
      {rows.length > 0 && (
        <ExpandableTable
          label="Deviations"
          rows={rows}
          columns={columns}
          getRowId={(r) => r.id}
          sort={f.sort}
          onSortChange={(sort) => onChange({ ...f, sort })}
          expanded={expanded}
          onToggle={toggle}
          rowLabel={(r) => r.record.description}
          renderDetail={(r) => <DeviationEvidence row={r} />}
          rowHeight={44}
          maxHeight={680}
        />
      )}
    </>
  );
}
