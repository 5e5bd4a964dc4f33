import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { fingerprintListQuery } from '../../api/fingerprints.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { actionSentence, coverage, selectorSentences } from '../../engine/impact/index.ts';
import { identityOfFingerprint } from '../../engine/evaluate/scope.ts';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { policyStatus } from '../../engine/impact/index.ts';

function seconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function CoveredWorkloads({ policy }: { policy: SpyderbatPolicy }) {
  const client = useApiClient();
  const fps = useQuery(fingerprintListQuery(client));
  const covered = useMemo(() => {
    if (!fps.data) return undefined;
    const c = coverage([policy], fps.data.map(identityOfFingerprint));
    const names = new Map<string, number>();
    fps.data.forEach((fp, i) => {
      if ((c.perWorkload[i] ?? []).length === 0) return;
      const m = fp.metadata as Record<string, unknown>;
      const where = [m.cluster_name, m.namespace].filter((x) => typeof x === 'string').join(' / ');
      const label = `${typeof m.image === 'string' ? m.image : fp.metadata.name}${where ? ` — ${where}` : ''}`;
      names.set(label, (names.get(label) ?? 0) + 1);
    });
    return [...names.entries()].sort((a, b) => b[1] - a[1]);
  }, [fps.data, policy]);
  if (fps.isPending) return <p className="muted">Finding covered workloads…</p>;
  if (fps.isError) return <p className="field-error">Could not load fingerprints: {fps.error.message}</p>;
  if (!covered || covered.length === 0) return <p className="muted">No recorded workload falls inside this policy's selectors.</p>;
  return (
    <ul className="result-list" data-testid="covered-workloads">
      {covered.slice(0, 50).map(([label, n]) => (
        <li key={label}>
          {label} <span className="muted">× {n}</span>
        </li>
      ))}
      {covered.length > 50 && <li className="muted">…and {covered.length - 50} more</li>}
    </ul>
  );
}

export function PolicyOverview({ policy }: { policy: SpyderbatPolicy }) {
  const m = policy.metadata;
  const response = policy.spec.response;
  return (
    <div className="overview-grid">
      <section className="panel">
        <h2>Status</h2>
        <dl className="kv">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={policyStatus(policy)} />
          </dd>
          <dt>Type</dt>
          <dd>{m.type}</dd>
          <dt>UID</dt>
          <dd>
            <code>{m.uid}</code>
          </dd>
          <dt>Version</dt>
          <dd>{m.version ?? '—'}</dd>
          <dt>Created</dt>
          <dd>
            <RelativeTime epochSeconds={seconds(m.creationTimestamp)} /> {typeof m.createdBy === 'string' && <span className="muted">by {m.createdBy}</span>}
          </dd>
          <dt>Last updated</dt>
          <dd>
            <RelativeTime epochSeconds={seconds(m.lastUpdatedTimestamp)} /> {typeof m.lastUpdatedBy === 'string' && <span className="muted">by {m.lastUpdatedBy}</span>}
          </dd>
        </dl>
      </section>
      <section className="panel">
        <h2>Applies to</h2>
        <ul className="result-list">
          {selectorSentences(policy).map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <h2 style={{ marginTop: 16 }}>Covered workloads</h2>
        <CoveredWorkloads policy={policy} />
      </section>
      <section className="panel">
        <h2>When a workload deviates</h2>
        <p className="muted">
          {policy.spec.mode === 'enforce' && policy.spec.enabled !== false ? 'Enforcing: these actions are taken.' : 'Auditing: these actions are only logged as what would have happened.'}
        </p>
        <h3 className="sub">Scoped actions (taken where their selectors match)</h3>
        {response.actions.length === 0 ? <p className="muted">None.</p> : <ul className="result-list">{response.actions.map((a, i) => <li key={i}>{actionSentence(a)}</li>)}</ul>}
        <h3 className="sub">Default actions (when no scoped action applies)</h3>
        {response.default.length === 0 ? <p className="muted">None.</p> : <ul className="result-list">{response.default.map((a, i) => <li key={i}>{actionSentence(a)}</li>)}</ul>}
      </section>
    </div>
  );
}
