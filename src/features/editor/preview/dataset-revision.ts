/**
 * The revision of the preview data set: one key per distinct combination of
 * query results. TanStack Query keeps the same data reference when a refetch
 * returns equal data (structural sharing), so keying on identity reloads the
 * worker only when the data really changed — not on every refetch, which a key
 * made of `dataUpdatedAt` values would do.
 */

const ids = new WeakMap<object, number>();
let next = 1;

/** A stable number per object (the same object always gets the same number). */
export function identityOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = next++;
    ids.set(value, id);
  }
  return id;
}

/** A short text hash (FNV-1a, 32 bit, base 36). */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The revision key of a data set made of `parts` (query data; `undefined` or
 * `null` for a part that is missing or failed), scoped to a data source.
 */
export function datasetRevision(scope: string, parts: readonly (object | null | undefined)[]): string {
  const sig = parts.map((p) => (p === null || p === undefined ? '-' : String(identityOf(p)))).join('.');
  return `preview:${hashText(scope)}:${sig}`;
}
