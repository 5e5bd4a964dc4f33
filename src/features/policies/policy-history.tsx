import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyVersionsQuery } from '../../api/policies.ts';
import type { SpyderbatPolicy, WorkloadPolicy } from '../../engine/model/types.ts';
import { fullDiffLines } from '../../engine/spyderbat/diff-text.ts';
import { summarizePolicyChange } from '../../engine/spyderbat/diff-policy.ts';
import type { Json } from '../../engine/spyderbat/inputs.ts';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { RelativeTime } from '../../components/ui/relative-time.tsx';

function seconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Versions of the policy from the API, and the diff between any two. */
export function PolicyHistory({ policy }: { policy: SpyderbatPolicy }) {
  const client = useApiClient();
  const uid = policy.metadata.uid ?? '';
  const q = useQuery(policyVersionsQuery(client, uid));
  const versions = useMemo(() => {
    const list = [...(q.data ?? [])];
    if (!list.some((v) => v.metadata.version === policy.metadata.version)) list.unshift(policy);
    return list.sort((a, b) => (b.metadata.version ?? 0) - (a.metadata.version ?? 0));
  }, [q.data, policy]);
  const [pick, setPick] = useState<{ a?: number; b?: number }>({});
  const b = versions.find((v) => v.metadata.version === pick.b) ?? versions[0];
  const a = versions.find((v) => v.metadata.version === pick.a) ?? versions[1] ?? versions[0];
  const lines = useMemo(() => (a && b ? fullDiffLines(a as unknown as Json, b as unknown as Json) : []), [a, b]);
  const summary = useMemo(() => {
    if (!a || !b || a.metadata.type === 'cluster' || b.metadata.type === 'cluster') return null;
    return summarizePolicyChange(a as WorkloadPolicy, b as WorkloadPolicy);
  }, [a, b]);

  if (q.isPending) return <SkeletonRows label="Loading versions" />;
  if (q.isError) return <ErrorState title="Could not load the version history" error={q.error} onRetry={() => void q.refetch()} />;
  const option = (v: SpyderbatPolicy) => (
    <option key={v.metadata.version} value={v.metadata.version}>
      v{v.metadata.version}
    </option>
  );
  return (
    <div>
      <ul className="result-list" data-testid="versions">
        {versions.map((v) => (
          <li key={v.metadata.version}>
            <strong>v{v.metadata.version}</strong> <RelativeTime epochSeconds={seconds(v.metadata.lastUpdatedTimestamp ?? v.metadata.creationTimestamp)} />
            {typeof v.metadata.lastUpdatedBy === 'string' && <span className="muted"> by {v.metadata.lastUpdatedBy}</span>}
            <span className="muted"> — {v.spec.enabled === false ? 'Disabled' : v.spec.mode}</span>
          </li>
        ))}
      </ul>
      {versions.length < 2 ? (
        <p className="muted">Only one version so far: every change you apply is kept here.</p>
      ) : (
        <>
          <div className="toolbar" style={{ marginTop: 12 }}>
            <label>
              Compare{' '}
              <select className="input" aria-label="Older version" value={a?.metadata.version} onChange={(e) => setPick({ ...pick, a: Number(e.target.value) })}>
                {versions.map(option)}
              </select>
            </label>
            <label>
              with{' '}
              <select className="input" aria-label="Newer version" value={b?.metadata.version} onChange={(e) => setPick({ ...pick, b: Number(e.target.value) })}>
                {versions.map(option)}
              </select>
            </label>
            {summary && <span data-testid="history-summary">{[summary.modeChange, summary.text].filter(Boolean).join('; ')}</span>}
          </div>
          <pre className="code-block" data-testid="history-diff">
            {lines.length === 0
              ? 'The two versions have the same spec.'
              : lines.map((l, i) => (
                  <span key={i} className={l.startsWith('+ ') ? 'diff-add' : l.startsWith('- ') ? 'diff-del' : undefined}>
                    {l}
                    {'\n'}
                  </span>
                ))}
          </pre>
        </>
      )}
    </div>
  );
}
