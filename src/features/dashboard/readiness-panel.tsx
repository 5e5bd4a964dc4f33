import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { countByQuery } from '../../api/aggregates.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { ModeChangeDialog } from '../../components/policy-mode/mode-change-dialog.tsx';
import { useModeChange } from '../../components/policy-mode/use-mode-change.ts';
import { DataTable, type Column } from '../../components/ui/data-table.tsx';
import { Sparkline } from '../../components/ui/sparkline.tsx';
import { formatCount } from '../../components/charts/format.ts';
import { daysAgoText, READY_DAYS } from './readiness.ts';
import { useReadiness } from './use-readiness.ts';

interface Row {
  uid: string;
  policy: SpyderbatPolicy;
  /** Deviations in the last 7 days (from one aggregate over every audit-mode policy). */
  recent: number | undefined;
}

const TYPE_LABEL: Record<string, string> = { container: 'container', 'linux-service': 'Linux service', cluster: 'cluster' };

function DailyCell({ row, now }: { row: Row; now: number }) {
  const r = useReadiness(row.policy, now);
  if (!r.recentDaily) return <span className="muted">{r.error ? 'unavailable' : '…'}</span>;
  const sum = r.recentDaily.reduce((a, b) => a + b, 0);
  return (
    <span className="row gap">
      <Sparkline values={r.recentDaily} label={`Deviations per day, last 14 days, oldest first: ${r.recentDaily.join(', ')}`} width={84} />
      <span className="muted num">{formatCount(sum)}</span>
    </span>
  );
}

function LastNewCell({ row, now }: { row: Row; now: number }) {
  const r = useReadiness(row.policy, now);
  if (!r.verdict) return <span className="muted">…</span>;
  const d = r.verdict.lastNewDaysAgo;
  return <span>{d === null ? <span className="muted" title="No new deviation in the last 30 days">none (30 d)</span> : daysAgoText(d)}</span>;
}

function CoverageCell({ row, now }: { row: Row; now: number }) {
  const { coverage: c } = useReadiness(row.policy, now);
  if (c.state === 'n/a') return <span className="muted" title="Cluster policies are checked by their rulesets">n/a</span>;
  if (c.state === 'pending') return <span className="muted">checking…</span>;
  if (c.state === 'error') return <span className="field-error" title={c.message}>unknown</span>;
  const full = c.total > 0 && c.covered === c.total;
  return (
    <span className={full ? 'coverage-full' : 'coverage-partial'} title="Replicas whose fingerprint the policy fully covers (the engine finds no deviation)">
      {c.covered} / {c.total}
    </span>
  );
}

function VerdictCell({ row, now }: { row: Row; now: number }) {
  const { verdict } = useReadiness(row.policy, now);
  if (!verdict) return <span className="muted">…</span>;
  return (
    <span className={`verdict verdict-${verdict.kind}`} title={verdict.text} data-testid="verdict">
      {verdict.text}
    </span>
  );
}

function ActionCell({ row, now, onEnforce, pending }: { row: Row; now: number; onEnforce: (p: SpyderbatPolicy) => void; pending: boolean }) {
  const { verdict } = useReadiness(row.policy, now);
  const ready = verdict?.kind === 'ready';
  return (
    <button type="button" className={`btn ${ready ? 'btn-primary' : ''}`} disabled={pending} onClick={() => onEnforce(row.policy)} aria-label={`Enforce ${row.policy.metadata.name}…`}>
      Enforce…
    </button>
  );
}

type Show = 'all' | 'quiet' | 'deviating';

/**
 * Audit-mode policies and whether each is ready to enforce; "Enforce…" opens the
 * policies page's mode-change confirmation with its 7-day preview.
 */
