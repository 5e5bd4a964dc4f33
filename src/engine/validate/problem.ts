/** A validation finding before it is given a source position. */
import type { Path, PathSegment } from '../yaml/path.ts';

export interface Problem {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
}

/** Describes another place in the document for cross-references ("line 14"). */
export type Where = (path: Path) => string;

export function problem(path: Path, message: string, severity: 'error' | 'warning' = 'error'): Problem {
  return { path: [...path], message, severity };
}

/** The value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** How a value looks, for messages: "a number (443)", "text ('tcp')", "a list". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `text ('${value.slice(0, 37)}...')` : `text ('${value}')`;
    case 'number':
      return Number.isNaN(value) ? 'NaN' : `a number (${value})`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

/** The field a path ends at, for messages: `name`, `exe[1]`, `document`. */
export function fieldLabel(path: Path): string {
  let suffix = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') suffix = `[${seg}]${suffix}`;
    else return `${seg ?? ''}${suffix}`;
  }
  return suffix === '' ? 'document' : `item${suffix}`;
}
