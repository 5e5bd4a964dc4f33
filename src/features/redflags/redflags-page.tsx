import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ClusterNamespaceSelects } from '../../components/filters/cluster-namespace-selects.tsx';
import { nowSeconds } from '../../api/client.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyListQuery } from '../../api/policies.ts';
import type { RedFlag } from '../../api/types.ts';
import { formatCount } from '../../components/charts/format.ts';
import { resolveRange } from '../../components/charts/time-range.ts';
import { TimeRangePicker } from '../../components/charts/time-range-picker.tsx';
import type { Column } from '../../components/ui/data-table.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { ExpandableTable } from '../../components/ui/expandable-table.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { SeverityBadge } from '../../components/ui/status-badge.tsx';
import { hasFilters, readRedFlagFilters, SEVERITIES, writeRedFlagFilters, type RedFlagListFilters } from './redflag-filters.ts';
import { RedFlagEvidence } from './redflag-evidence.tsx';
import { filterFlags, sortFlags } from './redflag-rows.ts';
import { LIST_LIMIT, redFlagSearchQuery, redFlagSeverityCountsQuery, type RedFlagSearch } from './redflag-search.ts';

const cap = (s: string): string => `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;

function searchOf(f: RedFlagListFilters, now: number): RedFlagSearch {
  const r = resolveRange(f.range, now);
  return {
    ...(r.days !== null ? { days: r.days } : { start: r.start, end: r.end }),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.policy ? { policyUid: f.policy } : {}),
    ...(f.cluster ? { clusterName: f.cluster } : {}),
    ...(f.namespace ? { namespace: f.namespace } : {}),
  };
}

/** Red flags raised by enforcing policies and detections, filterable, sortable, each with its evidence. */
export function RedFlagsPage() {
  const [params, setParams] = useSearchParams();
  const f = readRedFlagFilters(params);
  const set = (next: RedFlagListFilters): void => setParams(writeRedFlagFilters(next), { replace: true });
  const [now] = useState(() => Math.floor(nowSeconds() / 60) * 60);
  const client = useApiClient();
  const s = searchOf(f, now);
  const flags = useQuery(redFlagSearchQuery(client, s));
  const counts = useQuery(redFlagSeverityCountsQuery(client, s));
  const policies = useQuery(policyListQuery(client));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => (flags.data ? sortFlags(filterFlags(flags.data, f.q), f.sort) : []), [flags.data, f.q, f.sort]);
  const range = resolveRange(f.range, now);
  const total = counts.data ? (f.severity ? (counts.data[f.severity] ?? 0) : Object.values(counts.data).reduce((a, b) => a + b, 0)) : undefined;
  const sortedPolicies = [...(policies.data ?? [])].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

  const columns: Column<RedFlag>[] = [
    { key: 'time', header: 'Time', width: '104px', sortable: true, render: (r) => <RelativeTime epochSeconds={r.time} /> },
    { key: 'severity', header: 'Severity', width: '98px', sortable: true, render: (r) => <SeverityBadge severity={r.severity} /> },
    {
      key: 'name',
      header: 'Red flag',
      width: 'minmax(260px, 3fr)',
      sortable: true,
      render: (r) => (
        <span className="cell-stack">
          <strong>{r.shortName}</strong>
          <span className="muted small" title={r.description}>
            {r.description}
          </span>
        </span>
      ),
    },
    {
      key: 'policy',
      header: 'Policy',
      width: 'minmax(130px, 1.2fr)',
      sortable: true,
      render: (r) => (r.policyUid ? <Link to={`/policies/${encodeURIComponent(r.policyUid)}`}>{r.policyName ?? r.policyUid}</Link> : <span className="muted">detection</span>),
    },
    { key: 'cluster', header: 'Cluster', width: 'minmax(110px, 1fr)', sortable: true, render: (r) => r.clusterName ?? '—' },
    { key: 'namespace', header: 'Namespace', width: 'minmax(110px, 1fr)', sortable: true, render: (r) => r.namespace ?? <span className="muted">—</span> },
  ];

  return (
    <>
      <PageHeader
        title="Red flags"
        description="Red flags raised by enforcing policies (makeRedFlag) and by detections, newest first."
        actions={
          <Link className="btn" to="/">
            Dashboard
          </Link>
        }
      />
      <div className="list-filters" role="search" aria-label="Red flag filters">
        <div className="toolbar">
          <TimeRangePicker value={f.range} onChange={(r) => set({ ...f, range: r })} now={now} />
          <input className="input" type="search" aria-label="Search red flags" placeholder="Search name, description, reference" value={f.q} onChange={(e) => set({ ...f, q: e.target.value })} />
        </div>
        <div className="toolbar">
          <select className="input" aria-label="Policy" value={f.policy} onChange={(e) => set({ ...f, policy: e.target.value })}>
            <option value="">All policies</option>
            {f.policy && !sortedPolicies.some((p) => p.metadata.uid === f.policy) && <option value={f.policy}>{f.policy}</option>}
            {sortedPolicies.map((p) => (
              <option key={p.metadata.uid} value={p.metadata.uid}>
                {p.metadata.name}
              </option>
            ))}
          </select>
          <ClusterNamespaceSelects value={{ cluster: f.cluster, namespace: f.namespace }} onChange={(cn) => set({ ...f, ...cn })} />
          {hasFilters(f) && (
            <button type="button" className="btn btn-ghost" onClick={() => set({ ...f, severity: '', policy: '', cluster: '', namespace: '', q: '' })}>
              Clear filters
            </button>
          )}
        </div>
        <div className="seg-toggle severity-filter" role="group" aria-label="Severity">
          <button type="button" className={`segment ${f.severity === '' ? 'on' : ''}`} aria-pressed={f.severity === ''} onClick={() => set({ ...f, severity: '' })}>
            All{counts.data ? ` ${formatCount(Object.values(counts.data).reduce((a, b) => a + b, 0))}` : ''}
          </button>
          {SEVERITIES.map((sev) => (
            <button key={sev} type="button" className={`segment ${f.severity === sev ? 'on' : ''}`} aria-pressed={f.severity === sev} onClick={() => set({ ...f, severity: sev })}>
              <span className={`legend-swatch swatch-${sev}`} aria-hidden="true" /> {cap(sev)}
              {counts.data ? ` ${formatCount(counts.data[sev] ?? 0)}` : ''}
            </button>
          ))}
        </div>
      </div>
      <div className="status-line list-status">
        {flags.data && (
          <span role="status" data-testid="list-count">
            {formatCount(rows.length)} red flags shown
            {total !== undefined && ` · ${formatCount(total)} ${range.label.startsWith('last') ? `in the ${range.label}` : `from ${range.label}`}`}
            {total !== undefined &&
              total > flags.data.length &&
              flags.data.length >= LIST_LIMIT &&
              ` · the newest ${formatCount(LIST_LIMIT)} are loaded: narrow the range or filters to see older ones`}
          </span>
        )}
      </div>
      {flags.isPending && <SkeletonRows label="Loading red flags" />}
      {flags.isError && <ErrorState title="Could not load red flags" error={flags.error} onRetry={() => void flags.refetch()} />}
      {flags.data && rows.length === 0 && (
        <EmptyState
          title={hasFilters(f) ? 'No red flag matches these filters' : `No red flags ${range.label.startsWith('last') ? `in the ${range.label}` : `from ${range.label}`}`}
          action={
            hasFilters(f) ? (
              <button type="button" className="btn" onClick={() => set({ ...f, severity: '', policy: '', cluster: '', namespace: '', q: '' })}>
                Clear filters
              </button>
            ) : undefined
          }
        >
          Red flags appear when an enforcing policy responds to a deviation with makeRedFlag, or when a detection fires.
        </EmptyState>
      )}
      {rows.length > 0 && (
        <ExpandableTable
          label="Red flags"
          rows={rows}
          columns={columns}
          getRowId={(r) => r.id}
          sort={f.sort}
          onSortChange={(sort) => set({ ...f, sort })}
          expanded={expanded}
          onToggle={(id) => setExpanded((e) => (e.has(id) ? new Set([...e].filter((x) => x !== id)) : new Set([...e, id])))}
          rowLabel={(r) => `${r.severity} ${r.shortName}`}
          renderDetail={(r) => <RedFlagEvidence flag={r} />}
          rowHeight={48}
          maxHeight={680}
        />
      )}
    </>
  );
}
