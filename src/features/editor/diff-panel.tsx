import { useMemo, useState } from 'react';
import type { WorkloadPolicy } from '../../engine/model/types.ts';
import { parseDocuments } from '../../engine/yaml/index.ts';
import { summarizePolicyChange } from '../../engine/spyderbat/diff-policy.ts';
import { LazyDiffEditor } from '../../components/code-editor/lazy-code-editor.tsx';

function policyOf(text: string): WorkloadPolicy | null {
  const obj = parseDocuments(text).documents[0]?.object;
  return obj && obj.kind === 'SpyderbatPolicy' && obj.metadata.type !== 'cluster' ? (obj as WorkloadPolicy) : null;
}

/** Draft vs the applied version (or the fingerprints-created original), with the behavioural summary. */
export function DiffPanel({ original, draft, originalLabel, theme }: { original: string; draft: string; originalLabel: string; theme: 'light' | 'dark' }) {
  const [sideBySide, setSideBySide] = useState(true);
  const summary = useMemo(() => {
    const a = policyOf(original);
    const b = policyOf(draft);
    if (!a || !b) return null;
    const s = summarizePolicyChange(a, b);
    return [s.modeChange, s.text].filter(Boolean).join('; ');
  }, [original, draft]);
  return (
    <section aria-label="Changes">
      <div className="toolbar">
        <strong>Draft vs {originalLabel}</strong>
        <span data-testid="diff-summary" className="muted">
          {original === draft ? 'no changes' : (summary ?? 'fix the YAML to see what the change means')}
        </span>
        <label className="row gap" style={{ marginLeft: 'auto' }}>
          <input type="checkbox" checked={sideBySide} onChange={(e) => setSideBySide(e.target.checked)} /> Side by side
        </label>
      </div>
      <LazyDiffEditor original={original} modified={draft} sideBySide={sideBySide} theme={theme} height={440} ariaLabel="Policy changes" />
    </section>
  );
}
