/**
 * The zod schemas of every Spyderbat document kind — the single source of truth
 * for validation and for the editor's JSON schema.
 */
import * as z from 'zod';
import { API_VERSION } from './types.ts';
import type { Kind } from './constants.ts';
import { isRecord } from './schema-helpers.ts';
import {
  baselineSchema,
  clusterPolicySchema,
  deviationSchema,
  fingerprintGroupSchema,
  fingerprintSchema,
  rulesetSchema,
  workloadPolicySchema,
} from './schemas-objects.ts';

export * from './schemas-selectors.ts';
export * from './schemas-network.ts';
export * from './schemas-response.ts';
export * from './schemas-objects.ts';

/** A SpyderbatPolicy of any type (the model is chosen by metadata.type). */
export const policySchema = z.union([workloadPolicySchema, clusterPolicySchema]);

/** Any single Spyderbat document. */
export const objectSchema = z.union([
  fingerprintSchema,
  fingerprintGroupSchema,
  baselineSchema,
  workloadPolicySchema,
  clusterPolicySchema,
  rulesetSchema,
  deviationSchema,
]);

/** `{apiVersion, items: [...]}`; each item is validated on its own. */
export const itemsListSchema = z.looseObject({
  apiVersion: z.literal(API_VERSION).describe('Always spyderbat/v1.'),
  items: z.array(objectSchema).describe('Spyderbat documents; nested item lists are not allowed.'),
});

/** Envelope-only check of an items list (the items are validated one by one). */
export const itemsEnvelopeSchema = z.looseObject({
  apiVersion: z.literal(API_VERSION),
  items: z.array(z.unknown()),
});

/** Any file Palisade reads: one document or an items list. */
export const documentSchema = z.union([objectSchema, itemsListSchema]);

export type ObjectSchema =
  | typeof fingerprintSchema
  | typeof fingerprintGroupSchema
  | typeof baselineSchema
  | typeof workloadPolicySchema
  | typeof clusterPolicySchema
  | typeof rulesetSchema
  | typeof deviationSchema;

const BY_KIND: Record<Exclude<Kind, 'SpyderbatPolicy'>, ObjectSchema> = {
  SpyderbatFingerprint: fingerprintSchema,
  FingerprintGroup: fingerprintGroupSchema,
  SpyderbatBaseline: baselineSchema,
  SpyderbatRuleset: rulesetSchema,
  GuardianDeviation: deviationSchema,
};

export function isKind(kind: unknown): kind is Kind {
  return typeof kind === 'string' && (kind === 'SpyderbatPolicy' || Object.hasOwn(BY_KIND, kind));
}

/**
 * The schema spyctl would validate `value` with: by `kind`, and for
 * SpyderbatPolicy by `metadata.type` (cluster ⇒ cluster policy). Undefined when
 * the kind is unknown.
 */
export function schemaFor(value: unknown): ObjectSchema | undefined {
  if (!isRecord(value) || !isKind(value.kind)) return undefined;
  if (value.kind !== 'SpyderbatPolicy') return BY_KIND[value.kind];
  const meta = value.metadata;
  return isRecord(meta) && meta.type === 'cluster' ? clusterPolicySchema : workloadPolicySchema;
}
