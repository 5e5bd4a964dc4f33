/** Public API of validation. */
export { validate, validateObject } from './validate.ts';
export { validateValue } from './validate-value.ts';
export type { Problem } from './problem.ts';
