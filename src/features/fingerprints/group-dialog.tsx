import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../components/ui/dialog.tsx';
import { DataTable, type SortState } from '../../components/ui/data-table.tsx';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { flatColumns } from './fingerprint-columns.tsx';
import { buildPolicyHref, MAX_BUILD_FINGERPRINTS } from './fingerprint-filters.ts';
import { TYPE_LABEL } from './fingerprint-records.ts';
import { sortRecords, type CoverageLookup, type GroupRow } from './fingerprint-view.ts';

export interface GroupDialogProps {
  group: GroupRow;
  policies: readonly SpyderbatPolicy[] | undefined;
  cov: CoverageLookup;
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
  onClose: () => void;
}

/** The fingerprints (instances) of one group, to open one or pick some for a policy. */
export function GroupDialog({ group, policies, cov, selected, onSelectedChange, onClose }: GroupDialogProps) {
  const [sort, setSort] = useState<SortState>({ key: 'latest', dir: 'desc' });
  const rows = useMemo(() => sortRecords(group.records, sort, cov), [group.records, sort, cov]);
  const columns = useMemo(() => flatColumns(policies, cov, { inGroup: true }).filter((c) => c.key !== 'type'), [policies, cov]);
  const ids = useMemo(() => new Set(group.records.map((r) => r.id)), [group.records]);
  const inGroup = useMemo(() => new Set([...selected].filter((id) => ids.has(id))), [selected, ids]);
  const setInGroup = (next: Set<string>): void => {
    const out = new Set([...selected].filter((id) => !ids.has(id)));
    for (const id of next) out.add(id);
    onSelectedChange(out);
  };
  return (
    <Dialog
      open
      wide
      title={group.name || '(no image)'}
      onClose={onClose}
      footer={
        <>
          <span className="muted dialog-note" role="status">
            {inGroup.size.toLocaleString()} of {group.records.length.toLocaleString()} selected
          </span>
          <button type="button" className="btn" onClick={() => setInGroup(inGroup.size === ids.size ? new Set() : new Set(ids))}>
            {inGroup.size === ids.size ? 'Unselect group' : 'Select whole group'}
          </button>
          {selected.size > 0 && selected.size <= MAX_BUILD_FINGERPRINTS && (
            <Link className="btn" to={buildPolicyHref([...selected])}>
              Build policy ({selected.size.toLocaleString()})
            </Link>
          )}
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <dl className="kv group-kv">
        <dt>Type</dt>
        <dd>{TYPE_LABEL[group.type]}</dd>
        {group.type === 'container' ? (
          <>
            <dt>Image</dt>
            <dd className="break">{group.image || '—'}</dd>
            <dt>Image ID</dt>
            <dd className="break">
              <code>{group.imageID || '—'}</code>
            </dd>
          </>
        ) : (
          <>
            <dt>cgroup</dt>
            <dd className="break">
              <code>{group.cgroup || '—'}</code>
            </dd>
          </>
        )}
        <dt>Clusters</dt>
        <dd>{group.clusters.join(', ') || '—'}</dd>
        {group.namespaces.length > 0 && (
          <>
            <dt>Namespaces</dt>
            <dd>{group.namespaces.join(', ')}</dd>
          </>
        )}
      </dl>
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={(r) => r.id}
        label={`Fingerprints of ${group.name}`}
        sort={sort}
        onSortChange={setSort}
        selected={inGroup}
        onSelectedChange={setInGroup}
        maxHeight={360}
      />
    </Dialog>
  );
}
