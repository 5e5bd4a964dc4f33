import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { KINDS } from './constants.ts';
import { documentJsonSchema, jsonSchemaFor, policyJsonSchema } from './schemas-json.ts';
import type { JsonSchema, JsonSchemaKind } from './schemas-json.ts';
import { clusterPolicySchema, clusterPolicySpecSchema, rulesetSchema, schemaFor, workloadPolicySchema } from './schemas.ts';
import type { baselineSchema, deviationSchema, fingerprintGroupSchema, fingerprintSchema } from './schemas.ts';
import type {
  ClusterPolicy,
  FingerprintGroup,
  GuardianDeviation,
  SpyderbatBaseline,
  SpyderbatFingerprint,
  SpyderbatRuleset,
  WorkloadPolicy,
} from './types.ts';
import { validClusterPolicy, validPolicy } from '../__fixtures__/validate/objects.ts';

type Json = Record<string, unknown>;

function resolve(root: JsonSchema, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/definitions/', '');
  const defs = root.definitions as Record<string, Json> | undefined;
  return ref === '#' ? root : (defs?.[name] ?? node);
}

/** Every property schema of a JSON Schema, with its path, following $refs once. */
function properties(root: JsonSchema): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  const seen = new Set<Json>();
  const stack: Array<[string, Json]> = [['', root]];
  while (stack.length > 0) {
    const [path, raw] = stack.pop() ?? ['', {}];
    const node = resolve(root, raw);
    if (seen.has(node)) continue;
    seen.add(node);
    const props = node.properties as Record<string, Json> | undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      out.push([`${path}.${key}`, child]);
      stack.push([`${path}.${key}`, child]);
    }
    for (const key of ['items', 'additionalProperties']) {
      const child = node[key];
      if (child && typeof child === 'object') stack.push([`${path}[]`, child as Json]);
    }
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      const list = node[key];
      if (Array.isArray(list)) for (const child of list as Json[]) stack.push([path, child]);
    }
  }
  return out;
}

function hasDescription(root: JsonSchema, node: Json): boolean {
  if (typeof node.description === 'string' && node.description.length > 0) return true;
  const target = resolve(root, node);
  if (target !== node) return hasDescription(root, target);
  const all = node.allOf;
  return Array.isArray(all) && (all as Json[]).some((n) => hasDescription(root, n));
}

describe('JSON schemas for the editor', () => {
  const kinds: JsonSchemaKind[] = [...KINDS, 'List'];

  it.each(kinds)('%s: every field has a description', (kind) => {
    const schema = jsonSchemaFor(kind);
    const props = properties(schema);
    expect(props.length).toBeGreaterThan(3);
    const missing = props.filter(([, node]) => !hasDescription(schema, node)).map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('lists the enums for mode, severity, protocol and operators', () => {
    const text = JSON.stringify(policyJsonSchema());
    expect(text).toContain('"enum":["audit","enforce"]');
    expect(text).toContain('"enum":["critical","high","medium","low","info"]');
    expect(text).toContain('"enum":["TCP","UDP"]');
    expect(text).toContain('"enum":["In","NotIn","Exists","DoesNotExist"]');
    expect(policyJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('rejects unknown keys where spyctl does', () => {
    const policy = JSON.stringify(policyJsonSchema());
    expect(policy).toContain('"additionalProperties":false');
    expect(documentJsonSchema().title).toBe('Spyderbat document');
    expect(jsonSchemaFor('SpyderbatPolicy')).toBe(policyJsonSchema());
  });
});

describe('schemas', () => {
  it('are chosen by kind and metadata.type', () => {
    expect(schemaFor(validPolicy())).toBe(workloadPolicySchema);
    expect(schemaFor(validClusterPolicy())).toBe(clusterPolicySchema);
    expect(schemaFor({ kind: 'SpyderbatRuleset' })).toBe(rulesetSchema);
    expect(schemaFor({ kind: 'Nope' })).toBeUndefined();
    expect(schemaFor('x')).toBeUndefined();
  });

  it('parse valid objects', () => {
    expect(workloadPolicySchema.safeParse(validPolicy()).success).toBe(true);
    expect(clusterPolicySpecSchema.safeParse(validClusterPolicy().spec).success).toBe(true);
  });

  it('infer types assignable to the shared model types', () => {
    const accept = <T>(value: T): T => value;
    const checks = [
      accept<SpyderbatFingerprint>({} as z.infer<typeof fingerprintSchema>),
      accept<SpyderbatBaseline>({} as z.infer<typeof baselineSchema>),
      accept<WorkloadPolicy>({} as z.infer<typeof workloadPolicySchema>),
      accept<ClusterPolicy>({} as z.infer<typeof clusterPolicySchema>),
      accept<FingerprintGroup>({} as z.infer<typeof fingerprintGroupSchema>),
      accept<SpyderbatRuleset>({} as z.infer<typeof rulesetSchema>),
      accept<GuardianDeviation>({} as z.infer<typeof deviationSchema>),
    ];
    expect(checks).toHaveLength(7);
  });
});
