import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.ts';

const fixture = (name: string): string => new URL(`./__fixtures__/${name}`, import.meta.url).pathname;
const policy = fixture('seed-001-webserver-policy.yaml');
const events = fixture('webserver-events.ndjson');

interface Line {
  type: string;
  line?: number;
  kind?: string;
  policies?: { policy: string; deviation: string; matched: string[]; actions: { action: string; wouldHave: boolean }[] }[];
  events?: number;
  uncovered?: number;
  allowed?: number;
  deviations?: number;
  invalidLines?: number;
}

const parseLines = (out: string): Line[] =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('evaluate', () => {
  it('prints one line per deviation, then a summary', async () => {
    const r = await runCaptured(['evaluate', '--policy', policy, '--events', events]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = parseLines(r.stdout);
    expect(out.map((l) => l.type)).toEqual(['deviation', 'deviation', 'summary']);
    const [curl, dns, summary] = out;
    expect(curl?.line).toBe(4);
    expect(curl?.policies?.[0]).toMatchObject({ policy: 'webserver_policy', deviation: 'process', matched: ['sh_0'] });
    // web-1 has env=dev: the scoped actions fire (audit mode: would have).
    expect(curl?.policies?.[0]?.actions.map((a) => a.action)).toEqual(['agentKillProcess', 'makeRedFlag']);
    expect(curl?.policies?.[0]?.actions.every((a) => a.wouldHave)).toBe(true);
    expect(dns).toMatchObject({ line: 5, kind: 'connection' });
    expect(dns?.policies?.[0]?.actions.map((a) => a.action)).toEqual(['makeRedFlag']);
    expect(summary).toMatchObject({ events: 6, uncovered: 1, allowed: 3, deviations: 2, invalidLines: 0 });
  });

  it('reads events from stdin, reports invalid lines as file:line:1 and exits 1', async () => {
    const text = `${readFileSync(events, 'utf8').trim()}\nnot json\n{"time":1}\n`;
    const r = await runCaptured(['evaluate', '--policy', policy, '--events', '-'], text);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:7:1: invalid JSON/m);
    expect(r.stderr).toMatch(/^<stdin>:8:1: .workload. must be an object/m);
    const out = parseLines(r.stdout);
    expect(out.at(-1)).toMatchObject({ type: 'summary', events: 6, invalidLines: 2 });
  });

  it('caps deviation lines with --max-deviations (the summary still counts all)', async () => {
    const r = await runCaptured(['evaluate', '--policy', policy, '--events', events, '--max-deviations', '1']);
    const out = parseLines(r.stdout);
    expect(out.map((l) => l.type)).toEqual(['deviation', 'summary']);
    expect(out[1]).toMatchObject({ deviations: 2 });
  });

  it('needs --policy and --events', async () => {
    expect((await runCaptured(['evaluate', '--events', events])).code).toBe(2);
    expect((await runCaptured(['evaluate', '--policy', policy])).code).toBe(2);
  });

  it('refuses non-policy documents as policies', async () => {
    const r = await runCaptured(['evaluate', '--policy', fixture('seed-000-nginx-fingerprint.yaml'), '--events', events]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a policy');
  });
});
