import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { auditLogQuery, type AuditLogFilters } from '../../api/audit-logs.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import type { AuditLogEntry } from '../../api/types.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { formatCount } from '../../components/charts/format.ts';
import { resolveRange } from '../../components/charts/time-range.ts';
import { TimeRangePicker } from '../../components/charts/time-range-picker.tsx';
import { DataTable, type Column } from '../../components/ui/data-table.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { auditLines, auditNdjson, exportFileName, filterAudit } from './audit-export.ts';
import type { AuditKindFilter, DeviationListFilters } from './deviation-filters.ts';
import { PolicyOptions } from './list-toolbar.tsx';

const KIND_LABEL: Record<string, string> = {
  guardian_deviation: 'Deviation',
  guardian_action: 'Action',
  guardian_redflag: 'Red flag',
  guardian_opsflag: 'Ops flag',
  policy_change: 'Policy change',
  other: 'Other',
};

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The audit log of a policy (or all): `spyctl logs policy`, filterable and exportable. */
export function AuditLogView({
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
  const r = resolveRange(f.range, now);
  const request: AuditLogFilters = {
    ...(f.policy ? { policyUid: f.policy } : {}),
    ...(f.auditKind ? { kind: f.auditKind } : {}),
    ...(r.days !== null ? { days: r.days } : { startTime: r.start, endTime: r.end - 1 }),
  };
  const q = useQuery(auditLogQuery(client, request));
  const entries = useMemo(() => (q.data ? filterAudit(q.data, f.q).reverse() : []), [q.data, f.q]);
  const policyName = policies.find((p) => p.metadata.uid === f.policy)?.metadata.name;
  const columns: Column<AuditLogEntry>[] = [
    { key: 'time', header: 'Time', width: '110px', render: (e) => <RelativeTime epochSeconds={e.time} /> },
    { key: 'kind', header: 'Kind', width: '110px', render: (e) => <span className={`kind-tag audit-${e.kind}`}>{KIND_LABEL[e.kind] ?? e.kind}</span> },
    {
      key: 'policy',
      header: 'Policy',
      width: 'minmax(120px, 1fr)',
      render: (e) => (e.policyUid ? <Link to={`/policies/${encodeURIComponent(e.policyUid)}`}>{e.policyName ?? e.policyUid}</Link> : <span className="muted">—</span>),
    },
    {
      key: 'description',
      header: 'Entry',
      width: 'minmax(300px, 4fr)',
      render: (e) => (
        <span className="mono audit-line" title={e.description}>
          {e.description}
        </span>
      ),
    },
  ];
  return (
    <>
      <div className="list-filters" role="search" aria-label="Audit log filters">
        <div className="toolbar">
          <TimeRangePicker value={f.range} onChange={(range) => onChange({ ...f, range })} now={now} />
          <select className="input" aria-label="Policy" value={f.policy} onChange={(e) => onChange({ ...f, policy: e.target.value })}>
            <PolicyOptions policies={policies} selected={f.policy} />
          </select>
          <select className="input" aria-label="Entry kind" value={f.auditKind} onChange={(e) => onChange({ ...f, auditKind: e.target.value as AuditKindFilter })}>
            <option value="">All entries</option>
            <option value="guardian_deviation">Deviations</option>
            <option value="guardian_action">Actions</option>
            <option value="policy_change">Policy changes</option>
          </select>
          <input className="input" type="search" aria-label="Search the audit log" placeholder="Search entries" value={f.q} onChange={(e) => onChange({ ...f, q: e.target.value })} />
        </div>
      </div>
      <div className="status-line list-status">
        {q.data && (
          <span role="status" data-testid="audit-count">
            {formatCount(entries.length)} entries{f.q ? ` match (of ${formatCount(q.data.length)})` : ''}, newest first
            {q.data.length >= 20_000 ? ' · the server returns at most the newest 20,000: narrow the range' : ''}
          </span>
        )}
        <span className="grow" />
        <button
          type="button"
          className="btn"
          disabled={entries.length === 0}
          onClick={() => download(exportFileName(policyName, now, 'log'), auditLines([...entries].reverse()), 'text/plain')}
          title="One line per entry, oldest first, as spyctl logs policy prints them (with a UTC time)"
        >
          Export .log
        </button>
        <button
          type="button"
          className="btn"
          disabled={entries.length === 0}
          onClick={() => download(exportFileName(policyName, now, 'ndjson'), auditNdjson([...entries].reverse()), 'application/x-ndjson')}
        >
          Export NDJSON
        </button>
      </div>
      {q.isPending && <SkeletonRows label="Loading the audit log" />}
      {q.isError && <ErrorState title="Could not load the audit log" error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && entries.length === 0 && (
        <EmptyState title={f.q || f.auditKind ? 'No entry matches these filters' : 'No audit log entries in this period'}>
          Policies log their changes, each deviation, and the actions they took or, in audit mode, would have taken.
        </EmptyState>
      )}
      {entries.length > 0 && <DataTable label="Audit log" rows={entries} columns={columns} getRowId={(e) => e.id} rowHeight={46} maxHeight={680} />}
    </>
  );
}
