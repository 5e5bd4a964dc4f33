import { Link } from 'react-router';
import type { Column } from '../../components/ui/data-table.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { Sparkline } from '../../components/ui/sparkline.tsx';
import { ModeControl } from '../../components/policy-mode/mode-control.tsx';
import type { RowChange } from '../../components/policy-mode/use-mode-change.ts';
import { modeTargetOf, type ModeTarget } from '../../engine/impact/index.ts';
import type { PolicyRow } from './policy-rows.ts';

const TYPE_LABEL: Record<PolicyRow['type'], string> = { container: 'Container', 'linux-service': 'Linux service', cluster: 'Cluster' };

export function policyColumns(changes: Readonly<Record<string, RowChange>>, request: (row: PolicyRow, t: ModeTarget) => void): Column<PolicyRow>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      width: 'minmax(160px, 2fr)',
      sortable: true,
      render: (r) => (
        <span title={r.uid}>
          <Link to={`/policies/${encodeURIComponent(r.uid)}`} onClick={(e) => e.stopPropagation()}>
            {r.name}
          </Link>
          <span className="muted uid"> {r.uid}</span>
        </span>
      ),
    },
    { key: 'type', header: 'Type', width: '92px', sortable: true, render: (r) => TYPE_LABEL[r.type] },
    {
      key: 'status',
      header: 'Status',
      width: '232px',
      sortable: true,
      render: (r) => {
        const c = changes[r.uid];
        return (
          <span className="row gap">
            <ModeControl compact label={`Mode of ${r.name}`} value={modeTargetOf(r.policy)} pending={c?.state === 'pending'} onRequest={(t) => request(r, t)} />
            {c?.state === 'pending' && <span className="row-note pending">saving…</span>}
            <span className="visually-hidden">{r.status}</span>
            {c?.state === 'failed' && (
              <span className="row-note failed" title={c.message} data-testid="row-failed">
                ⚠ not changed
              </span>
            )}
          </span>
        );
      },
    },
    { key: 'selector', header: 'Selector', width: 'minmax(120px, 1.5fr)', sortable: true, render: (r) => <span title={r.selector}>{r.selector}</span> },
    { key: 'version', header: 'Ver.', width: '42px', sortable: true, align: 'end', render: (r) => r.version },
    { key: 'created', header: 'Created', width: '82px', sortable: true, render: (r) => <RelativeTime epochSeconds={r.created} /> },
    { key: 'updated', header: 'Updated', width: '82px', sortable: true, render: (r) => <RelativeTime epochSeconds={r.updated} /> },
    {
      key: 'deviations',
      header: 'Deviations 24 h',
      width: '118px',
      sortable: true,
      render: (r) => (
        <span className="row gap">
          <Sparkline values={r.spark} label={`${r.deviations} deviations in the last 24 hours`} width={60} />
          <span>{r.deviations}</span>
        </span>
      ),
    },
    { key: 'covered', header: 'Workloads', width: '78px', sortable: true, align: 'end', render: (r) => (r.covered === undefined ? '…' : r.covered) },
  ];
}
