/** Public API of the engine model: types, constants, zod schemas, JSON schemas. */
export * from './types.ts';
export * from './constants.ts';
export * from './schemas.ts';
export { jsonSchemaFor, policyJsonSchema, documentJsonSchema } from './schemas-json.ts';
export type { JsonSchema, JsonSchemaKind } from './schemas-json.ts';
export { isRecord, isTruthy, hasAnyValue } from './schema-helpers.ts';
