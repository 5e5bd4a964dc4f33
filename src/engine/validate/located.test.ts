import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from './validate.ts';
import { parseDocuments } from '../yaml/documents.ts';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/validate/${name}`, import.meta.url), 'utf8');

/** `line:col path message` of each diagnostic. */
function located(text: string): string[] {
  return validate(text, 'p.yaml').map((d) => `${d.line}:${d.column} ${d.path} ${d.message}`);
}

const POLICY = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: web
  type: container
spec:
  containerSelector:
    image: nginx:*
  mode: audit
  processPolicy:
  - name: nginx
    exe:
    - /usr/sbin/nginx
    id: nginx_0
    euser: [root]
    children:
    - name: nginx
      exe: [/usr/sbin/nginx]
      id: nginx_1
  networkPolicy:
    ingress:
    - from:
      - ipBlock:
          cidr: 192.168.0.0/16
      processes: [nginx_1]
      ports:
      - protocol: TCP
        port: 443
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;

function change(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture text lacks ${from}`);
  return text.replace(from, to);
}

describe('seeds', () => {
  it('the seed 000 nginx fingerprint is valid', () => {
    expect(validate(fixture('seed-000-nginx-fingerprint.yaml'))).toEqual([]);
  });

  it('the seed 001 python webserver policy is valid', () => {
    expect(validate(fixture('seed-001-python-policy.yaml'))).toEqual([]);
  });

  it('the seed 001 policy with scoped actions only lacks its mode', () => {
    expect(located(fixture('seed-001-python-policy-actions.yaml'))).toEqual([
      "10:1 spec.mode missing required field 'mode' (mode must be audit or enforce)",
    ]);
  });

  it('parseDocuments returns the typed object of a valid document', () => {
    const result = parseDocuments(fixture('seed-001-python-policy.yaml'));
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]?.object?.kind).toBe('SpyderbatPolicy');
    expect(result.documents[0]?.objects).toHaveLength(1);
  });
});

describe('located diagnostics', () => {
  it('the small policy is valid', () => {
    expect(located(POLICY)).toEqual([]);
  });

  it('points at the duplicate id and names the line of the first one', () => {
    const d = validate(change(POLICY, 'id: nginx_1', 'id: nginx_0'), 'p.yaml');
    expect(d.map((x) => `${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.message}`)).toEqual([
      "19:7-19:18 duplicate process id 'nginx_0' (first defined at line 14)",
      "25:19-25:26 network rule references unknown process id 'nginx_1'",
    ]);
    expect(d[0]).toMatchObject({ file: 'p.yaml', path: 'spec.processPolicy[0].children[0].id', severity: 'error' });
  });

  it('points at wrong values, unknown keys and missing fields', () => {
    const text = change(change(POLICY, 'mode: audit', 'mode: Audit'), '        port: 443', '        port: 443\n        porto: 1');
    expect(located(change(text, '    exe:\n    - /usr/sbin/nginx\n', ''))).toEqual([
      '9:3 spec.mode mode must be audit or enforce',
      "11:5 spec.processPolicy[0].exe missing required field 'exe'",
      "27:9 spec.networkPolicy.ingress[0].ports[0].porto unknown field 'porto' in a port (did you mean 'port'?)",
    ]);
  });

  it('points into flow sequences', () => {
    expect(located(change(POLICY, 'processes: [nginx_1]', 'processes: [nginx_1, python_9]'))).toEqual([
      "25:28 spec.networkPolicy.ingress[0].processes[1] network rule references unknown process id 'python_9'",
    ]);
  });

  it('orders diagnostics by line', () => {
    const text = change(change(POLICY, 'severity: high', 'severity: bad'), 'type: container', 'type: pod');
    const lines = validate(text).map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines).toEqual([5, 33]);
  });

  it('reports YAML syntax errors with their position', () => {
    const d = validate('a: 1\nb: [1, 2\nc: 3\n');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]).toMatchObject({ severity: 'error', path: '' });
    expect(d[0]?.line).toBeGreaterThanOrEqual(2);
    expect(d[0]?.message).toMatch(/^YAML syntax error: /);
    const dup = validate('apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nkind: SpyderbatPolicy\n');
    expect(dup.map((x) => `${x.line}:${x.column} ${x.message}`)).toEqual(['3:1 YAML syntax error: Map keys must be unique']);
  });
});

describe('multi-document files and items lists', () => {
  it('validates each document and positions errors in the right one', () => {
    const second = change(POLICY, 'port: 443', 'port: 70000');
    const text = `${POLICY}---\n${second}`;
    const result = parseDocuments(text);
    expect(result.documents).toHaveLength(2);
    expect(result.documents[0]?.diagnostics).toEqual([]);
    expect(result.documents[1]?.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '63:9 port must be between 0 and 65535',
    ]);
    expect(result.documents[0]?.object).toBeDefined();
    expect(result.documents[1]?.object).toBeUndefined();
  });

  it('validates items separately with items[i] paths and positions', () => {
    const indented = POLICY.replace(/^/gm, '  ').replace(/^ {2}apiVersion/m, '- apiVersion').trimEnd();
    const bad = indented.replace('mode: audit', 'mode: never');
    const text = `apiVersion: spyderbat/v1\nitems:\n${indented}\n${bad}\n`;
    const result = parseDocuments(text);
    const doc = result.documents[0];
    expect(doc?.isList).toBe(true);
    expect(doc?.objects).toHaveLength(1);
    expect(doc?.diagnostics.map((d) => `${d.line}:${d.column} ${d.path} ${d.message}`)).toEqual([
      '45:5 items[1].spec.mode mode must be audit or enforce',
    ]);
    expect(doc?.locate('items[1].spec.mode')).toMatchObject({ line: 45, column: 5, exact: true });
  });

  it('skips empty documents', () => {
    expect(validate('---\n---\n# nothing\n')).toEqual([]);
    expect(parseDocuments('').documents).toEqual([]);
  });
});
