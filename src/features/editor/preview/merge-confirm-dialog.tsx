import { Dialog } from '../../../components/ui/dialog.tsx';
import type { PendingMerge } from './use-add-to-policy.ts';

/** A merge that widens or drops a selector is applied only after the user agrees. */
export function MergeConfirmDialog({ pending, onConfirm, onCancel }: { pending: PendingMerge | null; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog
      open={pending !== null}
      title="Adding this changes what the policy covers"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Keep the draft as it is
          </button>
          <button type="button" className="btn btn-primary" onClick={onConfirm}>
            Add and change the selectors
          </button>
        </>
      }
    >
      {pending !== null && (
        <>
          <p>
            Merging <strong>{pending.title}</strong> into the draft also changes its selectors:
          </p>
          <ul className="pv-warnings">
            {pending.warnings.map((w, i) => (
              <li key={i}>
                {w.path !== undefined && <code>{w.path}</code>} {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
