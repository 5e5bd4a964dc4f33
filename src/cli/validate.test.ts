import { describe, expect, it } from 'vitest';
import { runCaptured } from './capture-io.ts';

const fixture = (name: string): string => new URL(`./__fixtures__/${name}`, import.meta.url).pathname;

describe('validate', () => {
  it('accepts the seed 001 webserver policy (as edited and as applied)', async () => {
    const files = [fixture('seed-001-webserver-policy.yaml'), fixture('seed-001-webserver-policy-applied.yaml')];
    const r = await runCaptured(['validate', ...files]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(files.map((f) => `${f}: valid\n`).join(''));
  });

  it('locates a schema error as file:line:col and exits 1', async () => {
    const text = [
      'apiVersion: spyderbat/v1',
      'kind: SpyderbatPolicy',
      'metadata:',
      '  name: p',
      '  type: container',
      'spec:',
      '  containerSelector:',
      '    image: nginx',
      '  mode: audit',
      '  processPolicy: []',
      '  networkPolicy:',
      '    ingress:',
      '    - from:',
      '      - ipBlock:',
      '          cidr: 10.0.0.0/8',
      '      ports:',
      '      - port: 80',
      '        protocol: tcp',
      '    egress: []',
      '  response:',
      '    default: []',
      '    actions: []',
      '',
    ].join('\n');
    const r = await runCaptured(['validate', '-'], text);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>:18:\d+: .+/m);
  });

  it('locates a YAML syntax error', async () => {
    const r = await runCaptured(['validate', '-'], 'apiVersion: spyderbat/v1\nkind: [unclosed\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: /m);
  });

  it('reports each file: one valid, one not', async () => {
    const r = await runCaptured(['validate', fixture('seed-001-webserver-policy.yaml'), '-'], 'kind: Nope\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${fixture('seed-001-webserver-policy.yaml')}: valid\n`);
    expect(r.stderr).toMatch(/^<stdin>:1:\d+: /m);
  });
});
