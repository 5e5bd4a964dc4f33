import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyDetailQuery } from '../../api/policies.ts';
import { modeTargetOf, policyStatus, type ModeTarget } from '../../engine/impact/index.ts';
import { toYaml } from '../../engine/yaml/index.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { ModeControl } from '../../components/policy-mode/mode-control.tsx';
import { ModeChangeDialog } from '../../components/policy-mode/mode-change-dialog.tsx';
import { useModeChange } from '../../components/policy-mode/use-mode-change.ts';
import { PolicyOverview } from './policy-overview.tsx';
import { PolicyHistory } from './policy-history.tsx';
import { PolicyDeviations } from './policy-deviations.tsx';
import { exportPolicies } from './bulk-actions.tsx';

const TABS = [
  { key: 'overview', label: 'Overview' },
  { key: 'yaml', label: 'YAML' },
  { key: 'deviations', label: 'Deviations' },
  { key: 'history', label: 'History' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function PolicyDetailPage() {
  const { uid = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = TABS.some((t) => t.key === tabParam) ? (tabParam as TabKey) : 'overview';
  const client = useApiClient();
  const q = useQuery(policyDetailQuery(client, uid));
  const { changes, change } = useModeChange();
  const [target, setTarget] = useState<ModeTarget | null>(null);

  if (q.isPending) return <SkeletonRows label="Loading policy" />;
  if (q.isError) {
    return (
      <>
        <PageHeader title="Policy" />
        <ErrorState title={`Could not load policy ${uid}`} error={q.error} onRetry={() => void q.refetch()} />
        <Link to="/policies">Back to policies</Link>
      </>
    );
  }
  const policy = q.data;
  const c = changes[uid];
  return (
    <>
      <p className="crumbs">
        <Link to="/policies">Policies</Link> /
      </p>
      <PageHeader
        title={policy.metadata.name}
        description={
          <span className="row gap">
            <StatusBadge status={policyStatus(policy)} /> <code>{uid}</code> · v{policy.metadata.version ?? '—'}
          </span>
        }
        actions={
          <>
            <ModeControl label="Policy mode" value={modeTargetOf(policy)} pending={c?.state === 'pending'} onRequest={setTarget} />
            <button type="button" className="btn" onClick={() => exportPolicies([policy])}>
              Export YAML
            </button>
            <Link className="btn btn-primary" to={`/policies/${encodeURIComponent(uid)}/edit`}>
              Edit
            </Link>
          </>
        }
      />
      {c?.state === 'failed' && (
        <div className="alert-banner" role="alert">
          The mode was not changed: {c.message}
        </div>
      )}
      <Tabs tabs={TABS} active={tab} onChange={(k) => setParams(k === 'overview' ? {} : { tab: k }, { replace: true })}>
        {tab === 'overview' && <PolicyOverview policy={policy} />}
        {tab === 'yaml' && <pre className="code-block" data-testid="policy-yaml">{toYaml(policy)}</pre>}
        {tab === 'deviations' && <PolicyDeviations policy={policy} />}
        {tab === 'history' && <PolicyHistory policy={policy} />}
      </Tabs>
      {target && (
        <ModeChangeDialog
          policy={policy}
          target={target}
          onCancel={() => setTarget(null)}
          onConfirm={() => {
            const t = target;
            setTarget(null);
            change(policy, t).catch(() => undefined);
          }}
        />
      )}
    </>
  );
}
