/**
 * Deterministic synthetic workload policies (and workloads they cover) for
 * benchmarks and tests. Shapes follow real fingerprints: an exact image or a
 * versioned image glob, sometimes namespace / pod labels, a small process tree
 * with an occasional glob name, a few ingress / egress rules with CIDRs,
 * excepts, DNS names and globs, port ranges and process restrictions.
 */
import type {
  EgressRule,
  IngressRule,
  ProcessNode,
  ResponseAction,
  WorkloadIdentity,
  WorkloadPolicy,
} from '../model/types.ts';
import type { Rng } from './sample.ts';
import { mulberry32, pick, randInt } from './sample.ts';

export interface GeneratedFleet {
  policies: WorkloadPolicy[];
  /** Workloads covered by the policies; `owners[i]` is the index of the policy built for `workloads[i]`. */
  workloads: WorkloadIdentity[];
  owners: number[];
}

const LANGS = [
  { name: 'python3.11', exe: '/usr/local/bin/python3.11', glob: 'python3.*', exeGlob: '/usr/local/bin/python3.*' },
  { name: 'node', exe: '/usr/local/bin/node', glob: 'node', exeGlob: '/usr/local/bin/node' },
  { name: 'java', exe: '/opt/java/openjdk/bin/java', glob: 'java', exeGlob: '/opt/java/*/bin/java' },
  { name: 'nginx', exe: '/usr/sbin/nginx', glob: 'nginx', exeGlob: '/usr/sbin/nginx' },
];

function tree(rng: Rng, i: number): ProcessNode[] {
  const lang = pick(rng, LANGS);
  const useGlob = rng() < 0.15;
  const worker: ProcessNode = {
    name: useGlob ? lang.glob : lang.name,
    exe: [useGlob ? lang.exeGlob : lang.exe],
    id: `${lang.name.replace(/\W/g, '')}_0`,
    euser: [pick(rng, ['app', 'www-data', 'nobody'])],
    children: [
      { name: 'sh', exe: ['/bin/sh', '/bin/dash'], id: 'sh_1', children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }] },
    ],
  };
  const root: ProcessNode = {
    name: 'tini',
    exe: ['/sbin/tini'],
    id: 'tini_0',
    euser: ['root'],
    children: [worker, { name: 'healthcheck', exe: [`/app/bin/health-${i % 13}`], id: 'healthcheck_0' }],
  };
  return [root];
}

function ingress(rng: Rng, workerId: string): IngressRule[] {
  const a = randInt(rng, 0, 255);
  const rules: IngressRule[] = [
    {
      from: [{ ipBlock: { cidr: `10.${a}.0.0/16`, except: [`10.${a}.13.0/24`] } }],
      ports: [{ port: pick(rng, [80, 8080, 8443, 3000]), protocol: 'TCP' }],
      processes: [workerId],
    },
  ];
  if (rng() < 0.5) rules.push({ from: [{ ipBlock: { cidr: '192.168.0.0/16' } }], ports: [{ port: 9100, protocol: 'TCP' }] });
  return rules;
}

function egress(rng: Rng, i: number, workerId: string): EgressRule[] {
  const rules: EgressRule[] = [
    { to: [{ dnsSelector: ['kube-dns.kube-system.svc.cluster.local'] }], ports: [{ port: 53, protocol: 'UDP' }] },
    {
      to: [{ dnsSelector: [`db-${i % 17}.data.svc.cluster.local`, '*.cache.svc.cluster.local'] }],
      ports: [{ port: pick(rng, [5432, 6379, 27017]), protocol: 'TCP' }],
      processes: [workerId],
    },
    {
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
      ports: [{ port: 443, protocol: 'TCP' }],
    },
  ];
  if (rng() < 0.3) {
    rules.push({ to: [{ ipBlock: { cidr: 'fd00:10::/32' } }], ports: [{ port: 30000, endPort: 32767, protocol: 'UDP' }] });
  }
  return rules;
}

function response(rng: Rng): WorkloadPolicy['spec']['response'] {
  const actions: ResponseAction[] = [];
  if (rng() < 0.3) actions.push({ agentKillProcess: { podSelector: { matchLabels: { env: 'dev' } } } });
  return { default: [{ makeRedFlag: { severity: 'high' } }], actions };
}

/** `n` policies (seeded), each with one to three workloads it covers. */
export function generatePolicies(n: number, seed = 1): GeneratedFleet {
  const rng = mulberry32(seed);
  const policies: WorkloadPolicy[] = [];
  const workloads: WorkloadIdentity[] = [];
  const owners: number[] = [];
  for (let i = 0; i < n; i++) {
    const processPolicy = tree(rng, i);
    const workerId = processPolicy[0]?.children?.[0]?.id ?? 'tini_0';
    const service = rng() < 0.05;
    const globImage = !service && rng() < 0.05;
    const labelled = !service && rng() < 0.4;
    const team = `team-${i % 40}`;
    const repo = `registry.example.com/${team}/svc-${i}`;
    const spec: WorkloadPolicy['spec'] = {
      ...(service
        ? { serviceSelector: { cgroup: `systemd:/system.slice/svc-${i}.service` } }
        : { containerSelector: { image: globImage ? `${repo}:1.*` : `${repo}:1.${i % 7}` } }),
      ...(labelled
        ? { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': team } }, podSelector: { matchLabels: { app: `svc-${i}` } } }
        : {}),
      mode: rng() < 0.5 ? 'audit' : 'enforce',
      processPolicy,
      networkPolicy: { ingress: ingress(rng, workerId), egress: egress(rng, i, workerId) },
      response: response(rng),
    };
    policies.push({
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatPolicy',
      metadata: { name: service ? `svc-${i}.service` : `svc-${i}`, type: service ? 'linux-service' : 'container', uid: `pol:gen${i}` },
      spec,
    });
    for (let k = randInt(rng, 1, 3); k > 0; k--) {
      const id: WorkloadIdentity = service
        ? { type: 'linux-service', service: { cgroup: `systemd:/system.slice/svc-${i}.service`, name: `svc-${i}.service` } }
        : {
            type: 'container',
            cluster: { name: 'prod-1' },
            container: { image: `${repo}:1.${globImage ? k : i % 7}`, containerName: `svc-${i}-${k}` },
          };
      if (labelled) {
        id.namespaceLabels = { 'kubernetes.io/metadata.name': team };
        id.podLabels = { app: `svc-${i}`, env: rng() < 0.2 ? 'dev' : 'prod' };
      }
      workloads.push(id);
      owners.push(i);
    }
  }
  return { policies, workloads, owners };
}
