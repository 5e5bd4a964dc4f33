/**
 * Live preview of a draft policy against a loaded data set: diagnostics, scope
 * (how many fingerprints the selectors cover, with a sample), deviations
 * grouped by workload and kind (fingerprints in scope whose activity the draft
 * does not allow, as `findDeviations` decides; recorded events in scope that
 * deviate), what the response would do, and rule coverage (matches per process
 * node and network rule when the fingerprints' activity and the events are
 * replayed through the evaluator; dead rules; too-broad rules).
 *
 * `previewPolicySteps` yields progress between chunks so a caller can spread
 * the work over several event-loop turns (the worker and its main-thread
 * fallback do); `previewPolicy` runs it to the end in one go.
 */
import type { SpyderbatPolicy, WorkloadIdentity, WorkloadPolicy } from '../model/types.ts';
import { EventEvaluator } from '../evaluate/evaluator.ts';
import { scopeOf } from '../evaluate/scope.ts';
import { findDeviations } from '../spyderbat/index.ts';
import { summarizeActions } from './actions-summary.ts';
import { fingerprintActivity } from './activity.ts';
import { findBroadRules } from './broad-rules.ts';
import { coverageOf, describeEvent, eventDeviationKind } from './coverage.ts';
import { isPreparedDataset, prepareDataset, workloadLabel } from './dataset.ts';
import { DeviationCollector, describeItem } from './deviation-groups.ts';
import { readDraft } from './draft.ts';
import type { PreparedDataset, PreviewDatasetInput, PreviewOptions, PreviewPolicyInfo, PreviewResult, PreviewStep } from './types.ts';

type Steps = Generator<PreviewStep, PreviewResult, void>;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function appliedIndex(policy: SpyderbatPolicy, policies: readonly SpyderbatPolicy[]): number {
  const uid = policy.metadata.uid;
  if (typeof uid === 'string' && uid !== '') return policies.findIndex((p) => p.metadata.uid === uid);
  return policies.findIndex((p) => p.metadata.name === policy.metadata.name && p.metadata.type === policy.metadata.type);
}

function infoOf(policy: SpyderbatPolicy, ds: PreparedDataset): PreviewPolicyInfo {
  return {
    name: String(policy.metadata.name),
    type: policy.metadata.type,
    mode: policy.spec.mode === 'enforce' ? 'enforce' : 'audit',
    enabled: policy.spec.enabled !== false,
    appliedIndex: appliedIndex(policy, ds.policies),
  };
}

function* scopeSteps(policy: SpyderbatPolicy, ds: PreparedDataset, chunk: number, notes: string[]): Generator<PreviewStep, number[], void> {
  const n = ds.identities.length;
  const out: number[] = [];
  const step = chunk * 8;
  for (let a = 0; a < n; a += step) {
    try {
      for (const i of scopeOf(policy, ds.identities.slice(a, a + step))) out.push(a + i);
    } catch (e) {
      notes.push(`Scope could not be computed: ${message(e)}`);
      return [];
    }
    yield { phase: 'scope', done: Math.min(n, a + step), total: n };
  }
  return out;
}

function* fingerprintDeviationSteps(policy: WorkloadPolicy, ds: PreparedDataset, inScope: readonly number[], chunk: number, c: DeviationCollector, notes: string[]): Generator<PreviewStep, void, void> {
  for (let a = 0; a < inScope.length; a += chunk) {
    const idx = inScope.slice(a, a + chunk);
    let found: ReturnType<typeof findDeviations>;
    try {
      found = findDeviations(policy, idx.map((i) => ds.fingerprints[i] as NonNullable<(typeof ds.fingerprints)[number]>));
    } catch (e) {
      notes.push(`Fingerprint deviations could not be computed: ${message(e)}`);
      return;
    }
    for (const dev of found) {
      const index = idx[dev.fingerprintIndex] ?? -1;
      const id = ds.identities[index];
      if (id === undefined || dev.items.length === 0) continue;
      c.fingerprints++;
      const ref = { index, label: ds.labels[index] ?? dev.name, type: id.type };
      for (const item of dev.items) c.add(`fp:${index}`, ref, 'fingerprint', item.kind, describeItem(item));
    }
    yield { phase: 'deviations', done: Math.min(inScope.length, a + chunk), total: inScope.length };
  }
}

