/** Computes policy coverage for a list of workloads off the main thread (see fingerprint-coverage.ts). */
import { coverage } from '../../engine/impact/coverage.ts';
import type { SpyderbatPolicy, WorkloadIdentity } from '../../engine/model/types.ts';
import { flatten, type CoverageMessage, type CoverageReply } from './fingerprint-coverage.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<CoverageMessage>) => void) | null;
  postMessage(message: CoverageReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let policies: SpyderbatPolicy[] = [];
const identities: WorkloadIdentity[] = [];

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'policies') {
    policies = m.policies;
    return;
  }
  if (m.kind === 'identities') {
    for (const id of m.identities) identities.push(id);
    return;
  }
  try {
    const { offsets, hits } = flatten(coverage(policies, identities).perWorkload);
    // Transferred, not copied: the main thread gets the buffers as they are.
    scope.postMessage({ ok: true, offsets, hits }, [offsets.buffer, hits.buffer]);
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
