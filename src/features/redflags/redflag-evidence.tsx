import { Link } from 'react-router';
import type { RedFlag } from '../../api/types.ts';
import { RelativeTime } from '../../components/ui/relative-time.tsx';

/** What a red flag refers to, where, and links to the policy and the deviations around it. */
export function RedFlagEvidence({ flag }: { flag: RedFlag }) {
  const around = new URLSearchParams({ from: String(flag.time - 3600), to: String(flag.time + 3600) });
  if (flag.policyUid) around.set('policy', flag.policyUid);
  if (flag.clusterName) around.set('cluster', flag.clusterName);
  if (flag.namespace) around.set('ns', flag.namespace);
  const fromDeviation = flag.flagClass.includes('guardian_deviation');
  return (
    <div className="evidence" data-testid="evidence">
      <p className="evidence-desc">{flag.description}</p>
      <dl className="kv kv-compact">
        <dt>Raised</dt>
        <dd>
          <RelativeTime epochSeconds={flag.time} /> <span className="muted">({new Date(flag.time * 1000).toISOString().replace('.000Z', 'Z')})</span>
        </dd>
        <dt>Class</dt>
        <dd className="mono">{flag.flagClass.join(' / ') || '—'}</dd>
        <dt>Refers to</dt>
        <dd className="mono">{flag.ref || '—'}</dd>
        <dt>Where</dt>
        <dd>
          {flag.clusterName ?? '—'}
          {flag.namespace && ` · namespace ${flag.namespace}`}
          {flag.muid && <span className="mono"> · {flag.muid}</span>}
        </dd>
        <dt>Raised by</dt>
        <dd>{flag.policyUid ? <Link to={`/policies/${encodeURIComponent(flag.policyUid)}`}>{flag.policyName ?? flag.policyUid}</Link> : 'a detection (no policy)'}</dd>
        <dt>Flag id</dt>
        <dd className="mono">{flag.id}</dd>
      </dl>
      <div className="evidence-actions">
        {flag.policyUid && (
          <Link className="btn" to={`/policies/${encodeURIComponent(flag.policyUid)}`}>
            Open policy
          </Link>
        )}
        {(fromDeviation || flag.policyUid) && (
          <Link className="btn" to={`/deviations?${around.toString()}`}>
            Deviations within an hour
          </Link>
        )}
        {flag.policyUid && (
          <Link className="btn btn-ghost" to={`/deviations?tab=audit&policy=${encodeURIComponent(flag.policyUid)}`}>
            Audit log of this policy
          </Link>
        )}
      </div>
    </div>
  );
}
