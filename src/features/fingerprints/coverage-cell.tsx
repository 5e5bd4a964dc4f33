import { Link } from 'react-router';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import type { PolicyHits } from '../../components/coverage/fingerprint-coverage.ts';

/** "Covered by": the main covering policy with its status, how much of the group it covers, and how many more. */
export function CoverageCell({ policies, policyIndices, covered, total, known }: { policies: readonly SpyderbatPolicy[] | undefined; policyIndices: PolicyHits; covered: number; total: number; known: boolean }) {
  if (!known) return <span className="muted" title="Checking which policies cover this">checking…</span>;
  const main = policyIndices[0] === undefined ? undefined : policies?.[policyIndices[0]];
  if (!main) return <span className="badge cov-none">Not covered</span>;
  const uid = main.metadata.uid;
  const more = policyIndices.length - 1;
  const names = Array.from(policyIndices, (i) => policies?.[i]?.metadata.name ?? '').filter(Boolean);
  return (
    <span className="row gap cov-cell" title={`Covered by ${names.join(', ')}`}>
      <StatusBadge status={policyStatus(main)} />
      {uid ? (
        <Link to={`/policies/${encodeURIComponent(uid)}`} onClick={(e) => e.stopPropagation()} className="cov-name">
          {main.metadata.name}
        </Link>
      ) : (
        <span className="cov-name">{main.metadata.name}</span>
      )}
      {covered < total && <span className="muted">{`${covered}/${total}`}</span>}
      {more > 0 && <span className="muted">+{more}</span>}
    </span>
  );
}
