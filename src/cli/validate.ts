/** `validate`: check files against the Spyderbat schemas and rules; located errors, exit 1 when any. */
import { validate } from '../engine/index.ts';
import type { Command } from './command.ts';
import { EXIT_INVALID, EXIT_OK, requireFiles } from './command.ts';
import { reportDiagnostics } from './diagnostics.ts';
import { assertStdinOnce } from './input.ts';
import { inputName, readInput } from './io.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Validate policies, fingerprints, rulesets and other Spyderbat documents',
  usage: 'validate FILE...',
  details: `Prints "FILE: valid" for each valid file. Otherwise prints each problem on
stderr as FILE:LINE:COL: message and exits 1. Warnings are printed but do not fail.`,
  options: {},
  async run(args, io) {
    const files = requireFiles(args);
    assertStdinOnce(files);
    let invalid = 0;
    for (const file of files) {
      const name = inputName(file);
      const diagnostics = validate(await readInput(file, io), name);
      const errors = reportDiagnostics(diagnostics, name, io.stderr);
      if (errors > 0) invalid++;
      else io.stdout.write(`${name}: valid\n`);
    }
    return invalid > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
