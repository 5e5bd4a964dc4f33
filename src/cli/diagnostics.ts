/** Printing located messages as `file:line:col: message`. */
import type { EngineDiagnostic } from '../engine/index.ts';
import type { TextWriter } from './io.ts';

export function formatDiagnostic(d: EngineDiagnostic, file: string): string {
  const where = `${d.file ?? file}:${d.line}:${d.column}`;
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${level}${d.message}`;
}

export function isError(d: EngineDiagnostic): boolean {
  return d.severity === 'error';
}

/** Write every diagnostic (errors and warnings, in position order); returns the number of errors. */
export function reportDiagnostics(diags: readonly EngineDiagnostic[], file: string, out: TextWriter): number {
  const sorted = [...diags].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const d of sorted) out.write(`${formatDiagnostic(d, file)}\n`);
  return diags.filter(isError).length;
}
