/**
 * The preview's data set: the org's fingerprints, its policies (to find the
 * applied version of a draft) and the deviations recorded over the last
 * 7 days (replayed as events). Loaded into the engine worker once per
 * revision; afterwards only drafts cross the boundary.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../api/data-source-context.ts';
import { deviationListQuery } from '../../../api/deviations.ts';
import { fingerprintListQuery } from '../../../api/fingerprints.ts';
import { policyListQuery } from '../../../api/policies.ts';
import type { DeviationRecord } from '../../../api/types.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../../engine/model/types.ts';
import type { DatasetInfo } from '../../../worker/index.ts';
import { ensureDataset, forgetDataset } from '../../../components/engine/use-engine.ts';
import { datasetRevision } from './dataset-revision.ts';
import { recordedActivitySteps, runSliced, type RecordedActivity } from './recorded-activity.ts';

/** Days of recorded activity replayed. */
export const ACTIVITY_DAYS = 7;

export interface PreviewDataset {
  /** `waiting`: queries still loading; `loading`: sending to the engine. */
  status: 'waiting' | 'loading' | 'ready' | 'error';
  /** The loaded revision (null until ready). */
  revision: string | null;
  info: DatasetInfo | null;
  fingerprints: readonly SpyderbatFingerprint[];
  policies: readonly SpyderbatPolicy[];
  /** Recorded activity replayed (null until ready, or when it could not be loaded). */
  activity: RecordedActivity | null;
  /** Why the recorded activity is missing, if it is. */
  activityError: string | null;
  error: string | null;
  /** The engine lost the revision (evicted, worker restarted): load it again. */
  reload: () => void;
  retry: () => void;
}

const EMPTY_FPS: SpyderbatFingerprint[] = [];
const EMPTY_POLICIES: SpyderbatPolicy[] = [];
/** Recorded activity per revision (shared by every panel). */
const activities = new Map<string, Promise<RecordedActivity>>();

/**
 * The fingerprints the engine keeps (as its data set preparation does), so that
 * the engine's fingerprint indices are indices into this list.
 */
export function previewFingerprints(list: readonly SpyderbatFingerprint[]): SpyderbatFingerprint[] {
  return list.filter((fp) => {
    const v = fp as unknown as { kind?: unknown; metadata?: { type?: unknown } | null; spec?: unknown };
    const t = v.metadata?.type;
    return v.kind === 'SpyderbatFingerprint' && (t === 'container' || t === 'linux-service') && typeof v.spec === 'object' && v.spec !== null && !Array.isArray(v.spec);
  });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function activityFor(revision: string, records: readonly DeviationRecord[], fingerprints: readonly SpyderbatFingerprint[], policies: readonly SpyderbatPolicy[]): Promise<RecordedActivity> {
  let p = activities.get(revision);
  if (p === undefined) {
    p = runSliced(recordedActivitySteps({ records, fingerprints, policies }));
    activities.set(revision, p);
    while (activities.size > 2) {
      const oldest = activities.keys().next().value;
      if (oldest === undefined) break;
      activities.delete(oldest);
    }
  }
  return p;
}

interface Loaded {
  revision: string;
  info: DatasetInfo | null;
  activity: RecordedActivity | null;
  error: string | null;
}

export function usePreviewDataset(): PreviewDataset {
  const client = useApiClient();
  const fps = useQuery(fingerprintListQuery(client));
  const policies = useQuery(policyListQuery(client));
  const devs = useQuery(deviationListQuery(client, { days: ACTIVITY_DAYS }));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);

  const settled = fps.isSuccess && policies.isSuccess && !devs.isPending;
  const revision = settled ? `${datasetRevision(client.sourceId, [fps.data, policies.data, devs.data ?? null])}#${attempt}` : null;
  const fpData = useMemo(() => (fps.data !== undefined ? previewFingerprints(fps.data) : EMPTY_FPS), [fps.data]);
  const policyData = policies.data ?? EMPTY_POLICIES;
  const records = devs.data;

  useEffect(() => {
    if (revision === null) return undefined;
    let live = true;
    const activity = records !== undefined ? activityFor(revision, records, fpData, policyData) : null;
    const load = ensureDataset(revision, async () => ({
      fingerprints: fpData,
      policies: policyData,
      events: activity !== null ? (await activity).events : [],
    }));
    Promise.all([load, activity])
      .then(([info, act]) => {
        if (live) setLoaded({ revision, info, activity: act, error: null });
      })
      .catch((e: unknown) => {
        if (live) setLoaded({ revision, info: null, activity: null, error: message(e) });
      });
    return () => {
      live = false;
    };
  }, [revision, records, fpData, policyData]);

  const queryError = fps.error ?? policies.error;
  const current = loaded !== null && loaded.revision === revision ? loaded : null;
  const status: PreviewDataset['status'] =
    queryError !== null || current?.error != null ? 'error' : revision === null ? 'waiting' : current === null ? 'loading' : 'ready';
  return {
    status,
    revision: status === 'ready' ? revision : null,
    info: current?.info ?? null,
    fingerprints: fpData,
    policies: policyData,
    activity: current?.activity ?? null,
    activityError: devs.error !== null ? message(devs.error) : null,
    error: queryError !== null ? message(queryError) : (current?.error ?? null),
    reload: () => {
      if (revision !== null) forgetDataset(revision);
      setAttempt((n) => n + 1);
    },
    retry: () => {
      if (fps.isError) void fps.refetch();
      if (policies.isError) void policies.refetch();
      if (devs.isError) void devs.refetch();
      if (current?.error != null) setAttempt((n) => n + 1);
    },
  };
}
