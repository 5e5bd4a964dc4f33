import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toYaml } from './to-yaml.ts';
import { emitDocument } from './emit.ts';
import { parseYaml } from './parse.ts';
import { validate } from '../validate/validate.ts';
import { validateObject } from '../validate/validate.ts';
import { policyArb } from '../__fixtures__/validate/arbitraries.ts';

const fixtureText = (name: string) => readFileSync(new URL(`../__fixtures__/validate/${name}`, import.meta.url), 'utf8');

interface DumpCase {
  name: string;
  value: unknown;
  yaml: string;
  multi?: boolean;
}
const pyyaml = JSON.parse(fixtureText('pyyaml-dump.json')) as { cases: DumpCase[] };

function parseOne(text: string): unknown {
  const docs = parseYaml(text);
  expect(docs.flatMap((d) => d.diagnostics)).toEqual([]);
  return docs[0]?.value;
}

describe('toYaml prints like PyYAML (spyctl)', () => {
  it.each(pyyaml.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = c.multi ? toYaml(c.value) : emitDocument(c.value, 'plain');
    expect(got).toBe(c.yaml);
  });

  it('reads back every PyYAML case as the same value', () => {
    for (const c of pyyaml.cases) {
      const docs = parseYaml(c.yaml);
      const values = docs.map((d) => d.value);
      expect(c.multi ? values : values[0]).toEqual(c.value);
    }
  });
});

describe('spyctl key order and layout', () => {
  it('orders envelope, metadata, spec, process nodes, rules and ports', () => {
    const shuffled = {
      spec: {
        response: { actions: [], default: [{ makeRedFlag: { severity: 'high' } }] },
        networkPolicy: {
          ingress: [{ ports: [{ port: 80, endPort: 90, protocol: 'TCP' }], processes: ['a_0'], from: [{ ipBlock: { except: ['10.1.0.0/16'], cidr: '10.0.0.0/8' } }] }],
          egress: [],
        },
        processPolicy: [{ children: [], euser: ['root'], id: 'a_0', exe: ['/a'], name: 'a' }],
        mode: 'audit',
        enabled: true,
        containerSelector: { image: 'x' },
        podSelector: { matchLabels: { app: 'x' } },
        custom: 1,
      },
      metadata: { uid: 'pol:1', type: 'container', name: 'n' },
      kind: 'SpyderbatPolicy',
      apiVersion: 'spyderbat/v1',
    };
    expect(toYaml(shuffled)).toBe(`apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: n
  type: container
  uid: pol:1
spec:
  podSelector:
    matchLabels:
      app: x
  containerSelector:
    image: x
  enabled: true
  mode: audit
  custom: 1
  processPolicy:
  - name: a
    exe:
    - /a
    id: a_0
    euser:
    - root
    children: []
  networkPolicy:
    ingress:
    - from:
      - ipBlock:
          cidr: 10.0.0.0/8
          except:
          - 10.1.0.0/16
      processes:
      - a_0
      ports:
      - protocol: TCP
        port: 80
        endPort: 90
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`);
  });

  it('prints the seed 001 policy as spyctl get does (quotes only where needed)', () => {
    const text = fixtureText('seed-001-python-policy.yaml');
    const printed = toYaml(parseOne(text));
    expect(printed).toContain("  containerSelector:\n    image: python_webserver:*\n  mode: audit\n  processPolicy:\n  - name: sh\n");
    expect(printed.startsWith('apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nmetadata:\n  name: webserver_policy\n  type: container\n')).toBe(true);
    expect(validate(printed)).toEqual([]);
  });

  it('joins several documents with ---', () => {
    expect(toYaml([{ a: 1 }, { b: [] }])).toBe('a: 1\n---\nb: []\n');
  });

  it('refuses cyclic values instead of recursing forever', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => toYaml(a)).toThrow(/too deep/);
  });
});

describe('properties', () => {
  it('(d) parse → print → parse is stable for generated valid policies', () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        expect(validateObject(policy)).toEqual([]);
        const text = toYaml(policy);
        const parsed = parseOne(text);
        expect(parsed).toEqual(policy);
        expect(toYaml(parsed)).toBe(text);
        expect(validate(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('any JSON value survives print → parse', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (Object.is(x, -0) ? 0 : x))) as unknown);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json, { maxKeys: 5 }), (value) => {
        expect(parseOne(toYaml(value)) ?? {}).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
