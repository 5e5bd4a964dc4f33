import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { deviationListQuery } from '../../api/deviations.ts';
import type { SpyderbatPolicy, WorkloadPolicy } from '../../engine/model/types.ts';
import type { MergeWarning } from '../../engine/spyderbat/types.ts';
import { dumpYaml } from '../../engine/spyderbat/yaml-dump.ts';
import { getEngineClient } from '../../components/engine/use-engine.ts';

export interface MergeProposal {
  yaml: string;
  count: number;
  changed: boolean;
  warnings: MergeWarning[];
}

/**
 * `?merge=<deviation ids>` (or `all`): merge recorded deviations into the policy with
 * spyctl `merge` semantics in the worker, producing a proposal for the draft.
 */
export function useDeviationMerge(policy: SpyderbatPolicy | undefined, ids: readonly string[], onProposal: (p: MergeProposal) => void): { proposal: MergeProposal | null; error: string | null } {
  const client = useApiClient();
  const uid = policy?.metadata.uid ?? '';
  const q = useQuery({ ...deviationListQuery(client, { policyUid: uid, days: 30 }), enabled: ids.length > 0 && uid !== '' });
  const [proposal, setProposal] = useState<MergeProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const idsKey = ids.join(',');
  const callback = useRef(onProposal);
  useEffect(() => {
    callback.current = onProposal;
  }, [onProposal]);
  useEffect(() => {
    if (!policy || !q.data || idsKey === '') return;
    const wanted = idsKey.split(',');
    const records = wanted.includes('all') ? q.data : q.data.filter((d) => wanted.includes(d.id));
    const unique = [...new Map(records.map((d) => [d.checksum || d.id, d.deviation])).values()];
    const run = async (): Promise<MergeProposal> => {
      if (policy.metadata.type === 'cluster') throw new Error('merging into cluster policies goes through their rulesets');
      if (unique.length === 0) throw new Error('the selected deviations are no longer recorded');
      const r = await getEngineClient().mergeIntoPolicy(policy as WorkloadPolicy, unique, { key: null });
      return { yaml: spyctlYaml(r.policy), count: unique.length, changed: r.changed, warnings: r.warnings };
    };
    run()
      .then((p) => {
        setProposal(p);
        callback.current(p);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [policy, q.data, idsKey]);
  return { proposal, error: error ?? (q.isError ? q.error.message : null) };
}

/** Policy YAML exactly as spyctl prints it (PyYAML layout, the merge's key order). */
function spyctlYaml(value: unknown): string {
  const text = dumpYaml(value);
  return text.endsWith('\n') ? text : `${text}\n`;
}
