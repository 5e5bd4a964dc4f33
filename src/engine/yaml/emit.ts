/**
 * Block-style YAML output matching PyYAML's `yaml.dump(obj, sort_keys=False)`
 * (what spyctl prints): 2-space indentation, list items at the same
 * indentation as their parent key, `[]` / `{}` for empty collections, and
 * spyctl's key order.
 */
import { isRecord } from '../model/schema-helpers.ts';
import { emitNumber, emitString } from './emit-scalar.ts';
import { childRole, orderedKeys } from './key-order.ts';
import type { Role } from './key-order.ts';

const MAX_EMIT_DEPTH = 1000;

function scalar(value: unknown, column: number, indent: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return emitNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return emitString(value, column, indent, false);
  if (value instanceof Date) return emitString(value.toISOString(), column, indent, false);
  return 'null';
}

function isEmptyCollection(value: unknown): string | null {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : null;
  if (isRecord(value)) return orderedKeys(value, 'plain').length === 0 ? '{}' : null;
  return null;
}

/**
 * PyYAML writes empty, multi-line and long keys as `? key`; "long" counts the
 * key plus its 5-character tag `!!str` against a limit of 128.
 */
function isComplexKey(key: string): boolean {
  return key === '' || /[\n\x85\u2028\u2029]/.test(key) || Array.from(key).length + 5 >= 128;
}

function guard(depth: number): void {
  if (depth > MAX_EMIT_DEPTH) throw new RangeError('nesting too deep to print (or a cycle)');
}

function mapping(obj: Record<string, unknown>, role: Role, indent: number, lead: string | null, depth: number): string {
  guard(depth);
  let out = '';
  orderedKeys(obj, role).forEach((key, i) => {
    const prefix = i === 0 && lead !== null ? lead : ' '.repeat(indent);
    const value = obj[key];
    const sub = childRole(role, key);
    const empty = isEmptyCollection(value);
    if (isComplexKey(key)) {
      out += `${prefix}? ${emitString(key, prefix.length + 2, indent + 2, false)}\n`;
      const valueLead = `${' '.repeat(indent)}: `;
      if (empty !== null) out += `${valueLead}${empty}\n`;
      else if (Array.isArray(value)) out += sequence(value, sub, indent + 2, valueLead, depth + 1);
      else if (isRecord(value)) out += mapping(value, sub, indent + 2, valueLead, depth + 1);
      else out += `${valueLead}${scalar(value, valueLead.length, indent + 2)}\n`;
      return;
    }
    const line = `${prefix}${emitString(key, prefix.length, indent + 2, true)}:`;
    if (empty !== null) out += `${line} ${empty}\n`;
    else if (Array.isArray(value)) out += `${line}\n${sequence(value, sub, indent, null, depth + 1)}`;
    else if (isRecord(value)) out += `${line}\n${mapping(value, sub, indent + 2, null, depth + 1)}`;
    else out += `${line} ${scalar(value, line.length + 1, indent + 2)}\n`;
  });
  return out;
}

function sequence(items: readonly unknown[], role: Role, indent: number, lead: string | null, depth: number): string {
  guard(depth);
  let out = '';
  items.forEach((item, i) => {
    const prefix = `${i === 0 && lead !== null ? lead : ' '.repeat(indent)}- `;
    const empty = isEmptyCollection(item);
    if (empty !== null) out += `${prefix}${empty}\n`;
    else if (Array.isArray(item)) out += sequence(item, role, indent + 2, prefix, depth + 1);
    else if (isRecord(item)) out += mapping(item, role, indent + 2, prefix, depth + 1);
    else out += `${prefix}${scalar(item, prefix.length, indent + 2)}\n`;
  });
  return out;
}

/** One YAML document for `value`, with keys ordered for `role`. */
export function emitDocument(value: unknown, role: Role = 'doc'): string {
  const empty = isEmptyCollection(value);
  if (empty !== null) return `${empty}\n`;
  if (Array.isArray(value)) return sequence(value, role, 0, null, 0);
  if (isRecord(value)) return mapping(value, role, 0, null, 0);
  return `${scalar(value, 0, 2)}\n...\n`;
}
