/**
 * `evaluate`: stream NDJSON events through workload policies. One JSON line per
 * deviating event, then one summary line. Lines are read one at a time, so the
 * input can be far larger than memory.
 */
import { createInterface } from 'node:readline';
import type { EventVerdict, SpyderbatPolicy } from '../engine/index.ts';
import { EventEvaluator, isEventDiagnostic, parseEventLine } from '../engine/index.ts';
import type { Command } from './command.ts';
import { EXIT_INVALID, EXIT_OK, stringOpt, stringsOpt, usageError, CliError } from './command.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { assertStdinOnce, loadFiles } from './input.ts';
import type { CliIo } from './io.ts';
import { BufferedWriter, inputName, openInput } from './io.ts';

function parseLimit(v: string | undefined): number {
  if (v === undefined) return Infinity;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw usageError(`--max-deviations must be a non-negative integer (got '${v}')`);
  return n;
}

/** The JSON line for a deviating event: the event and each policy that flags it. */
export function deviationRecord(v: EventVerdict, line: number): Record<string, unknown> {
  const e = v.event;
  return {
    type: 'deviation',
    line,
    time: e.time,
    kind: e.kind,
    workload: e.workload,
    process: e.process,
    ...(e.connection !== undefined ? { connection: e.connection } : {}),
    policies: v.policies
      .filter((p) => !p.allowed)
      .map((p) => ({
        policy: p.name,
        ...(p.uid !== undefined ? { uid: p.uid } : {}),
        mode: p.mode,
        deviation: p.deviation,
        matched: p.processPath ?? [],
        ...(p.deviation === 'process' ? { depth: p.deviationDepth } : {}),
        actions: p.actions.map((a) => ({ action: a.action, source: a.source, index: a.index, wouldHave: a.wouldHave })),
      })),
  };
}

async function loadPolicies(files: readonly string[], io: CliIo): Promise<SpyderbatPolicy[]> {
  const policies: SpyderbatPolicy[] = [];
  for (const f of await loadFiles(files, io)) {
    for (const o of f.objects) {
      if (o.kind !== 'SpyderbatPolicy') throw new CliError(`${f.file}: ${o.kind} is not a policy`);
      policies.push(o);
    }
  }
  return policies;
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Evaluate NDJSON process / connection events against workload policies',
  usage: 'evaluate --policy FILE [--policy FILE...] --events FILE.ndjson [--max-deviations N]',
  details: `Options:
  --policy FILE        policy file (repeatable; more policy files may follow as arguments)
  --events FILE        NDJSON events, one JSON object per line ('-' for stdin)
  --max-deviations N   print at most N deviation lines (the summary still counts all)

Event line: {"time": 1700000000.5, "workload": {"type": "container", "container": {"image": ...}, ...},
             "kind": "process" | "connection", "process": {"chain": [{"name", "exe", "euser"}, ...]},
             "connection": {"direction": "ingress" | "egress", "ip" | "dns", "port", "protocol"}}

Output (stdout): one line {"type":"deviation", ...} per deviating event, then one line
{"type":"summary", ...} with counts and per-policy rule coverage. Invalid event lines are
reported on stderr as FILE:LINE:1: message and skipped; the exit code is then 1.`,
  options: {
    policy: { type: 'string', multiple: true },
    events: { type: 'string' },
    'max-deviations': { type: 'string' },
  },
  async run(args, io) {
    const policyFiles = [...stringsOpt(args, 'policy'), ...args.positionals];
    if (policyFiles.length === 0) throw usageError('--policy is required');
    const eventsFile = stringOpt(args, 'events');
    if (eventsFile === undefined) throw usageError('--events is required');
    const limit = parseLimit(stringOpt(args, 'max-deviations'));
    assertStdinOnce([...policyFiles, eventsFile]);
    const evaluator = new EventEvaluator(await loadPolicies(policyFiles, io));
    const name = inputName(eventsFile);
    const out = new BufferedWriter(io.stdout);
    const lines = createInterface({ input: openInput(eventsFile, io), crlfDelay: Infinity });
    let lineNo = 0;
    let invalid = 0;
    let printed = 0;
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === '') continue;
      const parsed = parseEventLine(text, lineNo, name);
      if (isEventDiagnostic(parsed)) {
        invalid++;
        io.stderr.write(`${formatDiagnostic(parsed, name)}\n`);
        continue;
      }
      const v = evaluator.evaluate(parsed);
      if (v.deviation && printed < limit) {
        printed++;
        const wait = out.write(`${JSON.stringify(deviationRecord(v, lineNo))}\n`);
        if (wait !== undefined) await wait;
      }
    }
    const summary = { type: 'summary', ...evaluator.summary(), invalidLines: invalid, printedDeviations: printed };
    await out.write(`${JSON.stringify(summary)}\n`);
    await out.flush();
    return invalid > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
