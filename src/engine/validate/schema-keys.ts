/**
 * Looks up, in a zod schema, which keys the object at a path may have — used
 * to suggest a fix for a misspelt key ("did you mean 'children'?").
 */
import * as z from 'zod';
import { isRecord } from '../model/schema-helpers.ts';
import type { Path } from '../yaml/path.ts';
import { valueAt } from './problem.ts';

function unwrap(schema: z.ZodType): z.ZodType {
  let cur = schema;
  for (let i = 0; i < 8; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else break;
  }
  return cur;
}

function keysOf(schema: z.ZodType): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

/** Among union options, the object schema sharing the most keys with `value`. */
function pickOption(options: readonly z.ZodType[], value: unknown): z.ZodType | undefined {
  const present = isRecord(value) ? Object.keys(value) : [];
  let best: z.ZodType | undefined;
  let bestScore = -1;
  for (const raw of options) {
    const option = unwrap(raw);
    const keys = keysOf(option);
    if (!keys) continue;
    const score = present.filter((k) => keys.includes(k)).length;
    if (score > bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

/** The object schema governing the value at `path`, if the path is inside an object schema. */
export function schemaAt(root: z.ZodType, value: unknown, path: Path): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  for (let i = 0; i <= path.length && schema; i++) {
    if (schema instanceof z.ZodUnion) {
      schema = pickOption(schema.options as readonly z.ZodType[], valueAt(value, path.slice(0, i)));
      if (!schema) return undefined;
    }
    if (i === path.length) return schema;
    const seg = path[i];
    if (schema instanceof z.ZodObject && typeof seg === 'string') {
      const shape = schema.shape as Record<string, z.ZodType>;
      schema = Object.hasOwn(shape, seg) ? unwrap(shape[seg] as z.ZodType) : undefined;
    } else if (schema instanceof z.ZodArray && typeof seg === 'number') {
      schema = unwrap(schema.element as z.ZodType);
    } else {
      return undefined;
    }
  }
  return schema;
}

export function allowedKeysAt(root: z.ZodType, value: unknown, path: Path): string[] | undefined {
  const schema = schemaAt(root, value, path);
  return schema ? keysOf(schema) : undefined;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      prev[j] = Math.min((prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = tmp;
    }
  }
  return prev[b.length] ?? 0;
}

/** The closest allowed key to a misspelt one, when close enough to be a typo. */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const candidate of allowed) {
    const d = distance(key, candidate);
    if (d < bestDist) {
      best = candidate;
      bestDist = d;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.ceil(key.length / 2)));
  return bestDist <= limit ? best : undefined;
}
