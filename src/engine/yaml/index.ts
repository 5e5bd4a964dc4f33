/** Public API of the YAML layer: parsing with positions, and spyctl-style output. */
export { parseDocuments, compareDiagnostics } from './documents.ts';
export type { ParsedDocument, ParseResult } from './documents.ts';
export { parseYaml, MAX_TEXT_LENGTH } from './parse.ts';
export type { YamlDocument } from './parse.ts';
export { MAX_DEPTH } from './fast-parse.ts';
export type { Located, SourceRange } from './locate.ts';
export { formatPath, parsePath } from './path.ts';
export type { Path, PathSegment } from './path.ts';
export { toYaml } from './to-yaml.ts';
export { emitDocument } from './emit.ts';
export { orderedKeys } from './key-order.ts';
export type { Role as KeyOrderRole } from './key-order.ts';
export { resolvePlain } from './scalars.ts';
