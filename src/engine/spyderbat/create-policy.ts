/**
 * `spyctl create policy` (reference §5 "Create policy", §7): the first input is
 * the base; with one input it is copied through (asymmetric merge with nothing:
 * unknown keys dropped, nothing sorted); with several, each further input is
 * merged symmetrically in turn. The result is wrapped as a SpyderbatPolicy with
 * `mode` (the input's own, else the option, else audit), the default response,
 * and without `containerSelector.imageID` unless asked to keep it.
 */
import type { PolicyMode, WorkloadPolicy } from '../model/types.ts';
import { cloneJson, flattenInputs, isRecord, metadataOf } from './inputs.ts';
import type { EngineInput, Json } from './inputs.ts';
import { MergeState } from './merge-state.ts';
import type { MergeWarning, WildcardNote } from './types.ts';

export interface CreatePolicyOptions {
  name: string;
  mode?: PolicyMode;
  keepImageId?: boolean;
}

export interface CreatePolicyResult {
  policy: WorkloadPolicy;
  warnings: MergeWarning[];
  wildcards: WildcardNote[];
}

export const DEFAULT_RESPONSE = { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] } as const;

/** spyctl `Policy.spec_dict`: selectors, then the other fields, then processPolicy, networkPolicy, response. */
export function orderPolicySpec(spec: Json): Json {
  const tail = ['processPolicy', 'networkPolicy', 'response'];
  const out: Json = {};
  for (const [k, v] of Object.entries(spec)) if (k.includes('Selector')) out[k] = v;
  for (const [k, v] of Object.entries(spec)) if (!tail.includes(k) && !Object.hasOwn(out, k)) out[k] = v;
  out.processPolicy = spec.processPolicy ?? [];
  out.networkPolicy = isRecord(spec.networkPolicy) ? spec.networkPolicy : { ingress: [], egress: [] };
  out.response = spec.response;
  return out;
}

export function createPolicy(inputs: readonly EngineInput[], opts: CreatePolicyOptions): CreatePolicyResult {
  const { items, skipped } = flattenInputs(inputs);
  const warnings: MergeWarning[] = skipped.map((s) => ({
    code: 'skipped-input',
    message: `input ${s.inputIndex} skipped: ${s.reason}`,
    inputIndex: s.inputIndex,
  }));
  const first = items[0];
  if (first === undefined) throw new Error('Nothing to build a policy with: no fingerprint, baseline, policy or deviation in the inputs');
  const type = metadataOf(first.obj).type;
  const others = items.slice(1).filter((it) => {
    const t = metadataOf(it.obj).type;
    if (t === type) return true;
    warnings.push({
      code: 'type-mismatch',
      message: `input ${it.inputIndex} is a ${String(t)} ${String(it.obj.kind)}, the policy is ${String(type)}: skipped`,
      inputIndex: it.inputIndex,
    });
    return false;
  });
  const state = new MergeState(first.obj);
  if (others.length === 0) state.merge({}, false, first.inputIndex);
  else for (const it of others) state.merge(it.obj, true, it.inputIndex);
  warnings.push(...state.warnings);

  const data = state.toData();
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  metadata.name = opts.name;
  const spec = isRecord(data.spec) ? data.spec : {};
  spec.mode = spec.mode ?? opts.mode ?? 'audit';
  spec.response = spec.response ?? cloneJson(DEFAULT_RESPONSE);
  const ordered = orderPolicySpec(spec);
  const cs = ordered.containerSelector;
  if (!opts.keepImageId && isRecord(cs) && Object.hasOwn(cs, 'imageID')) {
    delete cs.imageID;
    if (Object.keys(cs).length === 0) {
      warnings.push({
        code: 'selector-dropped',
        message: 'the inputs share only an imageID; without it containerSelector is empty (keep the imageID or add an image)',
        path: 'spec.containerSelector',
      });
    }
  }
  const policy = { apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata, spec: ordered } as unknown as WorkloadPolicy;
  return { policy, warnings, wildcards: state.wildcardNotes() };
}
