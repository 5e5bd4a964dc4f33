/**
 * The CLI dispatcher: `palisade <command> [options] [FILE...]`.
 * Usage errors exit 2, invalid input exits 1; messages go to stderr.
 */
import { parseArgs } from 'node:util';
import type { Command, ParsedArgs } from './command.ts';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './command.ts';
import { createPolicyCommand } from './create-policy.ts';
import { diffCommand } from './diff.ts';
import { evaluateCommand } from './evaluate.ts';
import type { CliIo } from './io.ts';
import { mergeCommand } from './merge.ts';
import { validateCommand } from './validate.ts';

export const PROGRAM = 'palisade';

export const COMMANDS: readonly Command[] = [
  createPolicyCommand,
  mergeCommand,
  diffCommand,
  validateCommand,
  evaluateCommand,
];

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = [
    `Usage: ${PROGRAM} <command> [options] [FILE...]`,
    '',
    'Spyderbat policy tools: build, merge, diff, validate and evaluate workload policies.',
    'Inputs are YAML or JSON files (several documents or an `items` list allowed); `-` reads stdin.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    `Run '${PROGRAM} <command> --help' for the options of a command.`,
    '',
  ];
  return lines.join('\n');
}

export function commandHelp(c: Command): string {
  return `Usage: ${PROGRAM} ${c.usage}\n\n${c.summary}\n\n${c.details.trimEnd()}\n`;
}

function parse(c: Command, argv: readonly string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { ...c.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  return { values, positionals };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Run the CLI on `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(globalHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const target = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    io.stdout.write(target === undefined ? globalHelp() : commandHelp(target));
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`${PROGRAM}: unknown command '${name}'\n\n${globalHelp()}`);
    return EXIT_USAGE;
  }
  let args: ParsedArgs;
  try {
    args = parse(command, rest);
  } catch (e) {
    io.stderr.write(`${PROGRAM} ${command.name}: ${errorMessage(e)}\nTry '${PROGRAM} ${command.name} --help'.\n`);
    return EXIT_USAGE;
  }
  if (args.values.help === true) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      const hint = e.exitCode === EXIT_USAGE ? `\nTry '${PROGRAM} ${command.name} --help'.` : '';
      io.stderr.write(`${PROGRAM} ${command.name}: ${e.message}${hint}\n`);
      return e.exitCode;
    }
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.stderr.write(`${PROGRAM} ${command.name}: ${errorMessage(e)}\n`);
      return EXIT_INVALID;
    }
    io.stderr.write(`${PROGRAM} ${command.name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
