/** What every CLI command provides, and the small helpers they share. */
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.ts';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Synopsis, e.g. `validate FILE...`. */
  usage: string;
  /** Help body: options and behaviour. */
  details: string;
  options: OptionsConfig;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Exit codes. */
export const EXIT_OK = 0;
/** Invalid input, located errors. */
export const EXIT_INVALID = 1;
/** Bad command line. */
export const EXIT_USAGE = 2;

/** A failure with a message for stderr and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function stringsOpt(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

export function flagOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function requireFiles(args: ParsedArgs, what = 'FILE'): string[] {
  if (args.positionals.length === 0) throw usageError(`missing ${what} argument`);
  return args.positionals;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`--${option} must be one of ${allowed.join(', ')} (got '${value}')`);
}
