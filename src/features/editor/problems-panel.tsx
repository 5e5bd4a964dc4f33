import type { EngineDiagnostic } from '../../engine/model/types.ts';

/** Every problem of the draft, located; clicking one moves the editor there. */
export function ProblemsPanel({ problems, onJump }: { problems: readonly EngineDiagnostic[]; onJump: (d: EngineDiagnostic) => void }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h2>
        Problems{' '}
        <span className={errors ? 'badge sev-critical' : 'badge status-enforcing'}>{errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'valid'}</span>
        {problems.length > errors && <span className="badge sev-medium">{problems.length - errors} warnings</span>}
      </h2>
      {problems.length === 0 ? (
        <p className="muted">The draft is a valid policy.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li key={`${p.line}:${p.column}:${i}`}>
              <button type="button" className={`problem ${p.severity}`} onClick={() => onJump(p)}>
                <span className="problem-pos">
                  {p.line}:{p.column}
                </span>
                <span>{p.message}</span>
                {p.path && <code className="muted">{p.path}</code>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
