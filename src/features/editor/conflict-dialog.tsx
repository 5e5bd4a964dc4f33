import { Dialog } from '../../components/ui/dialog.tsx';

/** Someone else saved first: show base, theirs and mine, and offer to rebase mine onto theirs. */
export function ConflictDialog({
  base,
  theirs,
  mine,
  theirVersion,
  onRebase,
  onClose,
}: {
  base: string;
  theirs: string;
  mine: string;
  theirVersion: number | undefined;
  onRebase: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open
      wide
      title="Someone else changed this policy"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep editing (nothing is lost)
          </button>
          <button type="button" className="btn btn-primary" onClick={onRebase}>
            Rebase my edit onto theirs
          </button>
        </>
      }
    >
      <p>
        Your changes were <strong>not</strong> saved: the policy is now at version {theirVersion ?? '?'}. Your edit is kept as a draft. Rebasing takes their version and re-applies what you changed; where you both changed the same
        value, yours is kept and listed for review.
      </p>
      <div className="conflict-grid" data-testid="conflict-view">
        <section>
          <h3 className="sub">Base (what you started from)</h3>
          <pre className="code-block">{base}</pre>
        </section>
        <section>
          <h3 className="sub">Theirs (v{theirVersion ?? '?'})</h3>
          <pre className="code-block">{theirs}</pre>
        </section>
        <section>
          <h3 className="sub">Yours</h3>
          <pre className="code-block">{mine}</pre>
        </section>
      </div>
    </Dialog>
  );
}
