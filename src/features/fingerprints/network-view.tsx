import { useState } from 'react';
import { Link } from 'react-router';
import type { EgressRule, IngressRule, NetworkPolicy, Peer } from '../../engine/model/types.ts';
import { formatPort, type TreeIndex } from '../../components/process-tree/tree-model.ts';

const SHOWN = 6;

function PeerText({ peer }: { peer: Peer }) {
  if ('ipBlock' in peer) {
    const except = peer.ipBlock.except ?? [];
    return (
      <span className="peer">
        <code>{peer.ipBlock.cidr}</code>
        {except.length > 0 && <span className="muted"> except {except.join(', ')}</span>}
      </span>
    );
  }
  return (
    <span className="peer">
      <span className="peer-kind">DNS</span> {peer.dnsSelector.join(', ')}
    </span>
  );
}

function Peers({ peers }: { peers: readonly Peer[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? peers : peers.slice(0, SHOWN);
  return (
    <>
      <ul className="peer-list">
        {shown.map((p, i) => (
          <li key={i}>
            <PeerText peer={p} />
          </li>
        ))}
      </ul>
      {peers.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${peers.length.toLocaleString()} peers`}
        </button>
      )}
    </>
  );
}

function RuleTable({ title, rules, peersOf, tree, procHref }: { title: string; rules: readonly (IngressRule | EgressRule)[]; peersOf: (r: IngressRule | EgressRule) => Peer[]; tree: TreeIndex; procHref: (id: string) => string }) {
  const peerCount = rules.reduce((n, r) => n + peersOf(r).length, 0);
  return (
    <section className="panel net-section" aria-label={title}>
      <h2>
        {title}{' '}
        <span className="muted">
          · {rules.length} rule{rules.length === 1 ? '' : 's'}, {peerCount.toLocaleString()} peer{peerCount === 1 ? '' : 's'}
        </span>
      </h2>
      {rules.length === 0 ? (
        <p className="muted">No {title.toLowerCase()} connections were observed.</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{title === 'Ingress' ? 'From' : 'To'}</th>
              <th scope="col">Ports</th>
              <th scope="col">Processes</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={i}>
                <td>
                  <Peers peers={peersOf(r)} />
                </td>
                <td>{r.ports.map(formatPort).join(', ')}</td>
                <td>
                  {(r.processes ?? []).length === 0 ? (
                    <span className="muted">any</span>
                  ) : (
                    <ul className="proc-links">
                      {(r.processes ?? []).map((id) => {
                        const node = tree.byId.get(id)?.node;
                        return (
                          <li key={id}>
                            <Link to={procHref(id)} title={node ? `${node.name} · ${node.exe.join(', ')}` : 'Not in the process tree'}>
                              {node ? `${node.name} (${id})` : id}
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Ingress and egress rules: peers (CIDR or DNS), ports, and the processes, linked to the tree. */
export function NetworkView({ network, tree, procHref }: { network: Partial<NetworkPolicy> | undefined; tree: TreeIndex; procHref: (id: string) => string }) {
  return (
    <div className="net-view">
      <RuleTable title="Ingress" rules={network?.ingress ?? []} peersOf={(r) => (r as IngressRule).from ?? []} tree={tree} procHref={procHref} />
      <RuleTable title="Egress" rules={network?.egress ?? []} peersOf={(r) => (r as EgressRule).to ?? []} tree={tree} procHref={procHref} />
    </div>
  );
}
