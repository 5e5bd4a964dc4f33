import { Link } from 'react-router';
import { buildPolicyHref, MAX_BUILD_FINGERPRINTS } from './fingerprint-filters.ts';

/** What is selected and the hand-off to policy authoring. */
export function SelectionBar({ ids, groups, hidden, onClear, onKeepRecent }: { ids: readonly string[]; groups: number; hidden: number; onClear: () => void; onKeepRecent: () => void }) {
  if (ids.length === 0) return null;
  const tooMany = ids.length > MAX_BUILD_FINGERPRINTS;
  return (
    <div className="bulk-bar" role="region" aria-label="Selection">
      <strong data-testid="selection-count">
        {ids.length.toLocaleString()} fingerprint{ids.length === 1 ? '' : 's'} selected
      </strong>
      <span className="muted">
        in {groups.toLocaleString()} group{groups === 1 ? '' : 's'}
        {hidden > 0 ? ` · ${hidden.toLocaleString()} hidden by the filters` : ''}
      </span>
      {tooMany ? (
        <>
          <span className="muted">A policy is built from at most {MAX_BUILD_FINGERPRINTS} fingerprints: narrow the selection or</span>
          <button type="button" className="btn" onClick={onKeepRecent}>
            Keep the {MAX_BUILD_FINGERPRINTS} most recently seen
          </button>
        </>
      ) : (
        <Link className="btn btn-primary" to={buildPolicyHref(ids)}>
          Build policy
        </Link>
      )}
      <button type="button" className="btn btn-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
