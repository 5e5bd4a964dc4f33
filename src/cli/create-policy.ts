/** `create-policy`: a policy from fingerprints, baselines, policies or deviations, printed like spyctl. */
import type { PolicyMode } from '../engine/index.ts';
import { createPolicy, dumpYaml } from '../engine/index.ts';
import type { Command } from './command.ts';
import { CliError, EXIT_OK, flagOpt, oneOf, requireFiles, stringOpt, usageError } from './command.ts';
import { loadFiles } from './input.ts';
import { writeWarnings } from './warnings.ts';

export const createPolicyCommand: Command = {
  name: 'create-policy',
  summary: 'Build a policy from fingerprints, baselines, policies or deviations (like `spyctl create policy`)',
  usage: 'create-policy --name NAME [--mode audit|enforce] [--keep-image-id] [--format yaml|json] [--explain] FILE...',
  details: `Options:
  --name NAME        metadata.name of the new policy (required)
  --mode MODE        audit (default) or enforce
  --keep-image-id    keep containerSelector.imageID (spyctl drops it)
  --format FORMAT    yaml (default, exactly spyctl's output) or json
  --explain          also list on stderr the wildcards generalised from the inputs

The first input is the base; further inputs are merged into it in order. The
policy YAML goes to stdout exactly as spyctl prints it; warnings go to stderr.`,
  options: {
    name: { type: 'string' },
    mode: { type: 'string' },
    'keep-image-id': { type: 'boolean' },
    explain: { type: 'boolean' },
    format: { type: 'string' },
  },
  async run(args, io) {
    const name = stringOpt(args, 'name');
    if (name === undefined || name === '') throw usageError('--name is required');
    const mode = oneOf<PolicyMode>(stringOpt(args, 'mode'), ['audit', 'enforce'], 'mode', 'audit');
    const format = oneOf(stringOpt(args, 'format'), ['yaml', 'json'] as const, 'format', 'yaml');
    const files = await loadFiles(requireFiles(args), io);
    const inputs = files.flatMap((f) => f.objects);
    let result: ReturnType<typeof createPolicy>;
    try {
      result = createPolicy(inputs, { name, mode, keepImageId: flagOpt(args, 'keep-image-id') });
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
    writeWarnings(result.warnings, io.stderr);
    if (flagOpt(args, 'explain')) {
      for (const w of result.wildcards) io.stderr.write(`wildcard: ${w.path}: '${w.value}' from ${w.from.map((f) => `'${f}'`).join(', ')}\n`);
    }
    // spyctl prints the YAML followed by an empty line.
    io.stdout.write(format === 'json' ? `${JSON.stringify(result.policy, null, 2)}\n` : `${dumpYaml(result.policy)}\n`);
    return EXIT_OK;
  },
};
