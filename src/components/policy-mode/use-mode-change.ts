import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { onPolicySaved, policyKeys, updatePolicy } from '../../api/policies.ts';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { withModeTarget, type ModeTarget } from '../../engine/impact/index.ts';

export type RowChange = { state: 'pending'; target: ModeTarget } | { state: 'failed'; target: ModeTarget; message: string } | { state: 'done'; target: ModeTarget };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Mode changes as version-checked updates of the policy document. The row shows the
 * new state while the request runs (pending); on failure the cache returns to what it
 * was and the row says why.
 */
export function useModeChange(): {
  changes: Readonly<Record<string, RowChange>>;
  change: (policy: SpyderbatPolicy, target: ModeTarget) => Promise<SpyderbatPolicy>;
  dismiss: (uid: string) => void;
} {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<Record<string, RowChange>>({});

  const change = useCallback(
    async (policy: SpyderbatPolicy, target: ModeTarget): Promise<SpyderbatPolicy> => {
      const uid = policy.metadata.uid ?? '';
      setChanges((c) => ({ ...c, [uid]: { state: 'pending', target } }));
      const snapshot = queryClient.getQueriesData<SpyderbatPolicy[]>({ queryKey: policyKeys.lists() });
      const detail = queryClient.getQueryData<SpyderbatPolicy>(policyKeys.detail(uid));
      const edited = withModeTarget(policy, target);
      queryClient.setQueriesData<SpyderbatPolicy[]>({ queryKey: policyKeys.lists() }, (old) => old?.map((p) => (p.metadata.uid === uid ? edited : p)));
      if (detail) queryClient.setQueryData(policyKeys.detail(uid), edited);
      try {
        const saved = await updatePolicy(client, edited, { baseVersion: policy.metadata.version ?? 0 });
        await onPolicySaved(queryClient, saved);
        setChanges((c) => ({ ...c, [uid]: { state: 'done', target } }));
        return saved;
      } catch (e) {
        for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
        if (detail) queryClient.setQueryData(policyKeys.detail(uid), detail);
        setChanges((c) => ({ ...c, [uid]: { state: 'failed', target, message: messageOf(e) } }));
        throw e;
      }
    },
    [client, queryClient],
  );

  const dismiss = useCallback((uid: string) => {
    setChanges((c) => {
      const { [uid]: _gone, ...rest } = c;
      return rest;
    });
  }, []);

  return { changes, change, dismiss };
}
