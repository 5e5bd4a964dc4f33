import { useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { createPolicy, onPolicySaved, updatePolicy } from '../../api/policies.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { Dialog } from '../../components/ui/dialog.tsx';
import { planImport, type ImportFile, type ImportPlan } from './import-plan.ts';
import { runBulk, type BulkResult } from './run-bulk.ts';

async function readFiles(list: FileList | File[]): Promise<ImportFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/** Import policies from YAML files (drag and drop or pick); nothing is sent until every document is valid. */
export function ImportDialog({ existing, onClose }: { existing: readonly SpyderbatPolicy[]; onClose: () => void }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<ImportFile[]>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [over, setOver] = useState(false);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<BulkResult[] | null>(null);

  const accept = async (list: FileList | File[]): Promise<void> => {
    const read = await readFiles(list);
    setFiles(read);
    setResults(null);
    setPlan(planImport(read, existing));
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    void accept(e.dataTransfer.files);
  };
  const run = async (): Promise<void> => {
    if (!plan) return;
    setRunning(true);
    const out = await runBulk(
      plan.items,
      (i) => ({ id: `${i.file}:${i.policy.metadata.name}`, label: `${i.action === 'create' ? 'Create' : 'Update'} ${i.policy.metadata.name}` }),
      async (i) => {
        const saved = i.action === 'create' ? await createPolicy(client, i.policy) : await updatePolicy(client, i.policy, { baseVersion: i.policy.metadata.version ?? 0 });
        await onPolicySaved(queryClient, saved);
      },
      () => undefined,
    );
    setResults(out);
    setRunning(false);
  };

  const blocked = !plan || plan.errors.length > 0 || plan.items.length === 0;
  return (
    <Dialog
      open
      wide
      title="Import policies"
      onClose={() => !running && onClose()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={running}>
            {results ? 'Close' : 'Cancel'}
          </button>
          {!results && (
            <button type="button" className="btn btn-primary" disabled={blocked || running} onClick={() => void run()}>
              {running ? 'Importing…' : `Import ${plan?.items.length ?? 0} ${plan?.items.length === 1 ? 'policy' : 'policies'}`}
            </button>
          )}
        </>
      }
    >
      <div
        className={`drop-zone ${over ? 'active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
      >
        <p>Drop YAML files here (single or multi-document, or spyctl <code>items</code> lists), or</p>
        <label className="btn">
          Choose files
          <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" multiple hidden onChange={(e) => e.target.files && void accept(e.target.files)} data-testid="import-file-input" />
        </label>
      </div>
      {files.length > 0 && plan && (
        <div role="status" aria-live="polite" data-testid="import-plan">
          <p>
            {files.length} file{files.length === 1 ? '' : 's'}: {plan.items.length} polic{plan.items.length === 1 ? 'y' : 'ies'} found
            {plan.errors.length > 0 && <strong className="result-failed"> — {plan.errors.length} error{plan.errors.length === 1 ? '' : 's'}; fix them and choose the files again. Nothing was imported.</strong>}
          </p>
          {plan.errors.length > 0 && (
            <ul className="diag-list" data-testid="import-errors">
              {plan.errors.map((d, i) => (
                <li key={i}>
                  {d.file}:{d.line}:{d.column}: {d.path ? `${d.path}: ` : ''}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
          {plan.skipped.length > 0 && (
            <ul className="result-list muted">
              {plan.skipped.map((s) => (
                <li key={s}>Skipped — {s}</li>
              ))}
            </ul>
          )}
          {plan.errors.length === 0 && !results && (
            <ul className="result-list">
              {plan.items.map((i) => (
                <li key={`${i.file}:${i.policy.metadata.name}`}>
                  {i.action === 'create' ? 'Create' : 'Update'} <strong>{i.policy.metadata.name}</strong> <span className="muted">({i.file})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {results && (
        <div role="status" data-testid="bulk-result">
          <p>
            <strong>
              {results.filter((r) => r.ok).length} done, {results.filter((r) => !r.ok).length} failed
            </strong>
          </p>
          <ul className="result-list">
            {results.map((r) => (
              <li key={r.id} className={r.ok ? 'result-ok' : 'result-failed'}>
                <span aria-hidden="true">{r.ok ? '✓' : '✕'}</span> {r.label}
                {r.message && <span className="muted"> — {r.message}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
