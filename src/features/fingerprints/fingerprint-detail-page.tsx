import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { coverage } from '../../engine/impact/index.ts';
import { identityOfFingerprint } from '../../engine/evaluate/scope.ts';
import { toYaml } from '../../engine/yaml/index.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../engine/model/types.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { DataTable, type SortState } from '../../components/ui/data-table.tsx';
import { YamlView } from '../../components/ui/yaml-view.tsx';
import { ProcessTree } from '../../components/process-tree/process-tree.tsx';
import { indexTree } from '../../components/process-tree/tree-model.ts';
import { buildPolicyHref, MAX_BUILD_FINGERPRINTS } from './fingerprint-filters.ts';
import { flatColumns } from './fingerprint-columns.tsx';
import { TYPE_LABEL, type FpRecord } from './fingerprint-records.ts';
import { sortRecords } from './fingerprint-view.ts';
import { FingerprintSummary } from './fingerprint-summary.tsx';
import { NetworkView } from './network-view.tsx';
import { useFingerprintData } from './use-fingerprint-data.ts';

const TABS = [
  { key: 'tree', label: 'Process tree' },
  { key: 'network', label: 'Network' },
  { key: 'yaml', label: 'YAML' },
  { key: 'instances', label: 'Instances' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function FingerprintDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = TABS.some((t) => t.key === tabParam) ? (tabParam as TabKey) : 'tree';
  const proc = params.get('proc');
  const { fingerprints, policies, records } = useFingerprintData();
  const record = useMemo(() => records?.find((r) => r.id === id), [records, id]);
  const fp = record ? fingerprints.data?.[record.index] : undefined;

  if (fingerprints.isPending) return <SkeletonRows rows={8} label="Loading fingerprint" />;
  if (fingerprints.isError) {
    return (
      <>
        <PageHeader title="Fingerprint" />
        <ErrorState title={`Could not load fingerprint ${id}`} error={fingerprints.error} onRetry={() => void fingerprints.refetch()} />
      </>
    );
  }
  if (!record || !fp) {
    return (
      <>
        <p className="crumbs">
          <Link to="/fingerprints">Fingerprints</Link> /
        </p>
        <PageHeader title="Fingerprint not found" />
        <EmptyState title={`No fingerprint ${id} in the last 30 days`} action={<Link className="btn" to="/fingerprints">Back to fingerprints</Link>}>
          It may have aged out of the 30-day window, belong to another organization, or the link may be incomplete.
        </EmptyState>
      </>
    );
  }
  return (
    <Detail
      key={record.id}
      record={record}
      fp={fp}
      siblings={records ?? []}
      policies={policies.data}
      policiesLoading={policies.isPending}
      tab={tab}
      proc={proc}
      setTab={(k, extra) => setParams({ ...(k === 'tree' ? {} : { tab: k }), ...extra }, { replace: k === tab })}
    />
  );
}

interface DetailProps {
  record: FpRecord;
  fp: SpyderbatFingerprint;
  siblings: readonly FpRecord[];
  policies: readonly SpyderbatPolicy[] | undefined;
  policiesLoading: boolean;
  tab: TabKey;
  proc: string | null;
  setTab: (k: TabKey, extra?: Record<string, string>) => void;
}

function Detail({ record, fp, siblings, policies, policiesLoading, tab, proc, setTab }: DetailProps) {
  const tree = useMemo(() => indexTree(fp.spec.processPolicy ?? []), [fp]);
  const yaml = useMemo(() => (tab === 'yaml' ? toYaml(fp) : ''), [fp, tab]);
  const covering = useMemo(() => {
    if (!policies) return undefined;
    const hits = coverage(policies, [identityOfFingerprint(fp)]).perWorkload[0] ?? [];
    return hits.map((i) => policies[i]).filter((p): p is SpyderbatPolicy => p !== undefined);
  }, [policies, fp]);
  const group = useMemo(() => siblings.filter((r) => r.groupKey === record.groupKey), [siblings, record.groupKey]);
  const peers = (fp.spec.networkPolicy?.ingress ?? []).length + (fp.spec.networkPolicy?.egress ?? []).length;
  const tabs = TABS.map((t) => ({
    key: t.key,
    label: t.key === 'tree' ? `Process tree (${tree.order.length})` : t.key === 'network' ? `Network (${peers} rule${peers === 1 ? '' : 's'})` : t.key === 'instances' ? `Instances (${group.length})` : t.label,
  }));

  return (
    <>
      <p className="crumbs">
        <Link to="/fingerprints">Fingerprints</Link> /
      </p>
      <PageHeader
        title={record.name || record.id}
        description={
          <span className="row gap wrap">
            <span className="badge type-badge">{TYPE_LABEL[record.type]}</span>
            <code className="uid">{record.id}</code>
            {record.cluster && <span>· {record.cluster}</span>}
            {record.namespace && <span>/ {record.namespace}</span>}
          </span>
        }
        actions={
          <Link className="btn btn-primary" to={buildPolicyHref([record.id])}>
            Build policy
          </Link>
        }
      />
      <FingerprintSummary record={record} fp={fp} covering={covering} policiesLoading={policiesLoading} />
      <Tabs tabs={tabs} active={tab} onChange={(k) => setTab(k)}>
        {tab === 'tree' && <ProcessTree roots={fp.spec.processPolicy ?? []} label={`Process tree of ${record.name}`} focusId={proc} />}
        {tab === 'network' && <NetworkView network={fp.spec.networkPolicy} tree={tree} procHref={(pid) => `?proc=${encodeURIComponent(pid)}`} />}
        {tab === 'yaml' && <YamlView text={yaml} label={`YAML of fingerprint ${record.id}`} testId="fingerprint-yaml" />}
        {tab === 'instances' && <Instances current={record} group={group} policies={policies} />}
      </Tabs>
    </>
  );
}

function Instances({ current, group, policies }: { current: FpRecord; group: readonly FpRecord[]; policies: readonly SpyderbatPolicy[] | undefined }) {
  const navigate = useNavigate();
  const [sort, setSort] = useState<SortState>({ key: 'latest', dir: 'desc' });
  const [selected, setSelected] = useState<Set<string>>(() => new Set([current.id]));
  const rows = useMemo(() => sortRecords(group, sort, undefined), [group, sort]);
  const columns = useMemo(() => flatColumns(policies, undefined, { inGroup: true }).filter((c) => c.key !== 'coverage' && c.key !== 'type'), [policies]);
  const ids = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  return (
    <>
      <div className="toolbar">
        <span className="muted">
          Every {current.type === 'container' ? 'container of this image and image ID' : 'host running this service'} observed in the last 30 days.
        </span>
        <span className="pt-spacer" />
        <span role="status">{ids.length.toLocaleString()} selected</span>
        {ids.length > MAX_BUILD_FINGERPRINTS ? (
          <span className="muted">Select at most {MAX_BUILD_FINGERPRINTS} to build a policy</span>
        ) : (
          <Link className={`btn btn-primary ${ids.length === 0 ? 'disabled-link' : ''}`} to={buildPolicyHref(ids)} aria-disabled={ids.length === 0} onClick={(e) => ids.length === 0 && e.preventDefault()}>
            Build policy from selected
          </Link>
        )}
      </div>
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={(r) => r.id}
        label="Instances"
        sort={sort}
        onSortChange={setSort}
        selected={selected}
        onSelectedChange={setSelected}
        onRowClick={(r) => void navigate(`/fingerprints/${encodeURIComponent(r.id)}?tab=instances`)}
        rowClassName={(r) => (r.id === current.id ? 'current-row' : undefined)}
        maxHeight={480}
        rowHeight={44}
      />
    </>
  );
}
