/**
 * The CLI's view of the outside world, injectable so tests run commands
 * in-process: stdin as a readable stream, stdout / stderr as writers, and file
 * reads (`-` means stdin).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Anything with `write(string)`; a Node stream may return false and emit 'drain'. */
export interface TextWriter {
  write(chunk: string): boolean | void;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIo {
  stdin: Readable;
  stdout: TextWriter;
  stderr: TextWriter;
}

export const STDIN = '-';

export async function readAll(stream: Readable): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** The text of a file, or of stdin for `-`. */
export async function readInput(file: string, io: CliIo): Promise<string> {
  return file === STDIN ? readAll(io.stdin) : readFile(file, 'utf8');
}

/** A readable stream over a file, or stdin for `-` (for line-by-line reading). */
export function openInput(file: string, io: CliIo): Readable {
  return file === STDIN ? io.stdin : createReadStream(file, { encoding: 'utf8' });
}

/** Display name of an input in messages. */
export function inputName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/**
 * Buffered output: collects small writes and hands the writer ~64 KB chunks,
 * waiting for 'drain' when a stream asks for it (so a million lines do not
 * pile up in memory).
 */
export class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly out: TextWriter,
    private readonly limit = 64 * 1024,
  ) {}

  /** Queue text; await the result to respect back-pressure. */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= this.limit ? this.flush() : undefined;
  }

  flush(): Promise<void> | undefined {
    if (this.size === 0) return undefined;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    const out = this.out;
    const ok = out.write(chunk);
    if (ok === false && out.once !== undefined) {
      return new Promise((resolve) => {
        out.once?.('drain', resolve);
      });
    }
    return undefined;
  }
}
