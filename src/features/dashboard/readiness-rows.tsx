import { Link } from 'react-router';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { formatCount } from '../../components/charts/format.ts';
import { Sparkline } from '../../components/ui/sparkline.tsx';
import { dailyFromChecksumBuckets, daysAgoText, readinessVerdict, wholeDays, type CoverageState } from './readiness.ts';
import { useReadinessPage } from './readiness-data.ts';

const TYPE_LABEL: Record<string, string> = { container: 'container', 'linux-service': 'Linux service', cluster: 'cluster' };

function epochOf(v: number | string | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v === '') return null;
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t / 1000 : null;
}

function CoverageText({ c }: { c: CoverageState }) {
  if (c.state === 'n/a')
    return (
      <span className="muted" title="Cluster policies are checked by their rulesets">
        n/a
      </span>
    );
  if (c.state === 'pending') return <span className="muted">checking…</span>;
  if (c.state === 'error')
    return (
      <span className="field-error" title={c.message}>
        unknown
      </span>
    );
  const full = c.total > 0 && c.covered === c.total;
  return (
    <span className={full ? 'coverage-full' : 'coverage-partial'} title="Replicas whose fingerprint the policy fully covers (the engine finds no deviation)">
      {c.covered} / {c.total}
    </span>
  );
}

/**
 * A page of readiness rows (a <tbody>): their data comes in three requests for the whole
 * page, not per row.
 */
export function ReadinessRows({
  policies,
  now,
  onEnforce,
  pendingUid,
}: {
  policies: readonly SpyderbatPolicy[];
  now: number;
  onEnforce: (p: SpyderbatPolicy) => void;
  pendingUid: (uid: string) => boolean;
}) {
  const page = useReadinessPage(policies);
  return (
    <tbody>
      {policies.map((p) => {
        const uid = p.metadata.uid ?? p.metadata.name;
        const buckets = page.series?.[uid];
        const coverage = page.coverage(p);
        const created = epochOf(p.metadata.creationTimestamp);
        const daily = buckets ? dailyFromChecksumBuckets(buckets) : null;
        const verdict = daily ? readinessVerdict({ ...daily, auditDays: created !== null ? wholeDays(created, now) : null, coverage }) : null;
        const recent = daily ? daily.daily.slice(-14) : null;
        return (
          <tr key={uid} data-testid="readiness-row">
            <th scope="row">
              <span className="cell-stack">
                <Link to={`/policies/${encodeURIComponent(uid)}`}>{p.metadata.name}</Link>
                <span className="muted small">{TYPE_LABEL[p.metadata.type] ?? p.metadata.type}</span>
              </span>
            </th>
            <td>
              {recent ? (
                <span className="row gap">
                  <Sparkline values={recent} label={`Deviations per day, last 14 days, oldest first: ${recent.join(', ')}`} width={84} />
                  <span className="muted num">{formatCount(recent.reduce((a, b) => a + b, 0))}</span>
                </span>
              ) : (
                <span className="muted">{page.seriesError ? 'unavailable' : '…'}</span>
              )}
            </td>
            <td>
              {verdict ? (
                verdict.lastNewDaysAgo === null ? (
                  <span className="muted" title="No new deviation in the last 30 days">
                    none (30 d)
                  </span>
                ) : (
                  daysAgoText(verdict.lastNewDaysAgo)
                )
              ) : (
                <span className="muted">…</span>
              )}
            </td>
            <td>
              <CoverageText c={coverage} />
            </td>
            <td>
              {verdict ? (
                <span className={`verdict verdict-${verdict.kind}`} title={verdict.text} data-testid="verdict">
                  {verdict.text}
                </span>
              ) : (
                <span className="muted">…</span>
              )}
            </td>
            <td className="actions">
              <button
                type="button"
                className={`btn ${verdict?.kind === 'ready' ? 'btn-primary' : ''}`}
                disabled={pendingUid(uid)}
                onClick={() => onEnforce(p)}
                aria-label={`Enforce ${p.metadata.name}…`}
              >
                Enforce…
              </button>
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}
