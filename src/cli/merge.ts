/** `merge`: fold fingerprints / deviations into a policy (like `spyctl merge`). */
import { mergeIntoPolicy, dumpYaml } from '../engine/index.ts';
import type { Command } from './command.ts';
import { EXIT_OK, oneOf, requireFiles, stringOpt, usageError } from './command.ts';
import { assertStdinOnce, loadFiles, loadPolicy } from './input.ts';
import { writeWarnings } from './warnings.ts';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Merge fingerprints, baselines or deviations into a policy (like `spyctl merge`)',
  usage: 'merge --policy FILE [--format yaml|json] FILE...',
  details: `Options:
  --policy FILE      the policy to merge into (one SpyderbatPolicy)
  --format FORMAT    yaml (default, spyctl's layout) or json

Prints the merged policy. When the merge changes nothing in the spec, prints
nothing and exits 0 (as spyctl does); a note goes to stderr.`,
  options: {
    policy: { type: 'string' },
    format: { type: 'string' },
  },
  async run(args, io) {
    const policyFile = stringOpt(args, 'policy');
    if (policyFile === undefined) throw usageError('--policy is required');
    const format = oneOf(stringOpt(args, 'format'), ['yaml', 'json'] as const, 'format', 'yaml');
    const files = requireFiles(args);
    assertStdinOnce([policyFile, ...files]);
    const { file, policy } = await loadPolicy(policyFile, io);
    const others = (await loadFiles(files, io)).flatMap((f) => f.objects);
    const result = mergeIntoPolicy(policy, others);
    writeWarnings(result.warnings, io.stderr);
    if (!result.changed) {
      io.stderr.write(`merge of '${file}' produced no updates to the 'spec' field\n`);
      return EXIT_OK;
    }
    io.stdout.write(format === 'json' ? `${JSON.stringify(result.policy, null, 2)}\n` : `${dumpYaml(result.policy)}\n`);
    return EXIT_OK;
  },
};
