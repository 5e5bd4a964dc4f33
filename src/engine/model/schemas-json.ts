/**
 * JSON Schemas for the editor (monaco-yaml), generated from the zod schemas so
 * there is one source of truth. Every field carries a `description` (hover
 * docs); enums list the allowed values.
 */
import * as z from 'zod';
import type { Kind } from './constants.ts';
import {
  baselineSchema,
  deviationSchema,
  documentSchema,
  fingerprintGroupSchema,
  fingerprintSchema,
  itemsListSchema,
  policySchema,
  rulesetSchema,
} from './schemas.ts';

export type JsonSchema = Record<string, unknown>;
export type JsonSchemaKind = Kind | 'List';

const SOURCES: Record<JsonSchemaKind, z.ZodType> = {
  SpyderbatFingerprint: fingerprintSchema,
  FingerprintGroup: fingerprintGroupSchema,
  SpyderbatBaseline: baselineSchema,
  SpyderbatPolicy: policySchema,
  SpyderbatRuleset: rulesetSchema,
  GuardianDeviation: deviationSchema,
  List: itemsListSchema,
};

const cache = new Map<string, JsonSchema>();

function generate(key: string, schema: z.ZodType, title: string): JsonSchema {
  const hit = cache.get(key);
  if (hit) return hit;
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', reused: 'ref' }) as JsonSchema;
  const result: JsonSchema = { ...json, title };
  cache.set(key, result);
  return result;
}

/** Draft-07 JSON Schema of one kind (`List` = an items list). Cached; do not mutate. */
export function jsonSchemaFor(kind: JsonSchemaKind): JsonSchema {
  return generate(kind, SOURCES[kind], kind === 'List' ? 'Spyderbat items list' : kind);
}

/** JSON Schema of a SpyderbatPolicy (workload or cluster). */
export function policyJsonSchema(): JsonSchema {
  return jsonSchemaFor('SpyderbatPolicy');
}

/** JSON Schema of any Spyderbat document or items list (for a generic editor). */
export function documentJsonSchema(): JsonSchema {
  return generate('document', documentSchema, 'Spyderbat document');
}
