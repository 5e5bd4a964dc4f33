/** `diff`: what merging fingerprints / deviations would change in a policy (like `spyctl diff`). */
import { diffPolicy, dumpYaml } from '../engine/index.ts';
import type { Command } from './command.ts';
import { EXIT_OK, oneOf, requireFiles, stringOpt, usageError } from './command.ts';
import { assertStdinOnce, loadFiles, loadPolicy } from './input.ts';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what merging fingerprints or deviations would change in a policy (like `spyctl diff`)',
  usage: 'diff --policy FILE [--format text|yaml|json] [--summary] FILE...',
  details: `Options:
  --policy FILE      the policy to compare against (one SpyderbatPolicy)
  --format FORMAT    text (default): line diff of the YAML, '+'/'-' prefixes, 5 lines of
                     context, '...' between hunks; yaml / json: the merged policy with
                     process nodes tagged 'diff: added|changed|removed' and network rules
                     split per peer, port and process
  --summary          also print a one-line behaviour summary on stderr

When nothing would change, prints nothing and exits 0 (as spyctl does).`,
  options: {
    policy: { type: 'string' },
    format: { type: 'string' },
    summary: { type: 'boolean' },
  },
  async run(args, io) {
    const policyFile = stringOpt(args, 'policy');
    if (policyFile === undefined) throw usageError('--policy is required');
    const format = oneOf(stringOpt(args, 'format'), ['text', 'yaml', 'json'] as const, 'format', 'text');
    const files = requireFiles(args);
    assertStdinOnce([policyFile, ...files]);
    const { file, policy } = await loadPolicy(policyFile, io);
    const others = (await loadFiles(files, io)).flatMap((f) => f.objects);
    const result = diffPolicy(policy, others);
    if (args.values.summary === true) io.stderr.write(`${result.summary.text}\n`);
    if (!result.changed) {
      io.stderr.write(`diff of '${file}' produced no updates to the 'spec' field\n`);
      return EXIT_OK;
    }
    if (format === 'text') io.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    else if (format === 'yaml') io.stdout.write(`${dumpYaml(result.structured)}\n`);
    else io.stdout.write(`${JSON.stringify(result.structured, null, 2)}\n`);
    return EXIT_OK;
  },
};
