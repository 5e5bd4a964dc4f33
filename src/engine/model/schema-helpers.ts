/** Small value predicates shared by the schemas and the validator. */

export type PlainRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is PlainRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python truthiness of a parsed YAML value (what spyctl's `if value:` tests). */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** A selector "has values" when at least one of its fields is truthy. */
export function hasAnyValue(selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  for (const key in selector) {
    if (isTruthy(selector[key])) return true;
  }
  return false;
}

export function formatList(values: readonly string[]): string {
  if (values.length === 0) return '';
  if (values.length === 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}
