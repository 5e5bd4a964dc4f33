/**
 * A small YAML emitter that prints what PyYAML's `yaml.dump(obj, sort_keys=False)`
 * prints (spyctl's output): block style, keys in insertion order, sequences
 * inside mappings not indented (`processPolicy:\n- name: x`), empty
 * collections as `[]` / `{}`, PyYAML's scalar quoting and folding.
 *
 * Local to the spyderbat area until the shared `src/engine/yaml/` emitter
 * covers PyYAML's layout; the text diff needs line-exact output.
 */
import { formatScalar } from './yaml-scalar.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function definedEntries(obj: Record<string, unknown>): [string, unknown][] {
  return Object.entries(obj).filter(([, v]) => v !== undefined);
}

function pushText(lines: string[], text: string): void {
  for (const l of text.split('\n')) lines.push(l);
}

function emitValueAfterKey(head: string, v: unknown, indent: number, lines: string[]): void {
  if (Array.isArray(v)) {
    if (v.length === 0) lines.push(`${head} []`);
    else {
      lines.push(head);
      emitSequence(v, indent, lines, null);
    }
  } else if (isRecord(v)) {
    if (definedEntries(v).length === 0) lines.push(`${head} {}`);
    else {
      lines.push(head);
      emitMapping(v, indent + 2, lines, null);
    }
  } else {
    pushText(lines, `${head} ${formatScalar(v, head.length + 1, indent + 2)}`);
  }
}

/** A mapping whose keys sit at `indent`; the first key line starts with `prefix` when given (`- `). */
function emitMapping(obj: Record<string, unknown>, indent: number, lines: string[], prefix: string | null): void {
  definedEntries(obj).forEach(([key, v], i) => {
    const linePrefix = i === 0 && prefix !== null ? prefix : ' '.repeat(indent);
    const head = `${linePrefix}${formatScalar(key, linePrefix.length, indent, true)}:`;
    emitValueAfterKey(head, v, indent, lines);
  });
}

/** A sequence whose `- ` markers sit at `indent`; the first marker follows `prefix` when given. */
function emitSequence(arr: readonly unknown[], indent: number, lines: string[], prefix: string | null): void {
  arr.forEach((item, i) => {
    const itemPrefix = `${i === 0 && prefix !== null ? prefix : ' '.repeat(indent)}- `;
    if (Array.isArray(item)) {
      if (item.length === 0) lines.push(`${itemPrefix}[]`);
      else emitSequence(item, indent + 2, lines, itemPrefix);
    } else if (isRecord(item)) {
      if (definedEntries(item).length === 0) lines.push(`${itemPrefix}{}`);
      else emitMapping(item, indent + 2, lines, itemPrefix);
    } else {
      pushText(lines, itemPrefix + formatScalar(item, itemPrefix.length, indent + 2));
    }
  });
}

/** The lines of one `key: value` entry of a mapping whose keys sit at `indent` (first line after `prefix` if given). */
export function dumpFieldLines(key: string, value: unknown, indent: number, prefix: string | null): string[] {
  const lines: string[] = [];
  emitMapping({ [key]: value }, indent, lines, prefix);
  return lines;
}

/** The lines of one sequence item whose `- ` sits at column `indent`. */
export function dumpItemLines(item: unknown, indent: number): string[] {
  const lines: string[] = [];
  emitSequence([item], indent, lines, null);
  return lines;
}

/** The lines `yaml.dump(value, sort_keys=False)` prints, without the final newline. */
export function dumpYamlLines(value: unknown): string[] {
  const lines: string[] = [];
  if (Array.isArray(value)) {
    if (value.length === 0) lines.push('[]');
    else emitSequence(value, 0, lines, null);
  } else if (isRecord(value)) {
    if (definedEntries(value).length === 0) lines.push('{}');
    else emitMapping(value, 0, lines, null);
  } else {
    pushText(lines, formatScalar(value, 0, 0));
  }
  return lines;
}

/** `yaml.dump(value, sort_keys=False)`: PyYAML block layout, ending in a newline. */
export function dumpYaml(value: unknown): string {
  return `${dumpYamlLines(value).join('\n')}\n`;
}
