import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { countByQuery } from '../../api/aggregates.ts';
import { useApiClient } from '../../api/data-source-context.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { ModeChangeDialog } from '../../components/policy-mode/mode-change-dialog.tsx';
import { useModeChange } from '../../components/policy-mode/use-mode-change.ts';
import { formatCount } from '../../components/charts/format.ts';
import { READY_DAYS } from './readiness.ts';
import { ReadinessRows } from './readiness-rows.tsx';

const PAGE = 10;

interface Row {
  uid: string;
  policy: SpyderbatPolicy;
  /** Deviations in the last 7 days (one aggregate over every audit-mode policy). */
  recent: number | undefined;
}

type Show = 'all' | 'quiet' | 'deviating';

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Audit-mode policies and whether each is ready to enforce, quietest first, ten at a
 * time; "Enforce…" opens the policies page's mode-change confirmation with its preview.
 */
export function ReadinessPanel({ policies, loading, now, policyFilter }: { policies: readonly SpyderbatPolicy[]; loading: boolean; now: number; policyFilter: string }) {
  const client = useApiClient();
  const recent = useQuery(countByQuery(client, { schema: 'event_deviation', fields: ['policy_uid'], days: READY_DAYS, policyMode: 'audit' }));
  const { changes, change } = useModeChange();
  const [confirm, setConfirm] = useState<SpyderbatPolicy | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [show, setShow] = useState<Show>('all');
  const [limit, setLimit] = useState(PAGE);

  const rows = useMemo(() => {
    const counts = new Map((recent.data ?? []).map((g) => [g.values.policy_uid ?? '', g.count]));
    return policies
      .filter((p) => policyStatus(p) === 'Auditing' && (!policyFilter || p.metadata.uid === policyFilter))
      .map((p): Row => ({ uid: p.metadata.uid ?? p.metadata.name, policy: p, recent: recent.data ? (counts.get(p.metadata.uid ?? '') ?? 0) : undefined }))
      .sort((a, b) => (a.recent ?? 0) - (b.recent ?? 0) || a.policy.metadata.name.localeCompare(b.policy.metadata.name));
  }, [policies, recent.data, policyFilter]);
  const quiet = rows.filter((r) => r.recent === 0).length;
  const matching = rows.filter((r) => show === 'all' || (show === 'quiet' ? r.recent === 0 : (r.recent ?? 0) > 0));
  const shown = matching.slice(0, limit);
  const failures = Object.entries(changes).filter(([, c]) => c.state === 'failed');
  const waiting = recent.isPending || loading;

  return (
    <section className="panel span-full" aria-labelledby="readiness-title" data-testid="readiness">
      <header className="chart-head">
        <div>
          <h2 id="readiness-title">Enforce readiness</h2>
          <p className="muted chart-desc">A policy in audit mode is ready when it saw no new deviation for {READY_DAYS} days and every replica in its scope is fully covered by it.</p>
        </div>
        {rows.length > 0 && (
          <div className="seg-toggle" role="group" aria-label="Show policies">
            {(['all', 'quiet', 'deviating'] as const).map((s) => (
              <button
                key={s}
                type="button"
                className={`segment ${show === s ? 'on' : ''}`}
                aria-pressed={show === s}
                onClick={() => {
                  setShow(s);
                  setLimit(PAGE);
                }}
              >
                {s === 'all'
                  ? `All (${formatCount(rows.length)})`
                  : s === 'quiet'
                    ? `Quiet for ${READY_DAYS} d (${recent.data ? formatCount(quiet) : '…'})`
                    : `Deviating (${recent.data ? formatCount(rows.length - quiet) : '…'})`}
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
      {waiting ? (
        <div className="skeleton chart-skeleton" style={{ height: 200 }} role="status" aria-label="Loading enforce readiness" />
      ) : rows.length === 0 ? (
        <div className="chart-empty" role="status">
          <p className="chart-empty-title">No policy is in audit mode</p>
          <p className="muted">New policies start in audit mode: they record deviations without acting, until you are confident enough to enforce them.</p>
        </div>
      ) : (
        <>
          <div className="table-scroll">
            <table className="readiness-table" aria-label="Enforce readiness">
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">Daily, 14 d</th>
                  <th scope="col">Last new</th>
                  <th scope="col">Replicas</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              {chunks(shown, PAGE).map((chunk) => (
                <ReadinessRows key={chunk.map((r) => r.uid).join('|')} policies={chunk.map((r) => r.policy)} now={now} onEnforce={setConfirm} pendingUid={(uid) => changes[uid]?.state === 'pending'} />
              ))}
            </table>
          </div>
          <div className="readiness-more">
            <span className="muted">
              Showing {formatCount(shown.length)} of {formatCount(matching.length)}
            </span>
            {shown.length < matching.length && (
              <button type="button" className="btn" onClick={() => setLimit(limit + PAGE)}>
                Show {Math.min(PAGE, matching.length - shown.length)} more
              </button>
            )}
          </div>
        </>
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