export function ReadinessPanel({ policies, now, policyFilter }: { policies: readonly SpyderbatPolicy[]; now: number; policyFilter: string }) {
  const client = useApiClient();
  const recent = useQuery(countByQuery(client, { schema: 'event_deviation', fields: ['policy_uid'], days: READY_DAYS, policyMode: 'audit' }));
  const { changes, change } = useModeChange();
  const [confirm, setConfirm] = useState<SpyderbatPolicy | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [show, setShow] = useState<Show>('all');

  const rows = useMemo(() => {
    const counts = new Map((recent.data ?? []).map((g) => [g.values.policy_uid ?? '', g.count]));
    return policies
      .filter((p) => policyStatus(p) === 'Auditing' && (!policyFilter || p.metadata.uid === policyFilter))
      .map((p): Row => ({ uid: p.metadata.uid ?? p.metadata.name, policy: p, recent: recent.data ? (counts.get(p.metadata.uid ?? '') ?? 0) : undefined }))
      .sort((a, b) => (a.recent ?? 0) - (b.recent ?? 0) || a.policy.metadata.name.localeCompare(b.policy.metadata.name));
  }, [policies, recent.data, policyFilter]);
  const quiet = rows.filter((r) => r.recent === 0).length;
  const visible = rows.filter((r) => show === 'all' || (show === 'quiet' ? r.recent === 0 : (r.recent ?? 0) > 0));
  const failures = Object.entries(changes).filter(([, c]) => c.state === 'failed');

  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: 'Policy',
      width: 'minmax(160px, 1.3fr)',
      render: (r) => (
        <span className="cell-stack">
          <Link to={`/policies/${encodeURIComponent(r.uid)}`}>{r.policy.metadata.name}</Link>
          <span className="muted small">{TYPE_LABEL[r.policy.metadata.type] ?? r.policy.metadata.type}</span>
        </span>
      ),
    },
    { key: 'daily', header: 'Daily, 14 d', width: '132px', render: (r) => <DailyCell row={r} now={now} /> },
    { key: 'new', header: 'Last new', width: '112px', render: (r) => <LastNewCell row={r} now={now} /> },
    { key: 'covered', header: 'Replicas', width: '88px', render: (r) => <CoverageCell row={r} now={now} /> },
    { key: 'verdict', header: 'Verdict', width: 'minmax(240px, 2.6fr)', render: (r) => <VerdictCell row={r} now={now} /> },
    { key: 'action', header: '', width: '116px', render: (r) => <ActionCell row={r} now={now} pending={changes[r.uid]?.state === 'pending'} onEnforce={setConfirm} /> },
  ];

  return (
    <section className="panel span-full" aria-labelledby="readiness-title" data-testid="readiness">
      <header className="chart-head">
        <div>
          <h2 id="readiness-title">Enforce readiness</h2>
          <p className="muted chart-desc">
            A policy in audit mode is ready when it saw no new deviation for {READY_DAYS} days and every replica in its scope is fully covered by it.
          </p>
        </div>
        {rows.length > 0 && (
          <div className="seg-toggle" role="group" aria-label="Show policies">
            {(['all', 'quiet', 'deviating'] as const).map((s) => (
              <button key={s} type="button" className={`segment ${show === s ? 'on' : ''}`} aria-pressed={show === s} onClick={() => setShow(s)}>
                {s === 'all' ? `All (${rows.length})` : s === 'quiet' ? `Quiet for ${READY_DAYS} d (${recent.data ? quiet : '…'})` : `Deviating (${recent.data ? rows.length - quiet : '…'})`}
              </button>
            ))}
          </div>
        )}
      </header>
      {done && (
        <p className="notice" role="status">
          <strong>{done}</strong> is now enforcing. <Link to="/policies?status=Enforcing">See enforcing policies</Link>
        </p>
      )}
      {failures.map(([uid, c]) => (
        <p key={uid} className="alert-banner" role="alert">
          Could not enforce {policies.find((p) => p.metadata.uid === uid)?.metadata.name ?? uid}: {c.state === 'failed' ? c.message : ''}. It stays in audit mode.
        </p>
      ))}
      {rows.length === 0 ? (
        <div className="chart-empty" role="status">
          <p className="chart-empty-title">No policy is in audit mode</p>
          <p className="muted">New policies start in audit mode: they record deviations without acting, until you are confident enough to enforce them.</p>
        </div>
      ) : (
        <DataTable label="Enforce readiness" rows={visible} columns={columns} getRowId={(r) => r.uid} rowHeight={48} maxHeight={48 * 10} />
      )}
      {confirm && (
        <ModeChangeDialog
          policy={confirm}
          target="enforce"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const p = confirm;
            setConfirm(null);
            change(p, 'enforce')
              .then(() => setDone(p.metadata.name))
              .catch(() => undefined);
          }}
        />
      )}
      {recent.isError && <p className="field-error">Could not count recent deviations ({recent.error.message}); the list is unsorted.</p>}
    </section>
  );
}
