import { useCallback, useMemo, useState } from 'react';
import { useUrlDraft } from '../../components/ui/use-url-draft.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import type { ModeTarget } from '../../engine/impact/index.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { DataTable } from '../../components/ui/data-table.tsx';
import { ModeChangeDialog } from '../../components/policy-mode/mode-change-dialog.tsx';
import { useModeChange } from '../../components/policy-mode/use-mode-change.ts';
import { readFilters, writeFilters, type PolicyListFilters } from './policy-filters.ts';
import { filterAndSort } from './policy-rows.ts';
import { policyColumns } from './policy-columns.tsx';
import { usePolicyTableData } from './use-policy-table-data.ts';
import { BulkActions } from './bulk-actions.tsx';
import { ImportDialog } from './import-dialog.tsx';

export function PoliciesPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const setFilters = (f: PolicyListFilters): void => setParams(writeFilters(f), { replace: true });
  const commitQuery = useCallback(
    (q: string) => setParams((prev) => writeFilters({ ...readFilters(prev), q }), { replace: true }),
    [setParams],
  );
  const [query, setQuery] = useUrlDraft(filters.q, commitQuery);
  const navigate = useNavigate();
  const { policies, rows } = usePolicyTableData();
  const { changes, change, dismiss } = useModeChange();
  const [pending, setPending] = useState<{ policy: SpyderbatPolicy; target: ModeTarget } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);

  const visible = useMemo(() => (rows ? filterAndSort(rows, filters) : []), [rows, filters]);
  const columns = useMemo(() => policyColumns(changes, (r, t) => setPending({ policy: r.policy, target: t })), [changes]);
  const selectedPolicies = (rows ?? []).filter((r) => selected.has(r.uid)).map((r) => r.policy);
  const failures = Object.entries(changes).filter(([, c]) => c.state === 'failed');

  return (
    <>
      <PageHeader
        title="Policies"
        description="Allow-list policies and their mode: Auditing, Enforcing or Disabled."
        actions={
          <>
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              Import YAML
            </button>
            <Link className="btn btn-primary" to="/policies/new">
              New policy
            </Link>
          </>
        }
      />
      <div className="toolbar" role="search">
        <input
          className="input"
          type="search"
          placeholder="Search name, uid or selector  ( / )"
          aria-label="Search policies"
          data-search
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select className="input" aria-label="Type" value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value as PolicyListFilters['type'] })}>
          <option value="">All types</option>
          <option value="container">Container</option>
          <option value="linux-service">Linux service</option>
          <option value="cluster">Cluster</option>
        </select>
        <select className="input" aria-label="Status" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value as PolicyListFilters['status'] })}>
          <option value="">All statuses</option>
          <option value="Auditing">Auditing</option>
          <option value="Enforcing">Enforcing</option>
          <option value="Disabled">Disabled</option>
        </select>
        {rows && (
          <span className="muted" role="status">
            {visible.length} of {rows.length}
          </span>
        )}
      </div>
      {failures.length > 0 && (
        <div className="alert-banner" role="alert">
          {failures.map(([uid, c]) => (
            <div key={uid} className="row gap">
              <span>
                Could not change <strong>{rows?.find((r) => r.uid === uid)?.name ?? uid}</strong>: {c.state === 'failed' ? c.message : ''}. It was left as it was.
              </span>
              <button type="button" className="btn btn-ghost" onClick={() => dismiss(uid)}>
                Dismiss
              </button>
            </div>
          ))}
        </div>
      )}
      {selectedPolicies.length > 0 && <BulkActions selected={selectedPolicies} onDone={() => setSelected(new Set())} />}
      {policies.isPending && <SkeletonRows label="Loading policies" />}
      {policies.isError && <ErrorState title="Could not load policies" error={policies.error} onRetry={() => void policies.refetch()} />}
      {rows && rows.length === 0 && (
        <EmptyState title="No policies yet" action={<Link className="btn btn-primary" to="/fingerprints">Build one from fingerprints</Link>}>
          Build a policy from the fingerprints of a workload, import YAML written with spyctl, or write one in the editor.
        </EmptyState>
      )}
      {rows && rows.length > 0 && visible.length === 0 && (
        <EmptyState title="No policy matches these filters" action={<button type="button" className="btn" onClick={() => setFilters({ ...filters, q: '', type: '', status: '' })}>Clear filters</button>} />
      )}
      {visible.length > 0 && (
        <DataTable
          label="Policies"
          rows={visible}
          columns={columns}
          getRowId={(r) => r.uid}
          sort={filters.sort}
          onSortChange={(sort) => setFilters({ ...filters, sort })}
          selected={selected}
          onSelectedChange={setSelected}
          onRowClick={(r) => void navigate(`/policies/${encodeURIComponent(r.uid)}`)}
          rowHeight={40}
        />
      )}
      {pending && (
        <ModeChangeDialog
          policy={pending.policy}
          target={pending.target}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const p = pending;
            setPending(null);
            change(p.policy, p.target).catch(() => undefined);
          }}
        />
      )}
      {importing && <ImportDialog existing={policies.data ?? []} onClose={() => setImporting(false)} />}
    </>
  );
}
