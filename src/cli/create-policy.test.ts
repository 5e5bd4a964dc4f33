import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.ts';

const fixture = (name: string): string => new URL(`./__fixtures__/${name}`, import.meta.url).pathname;
const read = (name: string): string => readFileSync(fixture(name), 'utf8');

describe('create-policy', () => {
  it('prints exactly what spyctl prints for the seed 000 nginx fingerprint', async () => {
    const r = await runCaptured(['create-policy', '--name', 'nginx-policy', fixture('seed-000-nginx-fingerprint.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read('seed-000-nginx-policy.expected.yaml'));
  });

  it('reads stdin for -, and honours --mode and --keep-image-id', async () => {
    const r = await runCaptured(
      ['create-policy', '--name', 'web', '--mode', 'enforce', '--keep-image-id', '-'],
      read('seed-000-nginx-fingerprint.yaml'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  name: web\n');
    expect(r.stdout).toContain('  mode: enforce\n');
    expect(r.stdout).toContain('imageID: sha256:10d1f5b5');
  });

  it('prints JSON with --format json', async () => {
    const r = await runCaptured(['create-policy', '--name', 'web', '--format', 'json', fixture('seed-000-nginx-fingerprint.yaml')]);
    expect(r.code).toBe(0);
    const policy = JSON.parse(r.stdout) as { kind: string; spec: { mode: string; response: unknown } };
    expect(policy.kind).toBe('SpyderbatPolicy');
    expect(policy.spec.mode).toBe('audit');
    expect(policy.spec.response).toEqual({ default: [{ makeRedFlag: { severity: 'high' } }], actions: [] });
  });

  it('accepts JSON input and an items list', async () => {
    const fp: unknown = JSON.parse(JSON.stringify((await import('yaml')).parse(read('seed-000-nginx-fingerprint.yaml'))));
    const list = JSON.stringify({ apiVersion: 'spyderbat/v1', items: [fp] });
    const r = await runCaptured(['create-policy', '--name', 'nginx-policy', '-'], list);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read('seed-000-nginx-policy.expected.yaml'));
  });

  it('requires --name', async () => {
    const r = await runCaptured(['create-policy', fixture('seed-000-nginx-fingerprint.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name is required');
  });

  it('rejects a bad --mode', async () => {
    const r = await runCaptured(['create-policy', '--name', 'x', '--mode', 'block', fixture('seed-000-nginx-fingerprint.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mode must be one of audit, enforce');
  });

  it('stops on an invalid input with a located error, printing no policy', async () => {
    const bad = read('seed-000-nginx-fingerprint.yaml').replace('protocol: TCP', 'protocol: tcp');
    const r = await runCaptured(['create-policy', '--name', 'x', '-'], bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const line = bad.split('\n').findIndex((l) => l.includes('protocol: tcp')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^<stdin>:${line}:\\d+: `, 'm'));
  });
});
