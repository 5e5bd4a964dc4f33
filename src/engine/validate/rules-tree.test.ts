import { describe, expect, it } from 'vitest';
import { validateObject } from './validate.ts';
import { edit, validFingerprint, validPolicy } from '../__fixtures__/validate/objects.ts';

function problems(value: unknown): string[] {
  return validateObject(value).map((d) => `${d.path}: ${d.message}`);
}

const child = 'spec.processPolicy[0].children[0]';

describe('process tree', () => {
  it('process ids are unique across the whole policy', () => {
    expect(problems(edit(validPolicy(), `${child}.id`, 'sh_0'))).toEqual([
      // validateObject has no positions, so the first definition is named by its path
      "spec.processPolicy[0].children[0].id: duplicate process id 'sh_0' (first defined at spec.processPolicy[0].id)",
      "spec.networkPolicy.ingress[0].processes[0]: network rule references unknown process id 'python_0'",
      "spec.networkPolicy.egress[0].processes[0]: network rule references unknown process id 'python_0'",
    ]);
  });

  it('network rules may only name existing process ids', () => {
    expect(problems(edit(validPolicy(), 'spec.networkPolicy.egress[0].processes', ['python_0', 'python_9']))).toEqual([
      "spec.networkPolicy.egress[0].processes[1]: network rule references unknown process id 'python_9'",
    ]);
    expect(problems(edit(validPolicy(), 'spec.networkPolicy.egress[0].processes', []))).toEqual([
      'spec.networkPolicy.egress[0].processes: processes must not be empty',
    ]);
    expect(problems(edit(validPolicy(), 'spec.networkPolicy.egress[0].processes', undefined))).toEqual([]);
  });

  it('top-level processes need euser; children inherit it', () => {
    expect(problems(edit(validPolicy(), 'spec.processPolicy[0].euser', undefined))).toEqual([
      "spec.processPolicy[0].euser: top-level process 'sh' (id sh_0) needs euser: list the users it runs as",
    ]);
    expect(problems(edit(validPolicy(), 'spec.processPolicy[0].euser', []))).toHaveLength(1);
    expect(problems(edit(validPolicy(), `${child}.euser`, undefined))).toEqual([]);
  });

  it('process nodes forbid unknown keys and need name, exe, id', () => {
    expect(problems(edit(validPolicy(), `${child}.childs`, []))).toEqual([
      `${child}.childs: unknown field 'childs' in a process node (did you mean 'children'?)`,
    ]);
    expect(problems(edit(validPolicy(), `${child}.exe`, '/bin/x'))).toEqual([
      `${child}.exe: exe must be a list, not text ('/bin/x')`,
    ]);
    expect(problems(edit(validPolicy(), `${child}.name`, undefined))).toEqual([
      `${child}.name: missing required field 'name'`,
    ]);
    expect(problems(edit(validPolicy(), `${child}.exe`, ['/bin/a', 7]))).toEqual([
      `${child}.exe[1]: exe[1] must be text, not a number (7)`,
    ]);
  });

  it('listening sockets are ports', () => {
    expect(problems(edit(validPolicy(), `${child}.listeningSockets`, [{ protocol: 'TCP', port: 8080 }]))).toEqual([]);
    expect(problems(edit(validPolicy(), `${child}.listeningSockets`, [{ protocol: 'SCTP', port: 8080 }]))).toEqual([
      `${child}.listeningSockets[0].protocol: protocol must be TCP or UDP`,
    ]);
  });
});

