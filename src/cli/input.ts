/**
 * Reading YAML / JSON input files for the commands: every document is parsed
 * and validated (as spyctl validates its inputs); any error is printed as
 * `file:line:col: message` and stops the command with exit 1.
 */
import type { SpyderbatObject, WorkloadPolicy } from '../engine/index.ts';
import { parseDocuments } from '../engine/index.ts';
import { CliError, EXIT_USAGE } from './command.ts';
import { reportDiagnostics } from './diagnostics.ts';
import type { CliIo } from './io.ts';
import { inputName, readInput, STDIN } from './io.ts';

export interface LoadedFile {
  file: string;
  /** Valid objects, list items flattened, in file order. */
  objects: SpyderbatObject[];
}

/** Parse, validate and report one file; throws {@link CliError} (exit 1) when it has errors. */
export async function loadFile(file: string, io: CliIo): Promise<LoadedFile> {
  const name = inputName(file);
  const text = await readInput(file, io);
  const parsed = parseDocuments(text, name);
  const errors = reportDiagnostics(parsed.diagnostics, name, io.stderr);
  if (errors > 0) throw new CliError(`${name}: ${errors} error${errors === 1 ? '' : 's'}`);
  const objects = parsed.documents.flatMap((d) => d.objects);
  if (objects.length === 0) throw new CliError(`${name}: no Spyderbat object found`);
  return { file: name, objects };
}

/** stdin can be read once: refuse `-` given twice (across --policy and FILE arguments too). */
export function assertStdinOnce(files: readonly string[]): void {
  if (files.filter((f) => f === STDIN).length > 1) throw new CliError('stdin (-) can be read only once', EXIT_USAGE);
}

export async function loadFiles(files: readonly string[], io: CliIo): Promise<LoadedFile[]> {
  assertStdinOnce(files);
  const out: LoadedFile[] = [];
  for (const f of files) out.push(await loadFile(f, io));
  return out;
}

/** The one workload policy of a `--policy` file. */
export async function loadPolicy(file: string, io: CliIo): Promise<{ file: string; policy: WorkloadPolicy }> {
  const { file: name, objects } = await loadFile(file, io);
  const policies = objects.filter((o) => o.kind === 'SpyderbatPolicy');
  const [policy] = policies;
  if (policy === undefined) throw new CliError(`${name}: no SpyderbatPolicy in the file`);
  if (policies.length > 1 || objects.length > 1) throw new CliError(`${name}: expected exactly one policy, found ${objects.length} objects`);
  if (policy.metadata.type === 'cluster') {
    throw new CliError(`${name}: '${policy.metadata.name}' is a cluster policy; merge and diff work on container and linux-service policies`);
  }
  return { file: name, policy: policy as WorkloadPolicy };
}
