import { Link } from 'react-router';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import { policyStatus } from '../../engine/impact/index.ts';
import { RelativeTime } from '../../components/ui/relative-time.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { TYPE_LABEL, type FpRecord } from './fingerprint-records.ts';

function Field({ label, value, code }: { label: string; value: string; code?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="break">{code ? <code>{value}</code> : value}</dd>
    </>
  );
}

/** Where and when the fingerprint was observed, and the policies covering it. */
export function FingerprintSummary({ record, fp, covering, policiesLoading }: { record: FpRecord; fp: SpyderbatFingerprint; covering: readonly SpyderbatPolicy[] | undefined; policiesLoading: boolean }) {
  const m = fp.metadata as Record<string, unknown>;
  return (
    <div className="detail-grid fp-summary">
      <section className="panel" aria-label="Workload">
        <h2>Workload</h2>
        <dl className="kv kv-2">
          <Field label="Type" value={TYPE_LABEL[record.type]} />
          <Field label="Image" value={record.image} />
          <Field label="Image ID" value={record.imageID} code />
          <Field label="cgroup" value={record.cgroup} code />
          <dt>Cluster</dt>
          <dd>{record.clusterUid ? <Link to={`/clusters/${encodeURIComponent(record.clusterUid)}`}>{record.cluster || record.clusterUid}</Link> : record.cluster || '—'}</dd>
          <Field label="Namespace" value={record.namespace} />
          <Field label="Container" value={record.container} />
          <Field label="Pod" value={record.pod} />
          <Field label="Container ID" value={typeof m.containerID === 'string' ? m.containerID : ''} code />
          <Field label="Host" value={record.host} />
          <Field label="Machine" value={record.muid} code />
          <dt>First seen</dt>
          <dd>
            <RelativeTime epochSeconds={record.first} />
          </dd>
          <dt>Latest seen</dt>
          <dd>
            <RelativeTime epochSeconds={record.latest} />
          </dd>
          <Field label="Fingerprint id" value={record.id} code />
          <Field label="Checksum" value={typeof m.checksum === 'string' ? m.checksum : ''} code />
        </dl>
      </section>
      <section className="panel" aria-label="Covered by">
        <h2>Covered by</h2>
        {covering === undefined ? (
          <p className="muted">{policiesLoading ? 'Loading policies…' : 'Policies could not be loaded.'}</p>
        ) : covering.length === 0 ? (
          <p className="muted">No policy covers this workload yet. Build one from this fingerprint (and its siblings in the Instances tab).</p>
        ) : (
          <ul className="policy-list">
            {covering.map((p) => (
              <li key={p.metadata.uid ?? p.metadata.name} className="row gap">
                <StatusBadge status={policyStatus(p)} />
                {p.metadata.uid ? <Link to={`/policies/${encodeURIComponent(p.metadata.uid)}`}>{p.metadata.name}</Link> : p.metadata.name}
                <span className="muted">{p.metadata.type}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
