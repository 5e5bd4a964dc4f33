import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { deviationListQuery } from '../../api/deviations.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { describeModeChange, enforceImpact, modeTargetOf, STATUS_OF_TARGET, type ModeTarget } from '../../engine/impact/index.ts';
import { Dialog } from '../ui/dialog.tsx';

const PREVIEW_DAYS = 7;

function EnforcePreview({ policy }: { policy: SpyderbatPolicy }) {
  const client = useApiClient();
  const uid = policy.metadata.uid ?? '';
  const q = useQuery({ ...deviationListQuery(client, { policyUid: uid, days: PREVIEW_DAYS }), enabled: uid !== '' });
  if (q.isPending) return <p className="muted" role="status">Replaying the last {PREVIEW_DAYS} days of deviations…</p>;
  if (q.isError) return <p className="field-error">Could not load recorded deviations ({q.error.message}); the consequence above still applies.</p>;
  const impact = enforceImpact(policy, q.data);
  return (
    <div className="impact" data-testid="enforce-impact">
      <p>
        In the last {PREVIEW_DAYS} days this policy recorded <strong>{impact.deviations}</strong> deviation{impact.deviations === 1 ? '' : 's'} ({impact.uniqueDeviations} distinct). Enforcing, it{' '}
        <strong>{impact.text}</strong>.
      </p>
      {impact.namespaces.length > 1 && <p className="muted">Namespaces: {impact.namespaces.join(', ')}</p>}
    </div>
  );
}

/** Confirms a mode change, saying what it means; for Enforce, what would have happened. */
export function ModeChangeDialog({ policy, target, onConfirm, onCancel }: { policy: SpyderbatPolicy; target: ModeTarget; onConfirm: () => void; onCancel: () => void }) {
  const from = modeTargetOf(policy);
  return (
    <Dialog
      open
      title={`${STATUS_OF_TARGET[from]} → ${STATUS_OF_TARGET[target]}: ${policy.metadata.name}`}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={`btn ${target === 'enforce' ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm}>
            {target === 'enforce' ? 'Enforce policy' : target === 'audit' ? 'Switch to audit' : 'Disable policy'}
          </button>
        </>
      }
    >
      <p>{describeModeChange(from, target)}</p>
      {target === 'enforce' && <EnforcePreview policy={policy} />}
      <p className="muted">The change is saved as a new version of the policy (v{(policy.metadata.version ?? 0) + 1}); if someone else changed it meanwhile, nothing is overwritten.</p>
    </Dialog>
  );
}
