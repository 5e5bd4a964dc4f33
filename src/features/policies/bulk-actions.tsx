import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { deletePolicy, onPolicyDeleted, onPolicySaved, updatePolicy } from '../../api/policies.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { withModeTarget } from '../../engine/impact/index.ts';
import { toYaml } from '../../engine/yaml/index.ts';
import { Dialog } from '../../components/ui/dialog.tsx';
import { runBulk, type BulkResult } from './run-bulk.ts';

type BulkKind = 'audit' | 'enforce' | 'enable' | 'disable' | 'delete';

const TITLES: Record<BulkKind, string> = {
  audit: 'Set mode to Audit',
  enforce: 'Set mode to Enforce',
  enable: 'Enable',
  disable: 'Disable',
  delete: 'Delete',
};
const CONSEQUENCE: Record<BulkKind, string> = {
  audit: 'Deviations are recorded and actions only logged as what would have happened. Disabled policies stay disabled.',
  enforce: 'Deviations trigger the response actions for real (red flags, kills). Disabled policies stay disabled until enabled.',
  enable: 'The policies evaluate workloads again in their current mode.',
  disable: 'The policies stop evaluating workloads; no deviations or actions until enabled again.',
  delete: 'The policies are removed from the organization. This cannot be undone from the console.',
};

function edit(kind: Exclude<BulkKind, 'delete'>, p: SpyderbatPolicy): SpyderbatPolicy {
  switch (kind) {
    case 'audit':
    case 'enforce':
      return { ...p, spec: { ...p.spec, mode: kind } } as SpyderbatPolicy;
    case 'enable':
      return withModeTarget(p, p.spec.mode === 'enforce' ? 'enforce' : 'audit');
    case 'disable':
      return withModeTarget(p, 'disabled');
  }
}

/** Downloads text as a file (no server round trip). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportPolicies(policies: readonly SpyderbatPolicy[]): void {
  download(policies.length === 1 ? `${policies[0]?.metadata.name ?? 'policy'}.yaml` : `policies-${policies.length}.yaml`, toYaml([...policies]));
}

/** Actions on the selected policies, with a confirmation, progress and a per-item result list. */
export function BulkActions({ selected, onDone }: { selected: readonly SpyderbatPolicy[]; onDone: () => void }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<BulkKind | null>(null);
  const [typed, setTyped] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(0);
  const [results, setResults] = useState<BulkResult[] | null>(null);

  const close = (): void => {
    if (running) return;
    if (results) onDone();
    setKind(null);
    setResults(null);
    setTyped('');
    setProgress(0);
  };

  const run = async (k: BulkKind): Promise<void> => {
    setRunning(true);
    const out = await runBulk(
      selected,
      (p) => ({ id: p.metadata.uid ?? p.metadata.name, label: p.metadata.name }),
      async (p) => {
        if (k === 'delete') {
          await deletePolicy(client, p.metadata.uid ?? '');
          await onPolicyDeleted(queryClient, p.metadata.uid ?? '');
        } else {
          const saved = await updatePolicy(client, edit(k, p), { baseVersion: p.metadata.version ?? 0 });
          await onPolicySaved(queryClient, saved);
        }
      },
      (done) => setProgress(done),
    );
    setResults(out);
    setRunning(false);
  };

  const failed = results?.filter((r) => !r.ok) ?? [];
  const ok = results?.filter((r) => r.ok) ?? [];
  const confirmWord = 'delete';

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong>{selected.length} selected</strong>
      {(['audit', 'enforce', 'enable', 'disable'] as const).map((k) => (
        <button key={k} type="button" className="btn" onClick={() => setKind(k)}>
          {TITLES[k]}
        </button>
      ))}
      <button type="button" className="btn" onClick={() => exportPolicies(selected)}>
        Export YAML
      </button>
      <button type="button" className="btn btn-danger" onClick={() => setKind('delete')}>
        Delete
      </button>
      {kind && (
        <Dialog
          open
          title={`${TITLES[kind]}: ${selected.length} ${selected.length === 1 ? 'policy' : 'policies'}`}
          onClose={close}
          footer={
            results ? (
              <button type="button" className="btn btn-primary" onClick={close}>
                Close
              </button>
            ) : (
              <>
                <button type="button" className="btn" onClick={close} disabled={running}>
                  Cancel
                </button>
                <button
                  type="button"
                  className={`btn ${kind === 'delete' || kind === 'enforce' ? 'btn-danger' : 'btn-primary'}`}
                  disabled={running || (kind === 'delete' && typed !== confirmWord)}
                  onClick={() => void run(kind)}
                >
                  {running ? `Working… ${progress}/${selected.length}` : TITLES[kind]}
                </button>
              </>
            )
          }
        >
          <p>{CONSEQUENCE[kind]}</p>
          {!results && (
            <ul className="result-list">
              {selected.map((p) => (
                <li key={p.metadata.uid ?? p.metadata.name}>{p.metadata.name}</li>
              ))}
            </ul>
          )}
          {kind === 'delete' && !results && (
            <div className="field">
              <label htmlFor="bulk-delete-confirm">
                Type <code>{confirmWord}</code> to confirm
              </label>
              <input id="bulk-delete-confirm" className="input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            </div>
          )}
          {running && <progress max={selected.length} value={progress} aria-label="Progress" style={{ width: '100%' }} />}
          {results && (
            <div role="status" data-testid="bulk-result">
              <p>
                <strong>
                  {ok.length} done, {failed.length} failed
                </strong>
              </p>
              <ul className="result-list">
                {results.map((r) => (
                  <li key={r.id} className={r.ok ? 'result-ok' : 'result-failed'}>
                    <span aria-hidden="true">{r.ok ? '✓' : '✕'}</span>
                    <span>{r.label}</span>
                    {r.message && <span className="muted">— {r.message}</span>}
                  </li>
                ))}
              </ul>
              {failed.length > 0 && <p className="muted">Failed policies were left unchanged. Select them and try again.</p>}
            </div>
          )}
        </Dialog>
      )}
    </div>
  );
}
