/** An in-memory {@link CliIo} for running commands in-process (tests). */
import { Readable } from 'node:stream';
import { runCli } from './cli.ts';
import type { CliIo, TextWriter } from './io.ts';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): TextWriter & { text: string } {
  const s = {
    text: '',
    write(chunk: string): boolean {
      s.text += chunk;
      return true;
    },
  };
  return s;
}

export function captureIo(stdin = ''): CliIo & { out: { text: string }; err: { text: string } } {
  const out = sink();
  const err = sink();
  return { stdin: Readable.from([stdin]), stdout: out, stderr: err, out, err };
}

/** Run the CLI on `argv` with `stdin`; capture the exit code and outputs. */
export async function runCaptured(argv: readonly string[], stdin = ''): Promise<Captured> {
  const io = captureIo(stdin);
  const code = await runCli(argv, io);
  return { code, stdout: io.out.text, stderr: io.err.text };
}
