/**
 * `npm run mock-server -- --port 8787 [--api-key KEY] [--read-only-key KEY] [--scale N] [--seed N] [--host H] [--quiet]`
 * A standalone Spyderbat-v1-shaped API over HTTP, serving the seeded demo org.
 * Default keys: read-write `palisade-demo-key`, read-only `palisade-read-only-key`.
 */
import { parseArgs } from 'node:util';
import { DEMO_API_KEY, DEMO_READ_ONLY_KEY, DEMO_SEED } from '../constants.ts';
import { MockBackend } from '../backend/mock-backend.ts';
import { startMockServer } from './http-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string', multiple: true },
    'read-only-key': { type: 'string', multiple: true },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(DEMO_SEED) },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write('Usage: npm run mock-server -- [--port 8787] [--host 127.0.0.1] [--api-key KEY]... [--read-only-key KEY]... [--scale N] [--seed N] [--quiet]\n');
  process.exit(0);
}

const num = (name: string, v: string | undefined, min: number): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`mock-server: --${name} must be a number ≥ ${min} (got ${String(v)})\n`);
    process.exit(2);
  }
  return n;
};

const port = num('port', values.port, 0);
const scale = num('scale', values.scale, 0.01);
const seed = num('seed', values.seed, 0);
const apiKeys = values['api-key'] ?? [DEMO_API_KEY];
const readOnlyKeys = values['read-only-key'] ?? [DEMO_READ_ONLY_KEY];

const t0 = Date.now();
const backend = await MockBackend.create({ seed, scale, apiKeys, readOnlyKeys });
const running = await startMockServer({
  backend,
  port,
  host: values.host,
  ...(values.quiet ? {} : { log: (line: string) => process.stdout.write(`${line}\n`) }),
});
const orgs = [...backend.orgs.values()].map((o) => `${o.name} (${o.uid})`).join(', ');
process.stdout.write(
  `Palisade mock Spyderbat API listening on ${running.url} (seed ${seed}, scale ${scale}, ready in ${Date.now() - t0} ms)\n` +
    `  orgs: ${orgs}\n` +
    `  ${apiKeys.length} read-write key(s), ${readOnlyKeys.length} read-only key(s)${values['api-key'] ? '' : ` (defaults: ${DEMO_API_KEY} / ${DEMO_READ_ONLY_KEY})`}\n`,
);

const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
