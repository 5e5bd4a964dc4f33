/**
 * What create / merge / diff accept, flattened to the objects that get merged
 * (spyctl `handle_input_data`): fingerprints, baselines, policies and deviations
 * as they are; a FingerprintGroup's `data.fingerprints`; an items list's items
 * (recursively); a deviation event record (`schema: event_audit:guardian_deviation…`
 * or `event_deviation:…`) as its `deviation`.
 */
import type { ItemsList, SpyderbatObject } from '../model/types.ts';

export type EngineInput = SpyderbatObject | ItemsList;

export type Json = Record<string, unknown>;

export interface FlatInput {
  obj: Json;
  /** Index of the top-level input it came from. */
  inputIndex: number;
}

export interface SkippedInput {
  inputIndex: number;
  reason: string;
}

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MERGEABLE_KINDS = new Set(['SpyderbatFingerprint', 'SpyderbatBaseline', 'SpyderbatPolicy', 'GuardianDeviation']);
const MAX_DEPTH = 32;

function isDeviationRecord(o: Json): boolean {
  const schema = o.schema;
  return (
    typeof schema === 'string' &&
    (schema.startsWith('event_audit:guardian_deviation') || schema.startsWith('event_deviation')) &&
    isRecord(o.deviation)
  );
}

function flattenOne(v: unknown, inputIndex: number, out: FlatInput[], skipped: SkippedInput[], depth: number): void {
  if (!isRecord(v) || depth > MAX_DEPTH) {
    skipped.push({ inputIndex, reason: 'not an object' });
    return;
  }
  const kind = v.kind;
  if (typeof kind === 'string' && MERGEABLE_KINDS.has(kind)) {
    if (isRecord(v.spec) && isRecord(v.metadata)) out.push({ obj: v, inputIndex });
    else skipped.push({ inputIndex, reason: `${kind} without metadata or spec` });
  } else if (kind === undefined && isDeviationRecord(v)) {
    flattenOne(v.deviation, inputIndex, out, skipped, depth + 1);
  } else if (kind === 'FingerprintGroup') {
    const data = v.data;
    const fps = isRecord(data) ? data.fingerprints : undefined;
    if (Array.isArray(fps)) for (const fp of fps) flattenOne(fp, inputIndex, out, skipped, depth + 1);
    else skipped.push({ inputIndex, reason: 'FingerprintGroup without data.fingerprints' });
  } else if (Array.isArray(v.items)) {
    for (const item of v.items) flattenOne(item, inputIndex, out, skipped, depth + 1);
  } else {
    skipped.push({ inputIndex, reason: `unsupported kind ${typeof kind === 'string' ? kind : '(none)'}` });
  }
}

/** The mergeable objects inside `inputs`, in order. */
export function flattenInputs(inputs: readonly unknown[]): { items: FlatInput[]; skipped: SkippedInput[] } {
  const items: FlatInput[] = [];
  const skipped: SkippedInput[] = [];
  inputs.forEach((v, i) => flattenOne(v, i, items, skipped, 0));
  return { items, skipped };
}

export function metadataOf(obj: Json): Json {
  return isRecord(obj.metadata) ? obj.metadata : {};
}

export function specOf(obj: Json): Json {
  return isRecord(obj.spec) ? obj.spec : {};
}

/** Deep copy of JSON-like data (objects, arrays, scalars), keeping key order. */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => cloneJson(x)) as T;
  if (isRecord(v)) {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneJson(x);
    return out as T;
  }
  return v;
}

/** Python `==` on JSON data: mappings compare regardless of key order, lists in order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A stable text key for JSON data (sorted keys), as `json.dumps(sort_keys=True)`. */
export function canonicalJson(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) s += ',';
      // A hole prints as nothing, as Array.prototype.join does.
      if (i in v) s += canonicalJson(v[i]);
    }
    return `${s}]`;
  }
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length > 1) keys.sort();
    let s = '{';
    let first = true;
    for (const k of keys) {
      const x = v[k];
      if (x === undefined) continue;
      s += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(x)}`;
      first = false;
    }
    return `${s}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
