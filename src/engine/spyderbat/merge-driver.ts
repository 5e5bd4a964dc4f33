/**
 * The schema-driven merge (spyctl `MergeObject.__merge_subfields`, reference §5
 * "Driver"): for each schema field apply its merge function or recurse into a
 * sub-schema, delete keys the schema does not know, and delete a values-required
 * schema that ends up empty.
 *
 * Symmetric (fingerprint ⊕ fingerprint): a field missing on either side is
 * dropped; a selector present on one side only is deleted; a non-selector
 * sub-object missing from the base is copied from the other side.
 * Asymmetric (policy ⊕ input): a field missing on the other side keeps the base
 * value; sub-objects missing on either side are left alone.
 *
 * Field rules follow reference §5 (spyctl-cli's schema, a superset of v0.13.1's):
 * `matchFields` / `matchFieldsExpressions` on field selectors, `matchExpressions`
 * on label selectors, and `serviceSelector.cgroup` merged as a wildcard. spyctl
 * v0.13.1 merged the cgroup all-equal, which deleted the selector of any service
 * policy merged with another cgroup or under a glob (golden corrections
 * `create-service-cgroup-differs`, `merge-service-cgroup-glob`).
 */
import {
  allEqualMerge,
  commonKeysMerge,
  conditionalStringListMerge,
  expressionListMerge,
  greatestValueMerge,
  keepBaseMerge,
  wildcardMerge,
} from './field-merge.ts';
import { cloneJson, isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';

/** Called once per field; returns the merged value, or null to delete the field. */
export type FieldMerge = (base: unknown, other: unknown, step: MergeStep, path: string) => unknown;

export interface MergeSchema {
  field: string;
  functions: readonly (readonly [string, FieldMerge])[];
  subSchemas: readonly MergeSchema[];
  valuesRequired: boolean;
  isSelector: boolean;
}

/** What the driver reports while merging one input. */
export interface MergeStep {
  symmetric: boolean;
  /** A selector field or whole selector was removed by the merge. */
  onSelectorLoss(path: string, before: unknown, other: unknown, wholeSelector: boolean): void;
  /** A symmetric merge of a selector string field (`result` may equal `before`). */
  onWildcard(path: string, before: string, other: string, result: string): void;
}

const wildcard: FieldMerge = (base, other, step, path) => {
  const result = wildcardMerge(base, other, step.symmetric);
  if (step.symmetric && result !== null && typeof base === 'string' && typeof other === 'string') {
    step.onWildcard(path, base, other, result);
  }
  return result;
};
const allEqual: FieldMerge = (base, other) => allEqualMerge(base, other);
const keepBase: FieldMerge = (base) => keepBaseMerge(base);
const greatest: FieldMerge = (base, other) => greatestValueMerge(base, other);
const commonKeys: FieldMerge = (base, other) => commonKeysMerge(base, other);
const expressions: FieldMerge = (base, other) => expressionListMerge(base, other);
const stringList: FieldMerge = (base, other, step, path) => {
  const result = conditionalStringListMerge(base, other, step.symmetric);
  if (step.symmetric && typeof result === 'string' && typeof base === 'string' && typeof other === 'string') {
    step.onWildcard(path, base, other, result);
  }
  return result;
};

function selector(field: string, functions: readonly (readonly [string, FieldMerge])[]): MergeSchema {
  const fields = [['matchFields', commonKeys] as const, ['matchFieldsExpressions', expressions] as const, ...functions];
  return { field, functions: fields, subSchemas: [], valuesRequired: true, isSelector: true };
}

function labelSelector(field: string): MergeSchema {
  return {
    field,
    functions: [['matchLabels', commonKeys], ['matchExpressions', expressions]],
    subSchemas: [],
    valuesRequired: true,
    isSelector: true,
  };
}

export const POLICY_METADATA_SCHEMA: MergeSchema = {
  field: 'metadata',
  functions: [
    ['name', keepBase],
    ['type', keepBase],
    ['uid', keepBase],
    ['creationTimestamp', keepBase],
    ['latestTimestamp', greatest],
  ],
  subSchemas: [],
  valuesRequired: false,
  isSelector: false,
};

/** The spec schema; process and network merges are supplied by the caller (they keep state). */
export function specSchema(processPolicy: FieldMerge, ingressOrEgress: FieldMerge): MergeSchema {
  return {
    field: 'spec',
    functions: [
      ['enabled', keepBase],
      ['processPolicy', processPolicy],
      ['response', keepBase],
      ['disableProcesses', keepBase],
      ['disableConnections', keepBase],
      ['disablePublicConnections', keepBase],
      ['disablePrivateConnections', keepBase],
      ['mode', keepBase],
    ],
    subSchemas: [
      selector('serviceSelector', [['cgroup', wildcard]]),
      selector('containerSelector', [
        ['image', wildcard],
        ['imageID', allEqual],
        ['containerName', wildcard],
        ['containerID', allEqual],
      ]),
      selector('clusterSelector', []),
      selector('machineSelector', [
        ['hostname', stringList],
        ['machineUID', stringList],
      ]),
      labelSelector('podSelector'),
      labelSelector('namespaceSelector'),
      {
        field: 'networkPolicy',
        functions: [
          ['ingress', ingressOrEgress],
          ['egress', ingressOrEgress],
        ],
        subSchemas: [],
        valuesRequired: false,
        isSelector: false,
      },
    ],
    valuesRequired: true,
    isSelector: false,
  };
}

function present(v: unknown): boolean {
  return v !== null && v !== undefined;
}

function applyFunction(data: Json, other: Json | undefined, field: string, fn: FieldMerge, step: MergeStep, path: string): void {
  const base = data[field];
  const o = other?.[field];
  let result: unknown;
  if (step.symmetric) result = present(base) && present(o) ? fn(base, o, step, path) : null;
  else result = present(o) ? fn(base, o, step, path) : base;
  if (present(result)) data[field] = result;
  else if (Object.hasOwn(data, field)) delete data[field];
}

/** Merge `other` into `data` (mutated) under `schema`; false when `data` must be deleted. */
export function mergeFields(data: Json, other: Json | undefined, schema: MergeSchema, step: MergeStep, path: string): boolean {
  for (const [field, fn] of schema.functions) {
    const before = data[field];
    applyFunction(data, other, field, fn, step, `${path}.${field}`);
    if (schema.isSelector && present(before) && !present(data[field])) {
      step.onSelectorLoss(`${path}.${field}`, before, other?.[field], false);
    }
  }
  for (const sub of schema.subSchemas) {
    const f = data[sub.field];
    const o = other?.[sub.field];
    const subPath = `${path}.${sub.field}`;
    if (!present(f) && !present(o)) continue;
    if (step.symmetric && (!present(f) || !present(o)) && sub.isSelector) {
      if (Object.hasOwn(data, sub.field)) {
        step.onSelectorLoss(subPath, f, o, true);
        delete data[sub.field];
      }
      continue;
    }
    if (step.symmetric && !present(f)) {
      data[sub.field] = cloneJson(o);
      continue;
    }
    if (!present(f) || !present(o)) continue;
    if (!isRecord(f) || !isRecord(o)) {
      // Not a mapping (schema-invalid): keep the base as it is.
      continue;
    }
    if (!mergeFields(f, o, sub, step, subPath)) {
      if (sub.isSelector) step.onSelectorLoss(subPath, f, o, true);
      delete data[sub.field];
    }
  }
  const known = new Set([...schema.functions.map(([k]) => k), ...schema.subSchemas.map((s) => s.field)]);
  for (const k of Object.keys(data)) if (!known.has(k)) delete data[k];
  return !(schema.valuesRequired && Object.keys(data).length === 0);
}