export function* previewPolicySteps(draft: string, dataset: PreviewDatasetInput | PreparedDataset, opts: PreviewOptions = {}): Steps {
  const ds = isPreparedDataset(dataset) ? dataset : prepareDataset(dataset);
  const chunk = Math.max(1, opts.chunk ?? 256);
  const d = readDraft(draft);
  const notes = [...d.notes];
  const result: PreviewResult = {
    diagnostics: d.diagnostics,
    errorCount: d.diagnostics.filter((x) => x.severity === 'error').length,
    policy: null,
    scope: null,
    deviations: null,
    actions: null,
    coverage: null,
    notes,
  };
  yield { phase: 'validate', done: 1, total: 1 };
  const policy = d.policy;
  if (policy === null) return result;
  result.policy = infoOf(policy, ds);
  const inScope = yield* scopeSteps(policy, ds, chunk, notes);
  const sampleSize = opts.sampleSize ?? 20;
  result.scope = {
    count: inScope.length,
    total: ds.identities.length,
    sample: inScope.slice(0, sampleSize).map((i) => ({ index: i, label: ds.labels[i] ?? '', type: (ds.identities[i] as WorkloadIdentity).type })),
    eventWorkloads: 0,
  };
  if (policy.metadata.type === 'cluster') {
    notes.push('Cluster policies act through their rulesets: deviations and rule coverage are not previewed.');
    return result;
  }
  const wp = policy as WorkloadPolicy;
  const inScopeIds = inScope.map((i) => ds.identities[i] as WorkloadIdentity);
  try {
    result.actions = summarizeActions(wp, inScopeIds);
  } catch (e) {
    notes.push(`Response actions could not be summarised: ${message(e)}`);
  }
  if (wp.spec.enabled === false) notes.push('The draft is disabled (enabled: false): deviations are shown as if it were enabled.');
  const collector = new DeviationCollector(opts.maxSamples ?? 3);
  if (d.valid) yield* fingerprintDeviationSteps(wp, ds, inScope, Math.max(1, opts.deviationChunk ?? 16), collector, notes);
  else notes.push('Fingerprint deviations need a valid draft: fix the errors to see them.');
  yield* replaySteps(wp, ds, inScope, chunk, collector, result, notes);
  result.deviations = collector.summary(opts.maxGroups ?? 100);
  return result;
}

function* replaySteps(policy: WorkloadPolicy, ds: PreparedDataset, inScope: readonly number[], chunk: number, c: DeviationCollector, result: PreviewResult, notes: string[]): Generator<PreviewStep, void, void> {
  let evaluator: EventEvaluator;
  const enabled = policy.spec.enabled === false ? { ...policy, spec: { ...policy.spec, enabled: true } } : policy;
  try {
    evaluator = new EventEvaluator([enabled]);
  } catch (e) {
    notes.push(`Rule coverage could not be computed: ${message(e)}`);
    return;
  }
  let activities = 0;
  for (let a = 0; a < inScope.length; a += chunk) {
    for (const i of inScope.slice(a, a + chunk)) {
      const fp = ds.fingerprints[i];
      const id = ds.identities[i];
      if (fp === undefined || id === undefined) continue;
      for (const ev of fingerprintActivity(fp, id)) {
        evaluator.evaluate(ev);
        activities++;
      }
    }
    yield { phase: 'coverage', done: Math.min(inScope.length, a + chunk), total: inScope.length };
  }
  const events = ds.events;
  const seen = new Set<string>();
  let covered = 0;
  const step = chunk * 16;
  for (let a = 0; a < events.length; a += step) {
    const end = Math.min(events.length, a + step);
    for (let k = a; k < end; k++) {
      const v = evaluator.evaluate(events[k] as (typeof events)[number]);
      if (!v.covered) continue;
      covered++;
      const label = workloadLabel(v.event.workload);
      seen.add(label);
      const kind = v.deviation ? eventDeviationKind(v) : null;
      if (kind === null) continue;
      c.events++;
      c.add(`ev:${label}`, { index: -1, label, type: v.event.workload.type }, 'events', kind, describeEvent(v.event));
    }
    yield { phase: 'events', done: end, total: events.length };
  }
  if (result.scope !== null) result.scope.eventWorkloads = seen.size;
  result.coverage = coverageOf(policy, evaluator.summary(), { fingerprintActivities: activities, events: covered }, findBroadRules(policy));
}

/** The whole preview in one synchronous call. */
export function previewPolicy(draft: string, dataset: PreviewDatasetInput | PreparedDataset, opts: PreviewOptions = {}): PreviewResult {
  const steps = previewPolicySteps(draft, dataset, opts);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}
