/**
 * Public validation entry points: a YAML text (located diagnostics) or an
 * already-parsed value (paths only; line and column 0).
 */
import type { EngineDiagnostic } from '../model/types.ts';
import { parseDocuments } from '../yaml/documents.ts';
import { formatPath } from '../yaml/path.ts';
import { validateValue } from './validate-value.ts';

/** Every syntax and validation diagnostic of a YAML text, ordered by line. Never throws. */
export function validate(text: string, file?: string): EngineDiagnostic[] {
  return parseDocuments(text, file).diagnostics;
}

/** Validation diagnostics of a parsed value (object or items list). Never throws. */
export function validateObject(value: unknown): EngineDiagnostic[] {
  try {
    return validateValue(value).map((p) => ({
      line: 0,
      column: 0,
      path: formatPath(p.path),
      message: p.message,
      severity: p.severity,
    }));
  } catch (e) {
    const why = e instanceof RangeError ? 'nesting too deep' : e instanceof Error ? e.message : String(e);
    return [{ line: 0, column: 0, path: '', message: `could not validate: ${why}`, severity: 'error' }];
  }
}
