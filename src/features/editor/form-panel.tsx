import { readForm, applyForm, KILL_ACTIONS, type PolicyForm, type ScopedKill } from './form-sync.ts';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** The common edits as a form, in sync with the YAML; locked while the YAML is invalid. */
export function FormPanel({ text, onChange }: { text: string; onChange: (next: string) => void }) {
  const read = readForm(text);
  if (!read.ok) {
    return (
      <div className="panel form-locked" role="status" data-testid="form-locked">
        <h2>Form locked</h2>
        <p>
          The YAML does not parse (line {read.line}: {read.message}). Fix it in the editor; the form comes back as soon as the document is readable.
        </p>
      </div>
    );
  }
  const f = read.form;
  const set = (patch: Partial<PolicyForm>): void => onChange(applyForm(text, patch));
  const setKill = (i: number, patch: Partial<ScopedKill>): void => set({ kills: f.kills.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  return (
    <form className="policy-form" aria-label="Policy settings" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="pf-name">Name</label>
        <input id="pf-name" className="input" value={f.name} onChange={(e) => set({ name: e.target.value })} />
      </div>
      <div className="field">
        <span className="label">Mode</span>
        <div className="row gap">
          <label>
            <input type="radio" name="pf-mode" checked={f.mode === 'audit'} onChange={() => set({ mode: 'audit' })} /> Audit
          </label>
          <label>
            <input type="radio" name="pf-mode" checked={f.mode === 'enforce'} onChange={() => set({ mode: 'enforce' })} /> Enforce
          </label>
          <label>
            <input type="checkbox" checked={f.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
          </label>
        </div>
      </div>
      {f.type === 'container' && (
        <div className="field">
          <label htmlFor="pf-image">Container image (glob)</label>
          <input id="pf-image" className="input" value={f.image} onChange={(e) => set({ image: e.target.value })} placeholder="docker.io/library/nginx:*" />
        </div>
      )}
      {f.type === 'linux-service' && (
        <div className="field">
          <label htmlFor="pf-cgroup">Service cgroup (glob)</label>
          <input id="pf-cgroup" className="input" value={f.cgroup} onChange={(e) => set({ cgroup: e.target.value })} />
        </div>
      )}
      {f.type !== 'linux-service' && (
        <div className="field">
          <label htmlFor="pf-ns">Namespace</label>
          <input id="pf-ns" className="input" value={f.namespace} onChange={(e) => set({ namespace: e.target.value })} placeholder="any namespace" />
        </div>
      )}
      <div className="field">
        <label htmlFor="pf-sev">Default red flag severity</label>
        <select id="pf-sev" className="input" value={f.redFlagSeverity} onChange={(e) => set({ redFlagSeverity: e.target.value as PolicyForm['redFlagSeverity'] })}>
          <option value="">No default red flag</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend className="label">Kill actions (scoped)</legend>
        {f.kills.length === 0 && <p className="muted">None: deviations only raise flags.</p>}
        {f.kills.map((k, i) => (
          <div key={i} className="kill-row">
            <select className="input" aria-label={`Kill action ${i + 1}`} value={k.action} onChange={(e) => setKill(i, { action: e.target.value as ScopedKill['action'] })}>
              {KILL_ACTIONS.filter((a) => f.type !== 'linux-service' || a !== 'agentKillPod').map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
            <input className="input" aria-label={`Namespace of kill action ${i + 1}`} placeholder="namespace" value={k.namespace} onChange={(e) => setKill(i, { namespace: e.target.value })} />
            <input className="input" aria-label={`Pod label of kill action ${i + 1}`} placeholder="pod label key=value" value={k.podLabel} onChange={(e) => setKill(i, { podLabel: e.target.value })} />
            <button type="button" className="btn btn-ghost" aria-label={`Remove kill action ${i + 1}`} onClick={() => set({ kills: f.kills.filter((_, j) => j !== i) })}>
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ kills: [...f.kills, { action: f.type === 'linux-service' ? 'agentKillProcess' : 'agentKillPod', namespace: f.namespace, podLabel: '' }] })}
        >
          Add kill action
        </button>
        <p className="muted">A kill action needs a namespace or pod label: the validator flags one without a selector.</p>
      </fieldset>
    </form>
  );
}
