/**
 * List bodies of the Spyderbat v1 API are NDJSON: one JSON value per line, usually an
 * array (a page of items), sometimes an object (one item, e.g. a policy audit entry).
 * A plain JSON array body is accepted too.
 */
export class NdjsonError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'NdjsonError';
  }
}

/** Every item of an NDJSON (or JSON array) body, in order; arrays are flattened one level. */
export function parseNdjson(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  // One JSON value (possibly pretty-printed over several lines)?
  if (trimmed.startsWith('[') || !trimmed.includes('\n')) {
    try {
      const whole: unknown = JSON.parse(trimmed);
      return Array.isArray(whole) ? (whole as unknown[]) : [whole];
    } catch {
      // Not a single value: read it line by line below.
    }
  }
  const out: unknown[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    const l = line.trim();
    if (l === '') return;
    let value: unknown;
    try {
      value = JSON.parse(l);
    } catch (e) {
      throw new NdjsonError(i + 1, e instanceof Error ? e.message : 'invalid JSON');
    }
    if (Array.isArray(value)) for (const v of value as unknown[]) out.push(v);
    else out.push(value);
  });
  return out;
}

/** Serialises items as NDJSON pages of at most `pageSize` items per line. */
export function toNdjson(items: readonly unknown[], pageSize = 100): string {
  if (items.length === 0) return '';
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += pageSize) lines.push(JSON.stringify(items.slice(i, i + pageSize)));
  return `${lines.join('\n')}\n`;
}
