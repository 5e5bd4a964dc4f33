/** Reading a preview result for the panel: YAML that does not parse pauses the preview. */
import type { EngineDiagnostic } from '../../../engine/model/types.ts';
import type { PreviewResult } from '../../../engine/preview/types.ts';

const SYNTAX = /^YAML syntax error/i;

export function isSyntaxError(d: EngineDiagnostic): boolean {
  return d.severity === 'error' && SYNTAX.test(d.message);
}

/** The first YAML syntax error of a result, or null when the text parses. */
export function firstSyntaxError(result: PreviewResult): { line: number; message: string } | null {
  let first: EngineDiagnostic | null = null;
  for (const d of result.diagnostics) {
    if (isSyntaxError(d) && (first === null || d.line < first.line)) first = d;
  }
  return first === null ? null : { line: first.line, message: first.message.replace(SYNTAX, '').replace(/^:\s*/, '') };
}
