import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clusterListQuery, namespaceListQuery } from '../../api/clusters.ts';
import { useApiClient } from '../../api/data-source-context.ts';

export interface ClusterNamespaceValue {
  cluster: string;
  namespace: string;
}

/**
 * The cluster and namespace filters shared by the dashboard and the lists. Namespaces load for the
 * chosen cluster, or for every cluster once the namespace list is opened; a value from the URL
 * that is not (or not yet) in the lists stays selectable.
 */
export function ClusterNamespaceSelects({ value, onChange }: { value: ClusterNamespaceValue; onChange: (next: ClusterNamespaceValue) => void }) {
  const client = useApiClient();
  const clusters = useQuery(clusterListQuery(client));
  const clusterUid = clusters.data?.find((c) => c.name === value.cluster)?.uid;
  const [wantAll, setWantAll] = useState(false);
  const namespaces = useQuery({ ...namespaceListQuery(client, clusterUid), enabled: clusterUid !== undefined || wantAll });
  const nsNames = [...new Set((namespaces.data ?? []).filter((n) => !value.cluster || n.clusterName === value.cluster).map((n) => n.name))].sort();
  return (
    <>
      <select className="input" aria-label="Cluster" value={value.cluster} onChange={(e) => onChange({ cluster: e.target.value, namespace: '' })}>
        <option value="">All clusters</option>
        {value.cluster && !clusters.data?.some((c) => c.name === value.cluster) && <option value={value.cluster}>{value.cluster}</option>}
        {(clusters.data ?? []).map((c) => (
          <option key={c.uid} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Namespace"
        value={value.namespace}
        onFocus={() => setWantAll(true)}
        onPointerDown={() => setWantAll(true)}
        onChange={(e) => onChange({ cluster: value.cluster, namespace: e.target.value })}
      >
        <option value="">All namespaces</option>
        {value.namespace && !nsNames.includes(value.namespace) && <option value={value.namespace}>{value.namespace}</option>}
        {nsNames.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </>
  );
}
