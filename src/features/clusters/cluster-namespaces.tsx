import { useMemo, useState } from 'react';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import type { HostSection, NamespaceSection } from './cluster-workloads.ts';
import { WorkloadTable } from './workload-table.tsx';

const fpLink = (cluster: string, extra: Record<string, string>): string => `/fingerprints?${new URLSearchParams({ cluster, ...extra }).toString()}`;

/** Namespaces (or Linux hosts) of a cluster, each opening to its workloads; filterable by name. */
export function ClusterNamespaces({ cluster, namespaces, hosts, policies }: { cluster: string; namespaces: readonly NamespaceSection[]; hosts: readonly HostSection[]; policies: readonly SpyderbatPolicy[] | undefined }) {
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const ns = useMemo(() => namespaces.filter((n) => !needle || n.name.toLowerCase().includes(needle) || n.workloads.some((w) => w.name.toLowerCase().includes(needle))), [namespaces, needle]);
  const hs = useMemo(() => hosts.filter((h) => !needle || h.host.toLowerCase().includes(needle) || h.services.some((s) => s.name.toLowerCase().includes(needle))), [hosts, needle]);
  const total = namespaces.length + hosts.length;
  return (
    <section className="panel" aria-labelledby="ns-heading">
      <div className="section-head">
        <h2 id="ns-heading">
          {namespaces.length > 0 || hosts.length === 0 ? `Namespaces (${namespaces.length})` : ''}
          {namespaces.length > 0 && hosts.length > 0 ? ' · ' : ''}
          {hosts.length > 0 ? `Linux hosts (${hosts.length})` : ''}
        </h2>
        {total > 0 && <input className="input" type="search" placeholder="Filter namespaces, hosts, workloads  ( / )" aria-label="Filter namespaces and workloads" data-search value={q} onChange={(e) => setQ(e.target.value)} />}
      </div>
      {total === 0 && <p className="muted">No namespaces or Linux services were observed in this cluster in the last day. Workloads appear once the Nano Agent reports them.</p>}
      {total > 0 && ns.length + hs.length === 0 && <p className="muted">Nothing matches “{q}”.</p>}
      {ns.map((n) => {
        const covered = n.workloads.filter((w) => (w.policies?.length ?? 0) > 0).length;
        return (
          <details key={n.name} className="ns-section" open={needle !== '' || ns.length <= 3}>
            <summary>
              <strong>{n.name}</strong>
              <span className="muted">
                {n.workloads.length} workload{n.workloads.length === 1 ? '' : 's'} · {n.fingerprints.toLocaleString()} fingerprints
                {n.workloads.length > 0 && n.workloads[0]?.policies !== undefined ? ` · ${covered} of ${n.workloads.length} covered` : ''}
              </span>
            </summary>
            {Object.keys(n.labels).length > 0 && (
              <ul className="chips label-chips" aria-label={`Labels of ${n.name}`}>
                {Object.entries(n.labels).map(([k, v]) => (
                  <li key={k} className="chip static">
                    {k}={v}
                  </li>
                ))}
              </ul>
            )}
            {n.workloads.length === 0 ? (
              <p className="muted">No workloads observed in this namespace in the last 30 days.</p>
            ) : (
              <WorkloadTable rows={n.workloads} policies={policies} label={`Workloads in ${n.name}`} kind="workload" fingerprintsHref={(w) => fpLink(cluster, { ns: n.name, q: w.images[0] ?? w.name })} />
            )}
          </details>
        );
      })}
      {hs.map((h) => {
        const covered = h.services.filter((w) => (w.policies?.length ?? 0) > 0).length;
        return (
          <details key={h.host} className="ns-section" open={needle !== '' || hs.length <= 3}>
            <summary>
              <strong>{h.host}</strong>
              <span className="muted">
                {h.services.length} service{h.services.length === 1 ? '' : 's'}
                {h.services[0]?.policies !== undefined ? ` · ${covered} of ${h.services.length} covered` : ''}
              </span>
            </summary>
            <WorkloadTable rows={h.services} policies={policies} label={`Services on ${h.host}`} kind="service" fingerprintsHref={(s) => fpLink(cluster, { type: 'linux-service', q: s.name })} />
          </details>
        );
      })}
    </section>
  );
}
