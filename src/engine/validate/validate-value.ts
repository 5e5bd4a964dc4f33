/**
 * Validation of one parsed document value (an object or an items list),
 * independent of YAML: returns problems with JSON paths.
 */
import { KINDS, POLICY_TYPES } from '../model/constants.ts';
import { isRecord } from '../model/schema-helpers.ts';
import type { PlainRecord } from '../model/schema-helpers.ts';
import { itemsEnvelopeSchema, schemaFor } from '../model/schemas.ts';
import type { PolicyType } from '../model/types.ts';
import { MAX_DEPTH } from '../yaml/fast-parse.ts';
import { formatPath } from '../yaml/path.ts';
import type { Path } from '../yaml/path.ts';
import { describeValue, problem } from './problem.ts';
import type { Problem, Where } from './problem.ts';
import { checkProcessRefs, checkProcessTree, checkRequiredSelector, checkResponse } from './semantic.ts';
import { zodProblems } from './zod-issues.ts';

const KIND_LIST = KINDS.join(', ');
const defaultWhere: Where = (path) => formatPath(path);

const MAX_VISITS = 5_000_000;

/**
 * True when `value` nests deeper than `limit`, contains a cycle, or is too
 * large to walk (iterative; shared sub-objects, e.g. from YAML aliases, are fine).
 */
export function exceedsDepth(value: unknown, limit = MAX_DEPTH): boolean {
  const EXIT = Symbol('exit');
  const stack: Array<[unknown, number] | [typeof EXIT, object]> = [[value, 0]];
  const ancestors = new Set<object>();
  let visits = 0;
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    if (top[0] === EXIT) {
      ancestors.delete(top[1] as object);
      continue;
    }
    const [cur, depth] = top as [unknown, number];
    if (cur === null || typeof cur !== 'object') continue;
    if (depth >= limit || ancestors.has(cur) || ++visits > MAX_VISITS) return true;
    ancestors.add(cur);
    stack.push([EXIT, cur]);
    const children = Array.isArray(cur) ? cur : Object.values(cur);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function policyType(meta: unknown): PolicyType | undefined {
  const type = isRecord(meta) ? meta.type : undefined;
  return (POLICY_TYPES as readonly unknown[]).includes(type) ? (type as PolicyType) : undefined;
}

function workloadChecks(obj: PlainRecord, base: Path, where: Where, out: Problem[], policy: boolean): void {
  const spec = obj.spec;
  if (!isRecord(spec)) return;
  const specPath = [...base, 'spec'];
  const type = policyType(obj.metadata);
  if (type && type !== 'cluster') checkRequiredSelector(type, spec, specPath, out);
  if (type === 'cluster' && obj.kind === 'SpyderbatPolicy') {
    checkResponse(spec.response, type, [...specPath, 'response'], out);
    return;
  }
  const ids = checkProcessTree(spec, specPath, { rootsNeedEuser: true, allowPolicyNode: false }, where, out);
  checkProcessRefs(spec, ids, specPath, out);
  if (policy) checkResponse(spec.response, type, [...specPath, 'response'], out);
}

function semanticChecks(obj: PlainRecord, base: Path, where: Where, out: Problem[]): void {
  switch (obj.kind) {
    case 'SpyderbatFingerprint':
    case 'SpyderbatBaseline':
      workloadChecks(obj, base, where, out, false);
      break;
    case 'SpyderbatPolicy':
      workloadChecks(obj, base, where, out, true);
      break;
    case 'FingerprintGroup': {
      const fps = isRecord(obj.data) ? obj.data.fingerprints : undefined;
      if (Array.isArray(fps)) {
        fps.forEach((fp, i) => {
          if (isRecord(fp)) workloadChecks(fp, [...base, 'data', 'fingerprints', i], where, out, false);
        });
      }
      break;
    }
    case 'GuardianDeviation': {
      if (!isRecord(obj.spec)) break;
      const specPath = [...base, 'spec'];
      const ids = checkProcessTree(obj.spec, specPath, { rootsNeedEuser: false, allowPolicyNode: true }, where, out);
      checkProcessRefs(obj.spec, ids, specPath, out);
      break;
    }
    default:
      break;
  }
}

/** Drops schema problems at a path where a cross-field rule said something more specific. */
function merge(schema: Problem[], semantic: Problem[]): Problem[] {
  if (semantic.length === 0) return schema;
  const taken = new Set(semantic.map((p) => formatPath(p.path)));
  return [...schema.filter((p) => !taken.has(formatPath(p.path))), ...semantic];
}

function validateObject(value: unknown, base: Path, where: Where, nested: boolean): Problem[] {
  if (!isRecord(value)) {
    return [problem(base, `a Spyderbat document must be a mapping with apiVersion, kind, metadata and spec, not ${describeValue(value)}`)];
  }
  const schema = schemaFor(value);
  if (!schema) {
    if (value.items !== undefined && (value.kind === undefined || typeof value.kind !== 'string' || !KINDS.includes(value.kind as never))) {
      if (nested) return [problem([...base, 'items'], 'nested item lists are not allowed')];
      return validateList(value, base, where);
    }
    if (value.kind === undefined) return [problem([...base, 'kind'], `missing required field 'kind' (one of ${KIND_LIST})`)];
    return [problem([...base, 'kind'], `unknown kind ${describeValue(value.kind)}; expected one of ${KIND_LIST}`)];
  }
  const out: Problem[] = [];
  semanticChecks(value, base, where, out);
  const schemaProblems = zodProblems(schema, value, base, String(value.kind));
  if (value.kind === 'SpyderbatPolicy' && policyType(value.metadata) === undefined) {
    // The workload model was picked, but a policy may also be of type cluster.
    const typePath = formatPath([...base, 'metadata', 'type']);
    for (const p of schemaProblems) {
      if (formatPath(p.path) === typePath) p.message = p.message.replace('container or linux-service', 'container, linux-service or cluster');
    }
  }
  return merge(schemaProblems, out);
}

function validateList(value: PlainRecord, base: Path, where: Where): Problem[] {
  const out = zodProblems(itemsEnvelopeSchema, value, base, 'items list');
  const items = value.items;
  if (Array.isArray(items)) {
    items.forEach((item, i) => out.push(...validateObject(item, [...base, 'items', i], where, true)));
  }
  return out;
}

/**
 * All problems of one document value (object or `{apiVersion, items}` list).
 * `where` describes another path for cross-references (default: the path).
 */
export function validateValue(value: unknown, where: Where = defaultWhere): Problem[] {
  if (exceedsDepth(value)) {
    return [problem([], `nesting too deep: more than ${MAX_DEPTH} levels of lists and mappings`)];
  }
  return validateObject(value, [], where, false);
}
