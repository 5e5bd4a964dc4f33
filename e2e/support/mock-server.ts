import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface MockServerProcess {
  url: string;
  port: number;
  /** Request log lines the server printed (method, path, status; never headers). */
  logs: string[];
  /** Sets fault scenarios through the control endpoint. */
  setFaults(faults: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, logs: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mock server exited with ${child.exitCode}:\n${logs.join('\n')}`);
    try {
      const res = await fetch(`${url}/__palisade/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`mock server did not start at ${url}:\n${logs.join('\n')}`);
}

/** Starts `src/mocks/server/main.ts` as its own process (own process group) on a free port. */
export async function startMockServerProcess(options: { apiKey?: string; readOnlyKey?: string } = {}): Promise<MockServerProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/mocks/server/main.ts', '--port', String(port)];
  if (options.apiKey) args.push('--api-key', options.apiKey);
  if (options.readOnlyKey) args.push('--read-only-key', options.readOnlyKey);
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const collect = (chunk: Buffer): void => {
    logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, logs);
  const key = options.apiKey ?? 'palisade-demo-key';
  return {
    url,
    port,
    logs,
    async setFaults(faults) {
      const res = await fetch(`${url}/__palisade/faults`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(faults) });
      if (!res.ok) throw new Error(`setFaults: HTTP ${res.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}
