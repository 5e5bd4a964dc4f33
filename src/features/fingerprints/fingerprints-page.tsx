import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { DataTable, type SortState } from '../../components/ui/data-table.tsx';
import { clearFilters, hasActiveFilters, MAX_BUILD_FINGERPRINTS, readFilters, writeFilters, type FingerprintFilters } from './fingerprint-filters.ts';
import { applyFilters, groupRecords, sortGroups, sortRecords, type GroupRow } from './fingerprint-view.ts';
import { flatColumns, groupColumns } from './fingerprint-columns.tsx';
import { FingerprintToolbar } from './fingerprint-toolbar.tsx';
import { GroupDialog } from './group-dialog.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { applyGroupToggle, fullySelectedGroups, mostRecentlySeen } from './selection.ts';
import { useFingerprintData } from './use-fingerprint-data.ts';

function useTableHeight(): number {
  const [h, setH] = useState(() => (typeof window === 'undefined' ? 640 : window.innerHeight));
  useEffect(() => {
    const on = (): void => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return Math.max(320, h - 290);
}

export function FingerprintsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const setFilters = useCallback((f: FingerprintFilters) => setParams(writeFilters(f), { replace: true }), [setParams]);
  const navigate = useNavigate();
  const { fingerprints, policies, records, coverage, cov } = useFingerprintData();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openKey, setOpenKey] = useState<string | null>(null);
  const height = useTableHeight();

  // Coverage filter waits for coverage: an unfiltered flash would mislead.
  const waitingForCoverage = filters.coverage.length > 0 && !cov && !coverage.isError && !policies.isError;
  const view = useMemo(() => (records ? applyFilters(records, filters, cov) : undefined), [records, filters, cov]);
  const groups = useMemo(() => (view && filters.group === 'image' ? sortGroups(groupRecords(view.visible, cov), filters.sort) : []), [view, filters.group, filters.sort, cov]);
  const flat = useMemo(() => (view && filters.group === 'none' ? sortRecords(view.visible, filters.sort, cov) : []), [view, filters.group, filters.sort, cov]);

  const groupCols = useMemo(() => groupColumns(policies.data, (g) => setOpenKey(g.key)), [policies.data]);
  const flatCols = useMemo(() => flatColumns(policies.data, cov), [policies.data, cov]);
  const checkedGroups = useMemo(() => fullySelectedGroups(groups, selected), [groups, selected]);
  const openGroup = openKey ? groups.find((g) => g.key === openKey) : undefined;

  const selectedIds = useMemo(() => (records ?? []).filter((r) => selected.has(r.id)).map((r) => r.id), [records, selected]);
  // Only needed once something is selected (a 50,000-entry set is not free).
  const visibleIds = useMemo(() => (selected.size > 0 && view ? new Set(view.visible.map((r) => r.id)) : new Set<string>()), [view, selected.size]);
  const selectedGroupCount = useMemo(() => new Set((records ?? []).filter((r) => selected.has(r.id)).map((r) => r.groupKey)).size, [records, selected]);

  const firstRows = useRef(false);
  const rowCount = filters.group === 'image' ? groups.length : flat.length;
  useEffect(() => {
    if (!firstRows.current && rowCount > 0) {
      firstRows.current = true;
      performance.mark('palisade:fingerprints:rows', { detail: { rows: rowCount } });
    }
  }, [rowCount]);

  const onSort = (sort: SortState): void => setFilters({ ...filters, sort });

  let body;
  if (fingerprints.isPending) body = <SkeletonRows rows={10} label="Loading fingerprints" />;
  else if (fingerprints.isError) body = <ErrorState title="Could not load fingerprints" error={fingerprints.error} onRetry={() => void fingerprints.refetch()} />;
  else if (records && records.length === 0)
    body = (
      <EmptyState
        title="No fingerprints observed"
        action={
          <span className="row gap center">
            <Link className="btn" to="/clusters">
              See clusters
            </Link>
            <Link className="btn" to="/settings">
              Check the data source
            </Link>
          </span>
        }
      >
        Fingerprints are recorded for every container and Linux service a Nano Agent watched in the last 30 days. Install the agent on a cluster or host, or
        connect to the organization that has them.
      </EmptyState>
    );
  else if (waitingForCoverage) body = <SkeletonRows rows={10} label="Checking which policies cover these fingerprints" />;
  else if (rowCount === 0)
    body = (
      <EmptyState title="No fingerprints match these filters" action={<button type="button" className="btn" onClick={() => setFilters(clearFilters(filters))}>Clear filters</button>}>
        {records?.length.toLocaleString()} fingerprints were observed in the last 30 days; none has all of the selected cluster, namespace, type, coverage and text.
      </EmptyState>
    );
  else if (filters.group === 'image')
    body = (
      <DataTable<GroupRow>
        rows={groups}
        columns={groupCols}
        getRowId={(g) => g.key}
        label="Fingerprint groups"
        sort={filters.sort}
        onSortChange={onSort}
        selected={checkedGroups}
        onSelectedChange={(next) => setSelected(applyGroupToggle(selected, groups, checkedGroups, next))}
        onRowClick={(g) => setOpenKey(g.key)}
        rowHeight={44}
        maxHeight={height}
      />
    );
  else
    body = (
      <DataTable
        rows={flat}
        columns={flatCols}
        getRowId={(r) => r.id}
        label="Fingerprints"
        sort={filters.sort}
        onSortChange={onSort}
        selected={selected}
        onSelectedChange={(next) => setSelected(new Set([...[...selected].filter((id) => !visibleIds.has(id)), ...next]))}
        onRowClick={(r) => void navigate(`/fingerprints/${encodeURIComponent(r.id)}`)}
        rowHeight={44}
        maxHeight={height}
      />
    );

  return (
    <>
      <PageHeader title="Fingerprints" description="Observed process trees and network peers per container image and Linux service, with the policies that cover them." />
      <FingerprintToolbar filters={filters} facets={view?.facets} coverageKnown={cov !== undefined} onChange={setFilters} />
      <div className="status-line">
        {view && records && (
          <span role="status" data-testid="fingerprint-count">
            {filters.group === 'image' ? `${groups.length.toLocaleString()} groups · ` : ''}
            {view.visible.length.toLocaleString()} of {records.length.toLocaleString()} fingerprints
          </span>
        )}
        {coverage.isFetching && <span className="muted">Checking which policies cover these fingerprints…</span>}
        {hasActiveFilters(filters) && records && records.length > 0 && (
          <button type="button" className="btn btn-ghost" onClick={() => setFilters(clearFilters(filters))}>
            Clear filters
          </button>
        )}
      </div>
      {(policies.isError || coverage.isError) && !fingerprints.isError && (
        <div className="alert-banner row gap" role="alert">
          <span>Policy coverage is unavailable: {String((policies.error ?? coverage.error)?.message ?? 'unknown error')}</span>
          <button type="button" className="btn" onClick={() => void (policies.isError ? policies.refetch() : coverage.refetch())}>
            Retry
          </button>
        </div>
      )}
      <SelectionBar
        ids={selectedIds}
        groups={selectedGroupCount}
        hidden={selectedIds.filter((id) => !visibleIds.has(id)).length}
        onClear={() => setSelected(new Set())}
        onKeepRecent={() => setSelected(new Set(mostRecentlySeen(records ?? [], selected, MAX_BUILD_FINGERPRINTS)))}
      />
      {body}
      {openGroup && <GroupDialog group={openGroup} policies={policies.data} cov={cov} selected={selected} onSelectedChange={setSelected} onClose={() => setOpenKey(null)} />}
    </>
  );
}
