import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { createPolicy, onPolicySaved, updatePolicy } from '../../api/policies.ts';
import { ConflictError, ValidationError } from '../../api/errors.ts';
import type { EngineDiagnostic, SpyderbatPolicy } from '../../engine/model/types.ts';
import { parseDocuments } from '../../engine/yaml/index.ts';

export type ApplyOutcome =
  | { kind: 'saved'; policy: SpyderbatPolicy }
  | { kind: 'invalid'; problems: EngineDiagnostic[] }
  | { kind: 'conflict'; theirs: SpyderbatPolicy | undefined; version: number | undefined }
  | { kind: 'failed'; message: string };

/** Apply = POST for a new policy, PUT with the edited version for an existing one. */
export function useApply(uid: string | undefined) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [applying, setApplying] = useState(false);

  const apply = async (text: string, baseVersion: number | undefined): Promise<ApplyOutcome> => {
    const parsed = parseDocuments(text, 'policy.yaml');
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) return { kind: 'invalid', problems: errors };
    const obj = parsed.documents[0]?.object;
    if (!obj || obj.kind !== 'SpyderbatPolicy' || parsed.documents.length !== 1) {
      return { kind: 'invalid', problems: [{ file: 'policy.yaml', line: 1, column: 1, path: '', message: 'the editor must hold exactly one SpyderbatPolicy', severity: 'error' }] };
    }
    setApplying(true);
    try {
      const saved = uid
        ? await updatePolicy(client, { ...obj, metadata: { ...obj.metadata, uid } } as SpyderbatPolicy, { baseVersion: baseVersion ?? 0 })
        : await createPolicy(client, obj);
      await onPolicySaved(queryClient, saved);
      return { kind: 'saved', policy: saved };
    } catch (e) {
      if (e instanceof ConflictError) return { kind: 'conflict', theirs: e.current as SpyderbatPolicy | undefined, version: e.currentVersion };
      if (e instanceof ValidationError) {
        return {
          kind: 'invalid',
          problems: e.problems.map((p) => ({ file: 'server', line: p.line ?? 1, column: p.column ?? 1, path: p.path, message: `server: ${p.message}`, severity: p.severity ?? 'error' })),
        };
      }
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    } finally {
      setApplying(false);
    }
  };
  return { apply, applying };
}
