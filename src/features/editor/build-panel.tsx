import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { fingerprintListQuery } from '../../api/fingerprints.ts';
import { policyListQuery } from '../../api/policies.ts';
import type { SpyderbatFingerprint } from '../../engine/model/types.ts';
import type { MergeWarning, WildcardNote } from '../../engine/spyderbat/types.ts';
import { dumpYaml } from '../../engine/spyderbat/yaml-dump.ts';
import { getEngineClient } from '../../components/engine/use-engine.ts';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { applyForm } from './form-sync.ts';

export interface Provenance {
  fingerprints: { id: string; label: string }[];
  wildcards: WildcardNote[];
  warnings: MergeWarning[];
}

function fpId(fp: SpyderbatFingerprint): string {
  const id = fp.metadata.id;
  return typeof id === 'string' ? id : '';
}

function fpLabel(fp: SpyderbatFingerprint): string {
  const m = fp.metadata as Record<string, unknown>;
  const where = [m.cluster_name, m.namespace, m.containerName ?? m.hostname].filter((x) => typeof x === 'string').join(' / ');
  return `${typeof m.image === 'string' ? m.image : fp.metadata.name}${where ? ` — ${where}` : ''}`;
}

function suggestName(fps: readonly SpyderbatFingerprint[]): string {
  const first = fps[0];
  if (!first) return 'new-policy';
  const m = first.metadata as Record<string, unknown>;
  const base = typeof m.image === 'string' ? (m.image.split('/').pop() ?? '').split(':')[0] : String(first.metadata.name).split('/').pop()?.replace(/\.service$/, '');
  return `${(base ?? 'policy').replace(/[^A-Za-z0-9_.-]/g, '-')}-policy`;
}

/** Name and options for a policy built from fingerprints; the engine builds it exactly as spyctl would. */
export function BuildPanel({ ids, onBuilt }: { ids: readonly string[]; onBuilt: (yaml: string, provenance: Provenance) => void }) {
  const client = useApiClient();
  const fps = useQuery(fingerprintListQuery(client));
  const policies = useQuery(policyListQuery(client));
  const chosen = useMemo(() => (fps.data ?? []).filter((f) => ids.includes(fpId(f))), [fps.data, ids]);
  const [name, setName] = useState<string | null>(null);
  const [mode, setMode] = useState<'audit' | 'enforce'>('audit');
  const [keepImageId, setKeepImageId] = useState(false);
  const [severity, setSeverity] = useState<'critical' | 'high' | 'medium' | 'low' | 'info'>('high');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (fps.isPending) return <SkeletonRows label="Loading fingerprints" />;
  if (fps.isError) return <ErrorState title="Could not load fingerprints" error={fps.error} onRetry={() => void fps.refetch()} />;
  const effectiveName = name ?? suggestName(chosen);
  const taken = (policies.data ?? []).some((p) => p.metadata.name === effectiveName);
  const nameError = !effectiveName ? 'A name is required.' : /\s/.test(effectiveName) ? 'Names cannot contain spaces (spyctl rejects them).' : taken ? 'A policy with this name already exists.' : null;
  const missing = ids.filter((id) => !chosen.some((f) => fpId(f) === id));

  const build = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await getEngineClient().createPolicy(chosen, { name: effectiveName, mode, keepImageId, key: null });
      // The default response already raises a high red flag; only a different choice edits it.
      const yaml = severity === 'high' ? spyctlYaml(r.policy) : applyForm(spyctlYaml(r.policy), { redFlagSeverity: severity });
      onBuilt(yaml, { fingerprints: chosen.map((f) => ({ id: fpId(f), label: fpLabel(f) })), wildcards: r.wildcards, warnings: r.warnings });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="Build a policy from fingerprints">
      <h2>Build from {chosen.length} fingerprint{chosen.length === 1 ? '' : 's'}</h2>
      <ul className="result-list provenance" data-testid="build-inputs">
        {chosen.map((f) => (
          <li key={fpId(f)}>{fpLabel(f)}</li>
        ))}
      </ul>
      {missing.length > 0 && <p className="field-error">{missing.length} selected fingerprint(s) are no longer recorded and were left out.</p>}
      <form
        className="policy-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!nameError && chosen.length > 0) void build();
        }}
      >
        <div className="field">
          <label htmlFor="build-name">Policy name</label>
          <input id="build-name" className="input" value={effectiveName} onChange={(e) => setName(e.target.value)} aria-invalid={nameError !== null} aria-describedby="build-name-error" />
          {nameError && (
            <span id="build-name-error" className="field-error">
              {nameError}
            </span>
          )}
        </div>
        <div className="field">
          <span className="label">Mode</span>
          <div className="row gap">
            <label>
              <input type="radio" checked={mode === 'audit'} onChange={() => setMode('audit')} /> Audit (recommended first)
            </label>
            <label>
              <input type="radio" checked={mode === 'enforce'} onChange={() => setMode('enforce')} /> Enforce
            </label>
          </div>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={keepImageId} onChange={(e) => setKeepImageId(e.target.checked)} /> Include the image ID (pins the policy to this exact build)
          </label>
        </div>
        <div className="field">
          <label htmlFor="build-sev">Default red flag severity</label>
          <select id="build-sev" className="input" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            {(['critical', 'high', 'medium', 'low', 'info'] as const).map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        {error && <p className="field-error">{error}</p>}
        <button type="submit" className="btn btn-primary" disabled={busy || nameError !== null || chosen.length === 0}>
          {busy ? 'Building…' : 'Build policy'}
        </button>
      </form>
    </section>
  );
}

/** Policy YAML exactly as spyctl prints it (PyYAML layout, the merge's key order). */
function spyctlYaml(value: unknown): string {
  const text = dumpYaml(value);
  return text.endsWith('\n') ? text : `${text}\n`;
}
