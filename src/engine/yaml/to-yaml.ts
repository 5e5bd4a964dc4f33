/**
 * toYaml: Spyderbat objects → YAML text as spyctl prints it, so that files
 * written by Palisade and by spyctl diff cleanly.
 */
import { emitDocument } from './emit.ts';

/**
 * One document per object (an array is several documents joined by `---`,
 * as PyYAML's dump_all writes them). Keys follow spyctl's order.
 */
export function toYaml(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((doc, i) => (i === 0 ? '' : '---\n') + emitDocument(doc)).join('');
  }
  return emitDocument(value);
}