describe('network rules', () => {
  const port = 'spec.networkPolicy.ingress[0].ports[0]';
  const peer = 'spec.networkPolicy.ingress[0].from[0]';

  it('ports are 0–65535 and endPort ≥ port and ≤ 65535', () => {
    expect(problems(edit(validPolicy(), `${port}.port`, 0))).toEqual([]);
    expect(problems(edit(validPolicy(), `${port}.port`, 65535))).toEqual([]);
    expect(problems(edit(validPolicy(), `${port}.port`, 65536))).toEqual([`${port}.port: port must be between 0 and 65535`]);
    expect(problems(edit(validPolicy(), `${port}.port`, -1))).toEqual([`${port}.port: port must be between 0 and 65535`]);
    expect(problems(edit(validPolicy(), `${port}.port`, 80.5))).toEqual([`${port}.port: port must be a whole number, not a number (80.5)`]);
    expect(problems(edit(validPolicy(), `${port}.port`, '8080'))).toEqual([`${port}.port: port must be a whole number, not text ('8080')`]);
    expect(problems(edit(validPolicy(), `${port}.endPort`, 9000))).toEqual([]);
    expect(problems(edit(validPolicy(), `${port}.endPort`, 8000))).toEqual([
      `${port}.endPort: endPort 8000 must be greater than or equal to port 8080`,
    ]);
    // spyctl accepted up to 66535 here (a bug); the real limit is 65535.
    expect(problems(edit(validPolicy(), `${port}.endPort`, 65536))).toEqual([`${port}.endPort: endPort must be between 0 and 65535`]);
  });

  it('protocol is exactly TCP or UDP', () => {
    expect(problems(edit(validPolicy(), `${port}.protocol`, 'UDP'))).toEqual([]);
    expect(problems(edit(validPolicy(), `${port}.protocol`, 'tcp'))).toEqual([`${port}.protocol: protocol must be TCP or UDP`]);
  });

  it('ports and peers are required and non-empty; port objects forbid extra keys', () => {
    expect(problems(edit(validPolicy(), 'spec.networkPolicy.ingress[0].ports', []))).toEqual([
      'spec.networkPolicy.ingress[0].ports: ports must not be empty',
    ]);
    expect(problems(edit(validPolicy(), 'spec.networkPolicy.ingress[0].from', []))).toEqual([
      'spec.networkPolicy.ingress[0].from: from must not be empty',
    ]);
    expect(problems(edit(validPolicy(), `${port}.proto`, 'TCP'))).toEqual([
      `${port}.proto: unknown field 'proto' in a port (did you mean 'protocol'?)`,
    ]);
    expect(problems(edit(validPolicy(), 'spec.networkPolicy.egress', undefined))).toEqual([
      "spec.networkPolicy.egress: missing required field 'egress' (use [] for none)",
    ]);
  });

  it('a peer is an ipBlock or a dnsSelector', () => {
    expect(problems(edit(validPolicy(), peer, { dnsSelector: ['a.example.com'], ipBlock: { cidr: '10.0.0.0/8' } }))).toEqual([
      `${peer}: each peer must be either {ipBlock: {cidr: …}} or {dnsSelector: [names]}`,
    ]);
    expect(problems(edit(validPolicy(), `${peer}.ipBlock.cidrs`, 'x'))).toEqual([
      `${peer}.ipBlock.cidrs: unknown field 'cidrs' in ipBlock (did you mean 'cidr'?)`,
    ]);
  });

  it('CIDRs are valid IPv4 / IPv6 networks without host bits', () => {
    const cidr = `${peer}.ipBlock.cidr`;
    expect(problems(edit(validPolicy(), cidr, '10.244.1.0/24'))).toEqual([]);
    expect(problems(edit(validPolicy(), cidr, '2001:db8::/32'))).toEqual([]);
    expect(problems(edit(validPolicy(), cidr, '10.244.1.7/24'))).toEqual([`${cidr}: '10.244.1.7/24' has host bits set`]);
    expect(problems(edit(validPolicy(), cidr, '10.244.1.300/32'))[0]).toMatch(/^spec.*cidr: '10\.244\.1\.300\/32' is not a valid/);
    expect(problems(edit(validPolicy(), cidr, 'not-a-cidr'))).toHaveLength(1);
  });

  it('except: at most 10 networks of the same family inside cidr', () => {
    const block = `${peer}.ipBlock`;
    const ok = { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.0/24'] };
    expect(problems(edit(validPolicy(), block, ok))).toEqual([]);
    expect(problems(edit(validPolicy(), block, { cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] }))).toEqual([
      `${block}.except[0]: except network '11.0.0.0/16' is not inside cidr '10.0.0.0/8'`,
    ]);
    expect(problems(edit(validPolicy(), block, { cidr: '10.0.0.0/8', except: ['2001:db8::/32'] }))).toEqual([
      `${block}.except[0]: except network '2001:db8::/32' is IPv6 but cidr '10.0.0.0/8' is IPv4`,
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/16`);
    expect(problems(edit(validPolicy(), block, { cidr: '10.0.0.0/8', except: eleven }))).toEqual([
      `${block}.except: except may have at most 10 entries (it has 11)`,
    ]);
  });
});

describe('selectors', () => {
  it('label selectors need matchLabels or matchExpressions', () => {
    expect(problems(edit(validPolicy(), 'spec.podSelector', { matchLabels: { app: 'web' } }))).toEqual([]);
    expect(problems(edit(validPolicy(), 'spec.podSelector', {}))).toEqual([
      'spec.podSelector: podSelector needs matchLabels or matchExpressions',
    ]);
    expect(problems(edit(validPolicy(), 'spec.namespaceSelector', { matchLabels: {} }))).toEqual([
      'spec.namespaceSelector: namespaceSelector needs matchLabels or matchExpressions',
    ]);
    expect(problems(edit(validPolicy(), 'spec.podSelector', { matchLabel: { a: 'b' } }))[0]).toContain("did you mean 'matchLabels'?");
  });

  it('expression values: required for In / NotIn, forbidden for Exists / DoesNotExist', () => {
    const expr = (e: object) => edit(validPolicy(), 'spec.namespaceSelector', { matchExpressions: [e] });
    expect(problems(expr({ key: 'env', operator: 'In', values: ['prod'] }))).toEqual([]);
    expect(problems(expr({ key: 'env', operator: 'Exists' }))).toEqual([]);
    expect(problems(expr({ key: 'env', operator: 'NotIn' }))).toEqual([
      'spec.namespaceSelector.matchExpressions[0].values: operator NotIn needs a non-empty values list',
    ]);
    expect(problems(expr({ key: 'env', operator: 'DoesNotExist', values: ['x'] }))).toEqual([
      'spec.namespaceSelector.matchExpressions[0].values: operator DoesNotExist does not take values',
    ]);
    expect(problems(expr({ key: 'env', operator: 'in', values: ['x'] }))).toEqual([
      'spec.namespaceSelector.matchExpressions[0].operator: operator must be In, NotIn, Exists or DoesNotExist',
    ]);
  });

  it('matchFields keys must be fields of the selector', () => {
    expect(problems(edit(validPolicy(), 'spec.containerSelector.matchFields', { image: 'nginx' }))).toEqual([]);
    expect(problems(edit(validPolicy(), 'spec.containerSelector.matchFields', { pod: 'x' }))).toEqual([
      "spec.containerSelector.matchFields.pod: 'pod' is not a field of containerSelector (valid fields: image, imageID, containerName or containerID)",
    ]);
  });

  it('selectors forbid unknown keys', () => {
    expect(problems(edit(validPolicy(), 'spec.containerSelector.images', 'x'))).toEqual([
      "spec.containerSelector.images: unknown field 'images' in containerSelector (did you mean 'image'?)",
    ]);
    expect(problems(edit(validPolicy(), 'spec.machineSelector', { hostname: ['a', 'b'] }))).toEqual([]);
  });
});

describe('fingerprints', () => {
  it('accept the extra metadata spyctl ignores, but no extra top-level keys', () => {
    expect(problems(validFingerprint())).toEqual([]);
    expect(problems(edit(validFingerprint(), 'status', {}))).toEqual([
      "status: unknown field 'status' in a SpyderbatFingerprint document",
    ]);
  });

  it('take no mode or response', () => {
    expect(problems(edit(validFingerprint(), 'spec.mode', 'audit'))).toEqual([
      "spec.mode: unknown field 'mode' in a SpyderbatFingerprint spec",
    ]);
  });
});
