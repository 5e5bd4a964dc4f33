/** Merge warnings on stderr. */
import type { MergeWarning } from '../engine/index.ts';
import type { TextWriter } from './io.ts';

export function writeWarnings(warnings: readonly MergeWarning[], out: TextWriter): void {
  for (const w of warnings) out.write(`warning: ${w.path !== undefined ? `${w.path}: ` : ''}${w.message}\n`);
}
