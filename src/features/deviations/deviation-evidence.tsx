import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '../../api/data-source-context.ts';
import { fingerprintListQuery, type FingerprintFilters } from '../../api/fingerprints.ts';
import { enforceImpact, policyStatus } from '../../engine/impact/index.ts';
import { toYaml } from '../../engine/yaml/index.ts';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import type { DeviationRow } from './deviation-rows.ts';
import { actionsSentence, brokenRules, connectionsOf, processChains } from './evidence.ts';

/** The fingerprint of the replica the deviation was seen on (same workload and machine), when the search finds it. */
function useFingerprintOf(row: DeviationRow): { href: string; label: string } {
  const client = useApiClient();
  const r = row.record;
  const type = r.deviation.metadata.type;
  const filters: FingerprintFilters | null =
    type === 'container' && row.workload
      ? { type: 'container', image: row.workload, ...(r.namespace ? { namespace: r.namespace } : {}), ...(r.clusterName ? { clusterName: r.clusterName } : {}) }
      : type === 'linux-service'
        ? { type: 'linux-service', ...(r.clusterName ? { clusterName: r.clusterName } : {}) }
        : null;
  const q = useQuery({ ...fingerprintListQuery(client, filters ?? {}), enabled: filters !== null && !!r.muid, staleTime: 60_000 });
  const fp = q.data?.find(
    (f) => f.metadata.muid === r.muid && (type !== 'linux-service' || f.metadata.name === row.workload || (typeof f.metadata.cgroup === 'string' && f.metadata.cgroup.endsWith(`/${row.workload}`))),
  );
  if (fp && typeof fp.metadata.id === 'string') return { href: `/fingerprints/${encodeURIComponent(fp.metadata.id)}`, label: 'Open the fingerprint' };
  const p = new URLSearchParams();
  if (row.workload) p.set('q', row.workload);
  if (r.clusterName) p.set('cluster', r.clusterName);
  if (r.namespace) p.set('ns', r.namespace);
  return { href: `/fingerprints?${p.toString()}`, label: 'Fingerprints of this workload' };
}

/** What happened, where, which rule it broke and what the response did (or would have done). */
export function DeviationEvidence({ row }: { row: DeviationRow }) {
  const r = row.record;
  const [yaml, setYaml] = useState(false);
  const chains = processChains(r.deviation);
  const conns = connectionsOf(r.deviation);
  const policy = row.policy;
  const mode = policy ? (policy.spec.mode === 'enforce' && policy.spec.enabled !== false ? 'enforce' : 'audit') : r.policyMode === 'enforce' ? 'enforce' : 'audit';
  const impact = policy
    ? enforceImpact(policy, [
        {
          time: r.time,
          checksum: r.checksum,
          ...(r.namespace ? { namespace: r.namespace } : {}),
          ...(r.clusterName ? { clusterName: r.clusterName } : {}),
          ...(r.clusterUid ? { clusterUid: r.clusterUid } : {}),
          deviation: r.deviation,
        },
      ])
    : null;
  const fingerprint = useFingerprintOf(row);
  const policyName = policy?.metadata.name ?? r.policyName;
  return (
    <div className="evidence" data-testid="evidence">
      <p className="evidence-desc">{r.description}</p>
      <div className="evidence-grid">
        <section aria-label="Where and when">
          <h3 className="sub">Where and when</h3>
          <dl className="kv kv-compact">
            <dt>Policy</dt>
            <dd>
              <Link to={`/policies/${encodeURIComponent(r.policyUid)}`}>{policyName}</Link> {policy && <StatusBadge status={policyStatus(policy)} />}
            </dd>
            <dt>Workload</dt>
            <dd>{row.workload || '—'}</dd>
            <dt>Cluster</dt>
            <dd>{r.clusterName ?? '—'}</dd>
            {r.namespace && (
              <>
                <dt>Namespace</dt>
                <dd>{r.namespace}</dd>
              </>
            )}
            {r.muid && (
              <>
                <dt>Machine</dt>
                <dd className="mono">{r.muid}</dd>
              </>
            )}
            <dt>Seen</dt>
            <dd>
              {row.count > 1 ? (
                <>
                  {row.count}× · first <RelativeTime epochSeconds={row.firstTime} /> · last <RelativeTime epochSeconds={row.lastTime} />
                </>
              ) : (
                <RelativeTime epochSeconds={row.lastTime} />
              )}
            </dd>
            <dt>Checksum</dt>
            <dd className="mono">{r.checksum || '—'}</dd>
          </dl>
        </section>
        <section aria-label="Evidence">
          {chains.length > 0 && (
            <>
              <h3 className="sub">Process chain</h3>
              {chains.map((chain, i) => (
                <ol key={i} className="proc-chain">
                  {chain.map((s) => (
                    <li key={`${s.id}-${s.depth}`} style={{ paddingLeft: s.depth * 16 }}>
                      <span className={`proc-tag ${s.known ? 'known' : 'new'}`}>{s.known ? 'in policy' : 'new'}</span> <strong>{s.name}</strong>
                      {s.exe && <span className="mono"> {s.exe}</span>}
                      {s.euser && <span className="muted"> · user {s.euser}</span>}
                    </li>
                  ))}
                </ol>
              ))}
            </>
          )}
          {conns.length > 0 && (
            <>
              <h3 className="sub">Connections</h3>
              <ul className="conn-list">
                {conns.map((c, i) => (
                  <li key={i}>
                    <strong>{c.direction === 'ingress' ? 'Ingress from' : 'Egress to'}</strong> <span className="mono">{c.peers.join(', ')}</span> on <span className="mono">{c.ports.join(', ')}</span>
                    {c.processes.length > 0 && <span className="muted"> · process {c.processes.join(', ')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3 className="sub">Rule it broke</h3>
          <ul className="rule-list">
            {brokenRules(r.deviation, policyName).map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
          <h3 className="sub">Response</h3>
          <p className="response-line">{impact ? actionsSentence(impact, mode) : 'The policy is no longer available, so its response is unknown.'}</p>
        </section>
      </div>
      <div className="evidence-actions">
        <Link className="btn" to={`/policies/${encodeURIComponent(r.policyUid)}`}>
          Open policy
        </Link>
        <Link className="btn" to={fingerprint.href}>
          {fingerprint.label}
        </Link>
        <Link className="btn btn-primary" to={`/policies/${encodeURIComponent(r.policyUid)}/edit?merge=${encodeURIComponent(r.id)}`}>
          Merge into policy
        </Link>
        <Link className="btn btn-ghost" to={`/deviations?tab=audit&policy=${encodeURIComponent(r.policyUid)}`}>
          Audit log of this policy
        </Link>
        <button type="button" className="btn btn-ghost" aria-expanded={yaml} onClick={() => setYaml(!yaml)}>
          {yaml ? 'Hide' : 'Show'} YAML
        </button>
      </div>
      {yaml && <pre className="code-block">{toYaml(r.deviation)}</pre>}
    </div>
  );
}
