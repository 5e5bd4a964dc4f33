/**
 * fast-check generators: valid SpyderbatPolicy objects (with awkward strings to
 * exercise quoting) and hostile inputs for the parser.
 */
import fc from 'fast-check';
import type { EgressRule, IngressRule, PortRange, ProcessNode, WorkloadPolicy } from '../../model/types.ts';

/** Strings a user might type, including ones YAML must quote. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_.\-/:*]{0,15}$/) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('yes', 'no', 'on', 'null', '~', '', ' x', 'x ', '123', '0x1F', '1:20', '1.5', '- a', 'a: b', '#x', 'a #b', '*', '&a', "it's", '"q"', 'a\nb', '2023-01-06', '---', 'café', '\t'),
  },
);

const portArb: fc.Arbitrary<PortRange> = fc
  .record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.integer({ min: 0, max: 65535 }), span: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) })
  .map(({ protocol, port, span }) => (span === undefined ? { protocol, port } : { protocol, port, endPort: Math.min(65535, port + span) }));

const cidrArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([addr, prefix]) => {
    const masked = prefix === 0 ? 0 : (addr >>> (32 - prefix)) << (32 - prefix);
    const a = masked >>> 0;
    return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${prefix}`;
  });

type Shape = { name: string; exe: string[]; euser?: string[]; sockets?: PortRange[]; children: Shape[] };

const shapeArb: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.record({
    name: awkwardString,
    exe: fc.array(awkwardString, { maxLength: 3 }),
    euser: fc.option(fc.array(awkwardString, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    sockets: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
    children: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'tree', withCrossShrink: true },
      fc.constant<Shape[]>([]),
      fc.array(tie('node'), { maxLength: 2, depthIdentifier: 'tree' }),
    ),
  }),
})).node;

/** Turns shapes into process nodes with unique ids; roots always get euser. */
function toNodes(shapes: Shape[], ids: string[], root: boolean): ProcessNode[] {
  return shapes.map((s) => {
    const id = `p_${ids.length}`;
    ids.push(id);
    const node: ProcessNode = { name: s.name, exe: s.exe, id };
    if (root || s.euser) node.euser = s.euser ?? ['root'];
    if (s.sockets) node.listeningSockets = s.sockets;
    if (s.children.length > 0) node.children = toNodes(s.children, ids, false);
    return node;
  });
}

const peerArb = fc.oneof(
  cidrArb.map((cidr) => ({ ipBlock: { cidr } })),
  fc.array(awkwardString, { minLength: 1, maxLength: 2 }).map((names) => ({ dnsSelector: names })),
);

const ruleArb = fc.record({
  peers: fc.array(peerArb, { minLength: 1, maxLength: 3 }),
  ports: fc.array(portArb, { minLength: 1, maxLength: 2 }),
  procs: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
});

/** Valid workload policies (container or linux-service). */
export const policyArb: fc.Arbitrary<WorkloadPolicy> = fc
  .record({
    name: awkwardString,
    type: fc.constantFrom('container' as const, 'linux-service' as const),
    selector: awkwardString.filter((s) => s !== ''),
    mode: fc.constantFrom('audit' as const, 'enforce' as const),
    enabled: fc.option(fc.boolean(), { nil: undefined }),
    labels: fc.option(fc.dictionary(fc.stringMatching(/^[a-z][a-z./-]{0,10}$/), awkwardString, { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
    trees: fc.array(shapeArb, { minLength: 1, maxLength: 3 }),
    ingress: fc.array(ruleArb, { maxLength: 3 }),
    egress: fc.array(ruleArb, { maxLength: 3 }),
    severity: fc.constantFrom('critical' as const, 'high' as const, 'medium' as const, 'low' as const, 'info' as const),
    killDev: fc.boolean(),
  })
  .map((r) => {
    const ids: string[] = [];
    const processPolicy = toNodes(r.trees, ids, true);
    const pick = (procs: number[] | undefined) => (procs ? { processes: [...new Set(procs.map((n) => ids[n % ids.length] ?? 'p_0'))] } : {});
    const ingress: IngressRule[] = r.ingress.map((x) => ({ from: x.peers, ports: x.ports, ...pick(x.procs) }));
    const egress: EgressRule[] = r.egress.map((x) => ({ to: x.peers, ports: x.ports, ...pick(x.procs) }));
    const selector = r.type === 'container' ? { containerSelector: { image: r.selector } } : { serviceSelector: { cgroup: r.selector } };
    const policy: WorkloadPolicy = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatPolicy',
      metadata: { name: r.name, type: r.type },
      spec: {
        ...selector,
        ...(r.labels ? { podSelector: { matchLabels: r.labels } } : {}),
        ...(r.enabled === undefined ? {} : { enabled: r.enabled }),
        mode: r.mode,
        processPolicy,
        networkPolicy: { ingress, egress },
        response: {
          default: [{ makeRedFlag: { severity: r.severity } }],
          actions: r.killDev ? [{ agentKillProcess: { podSelector: { matchLabels: { env: 'dev' } } } }] : [],
        },
      },
    };
    return policy;
  });

/** Text made of YAML-ish fragments: indentation, indicators, quotes, anchors, brackets. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'a', 'key', ':', ': ', '- ', '-', '\n', '\n  ', '\n    ', ' ', '  ', '[', ']', '{', '}', ',', '"', "'", '#', '&x ', '*x', '!!str ',
      '|', '>', '---', '...', '?', '%YAML 1.1', '\t', '\r\n', '\\', 'apiVersion: spyderbat/v1\n', 'kind: SpyderbatPolicy\n', 'spec:\n',
      'items:\n', '  processPolicy:\n', '  - name: x\n', '    id: x\n', '0x1F', 'yes', '~', '<<: ', '\u0000', '\ufeff', '\u2028', 'é',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
