import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.ts';

const fixture = (name: string): string => new URL(`./__fixtures__/${name}`, import.meta.url).pathname;
const read = (name: string): string => readFileSync(fixture(name), 'utf8');
const policy = fixture('seed-000-nginx-policy.expected.yaml');
const newPeer = fixture('seed-000-nginx-fingerprint-new-peer.yaml');
const same = fixture('seed-000-nginx-fingerprint.yaml');

const lines = (s: string): string[] => s.split('\n').sort();

describe('merge', () => {
  it('prints the merged policy as spyctl does', async () => {
    const r = await runCaptured(['merge', '--policy', policy, newPeer]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read('merge-new-peer.expected.yaml'));
  });

  it('prints nothing and exits 0 when nothing changes', async () => {
    const r = await runCaptured(['merge', '--policy', policy, same]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no updates');
  });

  it('prints JSON with --format json', async () => {
    const r = await runCaptured(['merge', '--policy', policy, '--format', 'json', newPeer]);
    expect(r.code).toBe(0);
    const merged = JSON.parse(r.stdout) as { spec: { networkPolicy: { ingress: { from: unknown[] }[] } } };
    expect(merged.spec.networkPolicy.ingress[0]?.from).toContainEqual({ ipBlock: { cidr: '192.168.92.9/32' } });
  });

  it('needs --policy', async () => {
    const r = await runCaptured(['merge', newPeer]);
    expect(r.code).toBe(2);
  });

  it('refuses a file that is not one policy', async () => {
    const r = await runCaptured(['merge', '--policy', newPeer, same]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no SpyderbatPolicy');
  });
});

describe('diff', () => {
  it('prints the text diff as spyctl does', async () => {
    const r = await runCaptured(['diff', '--policy', policy, newPeer]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read('diff-new-peer.expected.txt'));
  });

  it('prints the structured diff (network atoms in any order, as spyctl)', async () => {
    const r = await runCaptured(['diff', '--policy', policy, '--format', 'yaml', newPeer]);
    expect(r.code).toBe(0);
    const got = r.stdout.replace(/port: 443\n(\s+)protocol: TCP/g, 'protocol: TCP\n$1port: 443');
    const want = read('diff-new-peer.expected-structured.yaml').replace(/port: 443\n(\s+)protocol: TCP/g, 'protocol: TCP\n$1port: 443');
    expect(lines(got)).toEqual(lines(want));
    expect(r.stdout).toContain('diff: added');
  });

  it('prints JSON with --format json and a summary with --summary', async () => {
    const r = await runCaptured(['diff', '--policy', policy, '--format', 'json', '--summary', newPeer]);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr.trim()).not.toBe('');
  });

  it('prints nothing and exits 0 when nothing would change', async () => {
    const r = await runCaptured(['diff', '--policy', policy, same]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});
