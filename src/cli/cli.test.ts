import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.ts';
import { COMMANDS } from './cli.ts';

describe('palisade CLI: help and usage errors', () => {
  it('prints the command list for --help and exits 0', async () => {
    const r = await runCaptured(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
    expect(r.stderr).toBe('');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const r = await runCaptured([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: palisade <command>');
  });

  it.each(COMMANDS.map((c) => c.name))('has help for %s', async (name) => {
    const r = await runCaptured([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: palisade ${name}`);
    const viaHelp = await runCaptured(['help', name]);
    expect(viaHelp.stdout).toBe(r.stdout);
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await runCaptured(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it('rejects an unknown option with exit 2 and a hint', async () => {
    const r = await runCaptured(['validate', '--bogus', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).toContain("palisade validate --help");
  });

  it('reports a missing file on stderr with exit 1', async () => {
    const r = await runCaptured(['validate', 'does-not-exist.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does-not-exist.yaml');
    expect(r.stdout).toBe('');
  });

  it('refuses reading stdin twice', async () => {
    const r = await runCaptured(['validate', '-', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin');
  });
});
