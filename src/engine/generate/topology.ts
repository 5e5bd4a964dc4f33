/**
 * The shape of the generated org: clusters (EKS-like, on-prem Kubernetes, a fleet of
 * Linux hosts), their namespaces and machines, and the workloads running there.
 * Larger scales add clusters and copies of application namespaces.
 */
import type { WorkloadTemplate } from './catalog.ts';
import { CONTAINER_TEMPLATES, EKS_REPOS } from './catalog-containers.ts';
import { APP_IMAGES, SERVICE_TEMPLATES } from './catalog-services.ts';
import type { NetSpace } from './network.ts';
import type { Rng } from './prng.ts';
import type { ClusterPlatform, GeneratedCluster, GeneratedMachine, GeneratedNamespace } from './types.ts';

export interface Workload {
  key: string;
  template: WorkloadTemplate;
  cluster: GeneratedCluster;
  namespace?: string;
  /** Deployment / DaemonSet name, or the systemd unit. */
  app: string;
  repo?: string;
  tags?: string[];
  /** Live replicas (containers) or hosts (services). */
  replicas: number;
  hosts: GeneratedMachine[];
  role: 'app' | 'dep' | 'system' | 'service';
  labels: Record<string, string>;
  net: NetSpace;
}

export interface Topology {
  clusters: GeneratedCluster[];
  namespaces: GeneratedNamespace[];
  machines: GeneratedMachine[];
  workloads: Workload[];
}

const EKS_NAMESPACES = [
  'kube-system', 'ingress-nginx', 'cert-manager', 'monitoring', 'logging', 'orders-prod', 'orders-staging', 'payments-prod',
  'payments-staging', 'web-prod', 'web-staging', 'catalog-prod', 'search-prod', 'data-prod', 'auth-prod', 'notifications-prod',
  'batch-prod', 'default',
];
const ONPREM_NAMESPACES = [
  'kube-system', 'ingress-nginx', 'monitoring', 'logging', 'inventory-prod', 'inventory-dev', 'billing-prod', 'billing-dev',
  'crm-prod', 'crm-dev', 'reporting', 'legacy-erp', 'data-dev', 'ml-training', 'qa', 'sandbox', 'rsvp-svc-dev', 'rsvp-svc-prod',
  'default', 'storage',
];
const FLEET_HOSTS = [
  ...['web-01', 'web-02', 'web-03', 'web-04', 'web-05', 'web-06'],
  ...['db-01', 'db-02', 'db-03'],
  ...['bastion-01', 'bastion-02'],
  ...['build-01', 'build-02', 'build-03', 'build-04'],
  ...['app-01', 'app-02', 'app-03', 'app-04', 'app-05', 'app-06', 'app-07', 'app-08', 'app-09'],
];

interface AppSpec {
  template: string;
  app: string;
  repo?: string;
  tags?: string[];
  role: Workload['role'];
  replicas: number;
}

const MISC: Record<string, (env: string) => AppSpec[]> = {
  monitoring: () => [{ template: 'node', app: 'grafana', repo: 'docker.io/grafana/grafana', tags: ['10.2.3', '10.4.1'], role: 'app', replicas: 1 }],
  logging: () => [{ template: 'python-api', app: 'log-shipper', repo: 'ghcr.io/acme/log-shipper', tags: ['0.4.1', '0.5.0'], role: 'app', replicas: 2 }],
  'cert-manager': () => [{ template: 'controller', app: 'cert-manager', role: 'system', replicas: 1 }],
  default: () => [{ template: 'nginx', app: 'hello-web', role: 'app', replicas: 1 }],
  sandbox: () => [{ template: 'nginx', app: 'sandbox-web', role: 'app', replicas: 1 }, { template: 'redis', app: 'redis', role: 'dep', replicas: 1 }],
  qa: () => [{ template: 'node', app: 'qa-frontend', repo: 'ghcr.io/acme/web-frontend', tags: ['3.8.1', '3.9.0-rc.1'], role: 'app', replicas: 1 }],
  data: () => [{ template: 'postgres', app: 'postgres', role: 'dep', replicas: 1 }, { template: 'mongo', app: 'mongo', role: 'dep', replicas: 3 }],
  storage: () => [{ template: 'postgres', app: 'pg-backup', role: 'dep', replicas: 1 }],
  ml: () => [{ template: 'python-api', app: 'trainer', repo: 'ghcr.io/acme/ml-trainer', tags: ['0.3.0', '0.3.2'], role: 'app', replicas: 2 }],
  legacy: () => [{ template: 'java', app: 'legacy-erp', ...APP_IMAGES.erp, role: 'app', replicas: 2 }],
};

const DEPS: Record<string, string[]> = {
  'python-api': ['redis', 'postgres'],
  'python-catalog': ['mongo', 'redis'],
  java: ['postgres'],
  node: ['nginx'],
};

const APP_NAMES: Record<string, string> = {
  orders: 'orders-api', payments: 'payments-service', billing: 'billing-service', web: 'web-frontend', catalog: 'catalog-api',
  search: 'search-indexer', auth: 'auth-gateway', notifications: 'notifier', inventory: 'inventory', crm: 'crm-api',
  reporting: 'reporting', rsvp: 'rsvp-svc', batch: 'batch-runner',
};

/** The workloads of one namespace. */
export function namespaceApps(ns: string): AppSpec[] {
  const parts = ns.split('-');
  const prefix = parts[0] ?? ns;
  const env = parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
  const prod = env === 'prod' || env === '';
  const img = APP_IMAGES[prefix];
  if (img) {
    const app: AppSpec = { template: img.template, app: APP_NAMES[prefix] ?? prefix, repo: img.repo, tags: img.tags, role: 'app', replicas: prod ? 3 : 1 };
    const deps = (DEPS[img.template] ?? []).map((t): AppSpec => ({ template: t, app: t, role: 'dep', replicas: t === 'mongo' ? 3 : t === 'nginx' ? 2 : 1 }));
    return [app, ...deps];
  }
  const misc = MISC[prefix] ?? MISC[ns];
  return misc ? misc(env) : [{ template: 'nginx', app: `${ns}-web`, role: 'app', replicas: 1 }];
}

function systemApps(platform: ClusterPlatform, nodes: number): AppSpec[] {
  const eks = platform === 'eks';
  const sys = (template: string, replicas: number, app = template): AppSpec => ({
    template,
    app,
    role: 'system',
    replicas,
    ...(eks && EKS_REPOS[template] ? { repo: EKS_REPOS[template].repo, tags: EKS_REPOS[template].tags } : {}),
  });
  return eks
    ? [sys('coredns', 2), sys('kube-proxy', nodes), sys('aws-node', nodes), sys('ebs-csi', nodes, 'ebs-csi-node'), sys('csi-registrar', nodes, 'node-driver-registrar')]
    : [sys('coredns', 2), sys('kube-proxy', nodes), sys('csi-driver', nodes, 'secrets-store-csi-driver'), sys('csi-registrar', nodes, 'node-driver-registrar')];
}

const INGRESS: AppSpec = { template: 'nginx', app: 'ingress-nginx-controller', repo: 'registry.k8s.io/ingress-nginx/controller', tags: ['v1.9.5', 'v1.9.6'], role: 'system', replicas: 2 };

export class TopologyBuilder {
  readonly topo: Topology = { clusters: [], namespaces: [], machines: [], workloads: [] };
  private readonly nsCount = new Map<string, number>();

  constructor(private readonly rng: Rng, private readonly now: number) {}

  liveReplicas(): number {
    let n = 0;
    for (const w of this.topo.workloads) n += w.replicas;
    return n;
  }

  addCluster(platform: ClusterPlatform, index: number): GeneratedCluster {
    const rng = this.rng;
    const base = platform === 'eks' ? 'prod-eks-usw2' : platform === 'kubernetes' ? 'dc1-k8s' : 'edge-linux-fleet';
    const name = index === 0 ? base : platform === 'kubernetes' ? `dc${index + 1}-k8s` : `${base}-${String(index + 1).padStart(2, '0')}`;
    const cluster: GeneratedCluster = {
      uid: `clus:${rng.base62(11)}`,
      name,
      platform,
      firstData: this.now - 86400 * rng.int(120, 400),
      lastData: this.now - rng.int(5, 90),
      ...(platform === 'linux' ? {} : { clusterId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}` }),
    };
    this.topo.clusters.push(cluster);
    if (platform === 'linux') {
      const hosts = FLEET_HOSTS.map((h) => this.addMachine(cluster, index === 0 ? h : `${h}-${index + 1}`, `10.20.${rng.int(0, 15)}.${rng.int(2, 254)}`));
      this.addServices(cluster, hosts);
      return cluster;
    }
    const nodeCount = platform === 'eks' ? 6 : 8;
    const nodes = Array.from({ length: nodeCount }, (_, i) => {
      const ip = platform === 'eks' ? `10.0.${rng.int(32, 63)}.${rng.int(2, 254)}` : `10.30.1.${11 + i}`;
      const host = platform === 'eks' ? `ip-${ip.replaceAll('.', '-')}.us-west-2.compute.internal` : `k8s-worker-${String(i + 1).padStart(2, '0')}${index ? `.dc${index + 1}` : ''}`;
      return this.addMachine(cluster, host, ip);
    });
    const podSubnets = platform === 'eks' ? range(32, 63).map((i) => `10.0.${i}`) : range(0, 63).map((i) => `10.244.${i}`);
    const net: NetSpace = { podSubnets, lanSubnets: [] };
    for (const ns of platform === 'eks' ? EKS_NAMESPACES : ONPREM_NAMESPACES) this.addNamespace(cluster, ns, nodes, net, ns === 'kube-system' ? systemApps(platform, nodeCount) : ns === 'ingress-nginx' ? [INGRESS] : namespaceApps(ns));
    return cluster;
  }

  /** Adds a copy of an application namespace (used to grow large orgs). */
  addNamespaceCopy(cluster: GeneratedCluster): void {
    const source = this.rng.pick(cluster.platform === 'eks' ? EKS_NAMESPACES.slice(5) : ONPREM_NAMESPACES.slice(4, 18));
    const n = (this.nsCount.get(`${cluster.uid}/${source}`) ?? 1) + 1;
    this.nsCount.set(`${cluster.uid}/${source}`, n);
    const nodes = this.topo.machines.filter((m) => m.clusterUid === cluster.uid);
    const podSubnets = cluster.platform === 'eks' ? range(32, 63).map((i) => `10.0.${i}`) : range(0, 63).map((i) => `10.244.${i}`);
    this.addNamespace(cluster, `${source}-${n}`, nodes, { podSubnets, lanSubnets: [] }, namespaceApps(source));
  }

  private addMachine(cluster: GeneratedCluster, hostname: string, ip: string): GeneratedMachine {
    const m: GeneratedMachine = { muid: `mach:${this.rng.base62(11)}`, hostname, clusterUid: cluster.uid, ip };
    this.topo.machines.push(m);
    return m;
  }

  private addNamespace(cluster: GeneratedCluster, ns: string, nodes: GeneratedMachine[], net: NetSpace, apps: AppSpec[]): void {
    const labels: Record<string, string> = { 'kubernetes.io/metadata.name': ns };
    const env = /-(prod|staging|dev)(-\d+)?$/.exec(ns)?.[1];
    if (env) labels.environment = env;
    this.topo.namespaces.push({ clusterUid: cluster.uid, clusterName: cluster.name, name: ns, labels });
    for (const a of apps) {
      const template = CONTAINER_TEMPLATES[a.template];
      if (!template) continue;
      this.topo.workloads.push({
        key: `${cluster.name}/${ns}/${a.app}`,
        template,
        cluster,
        namespace: ns,
        app: a.app,
        repo: a.repo ?? template.repo ?? a.app,
        tags: a.tags ?? template.tags ?? ['latest'],
        replicas: a.replicas,
        hosts: nodes,
        role: a.role,
        labels: { app: a.app, ...(a.role === 'app' ? { tier: a.template === 'node' || a.template === 'nginx' ? 'frontend' : 'backend' } : {}) },
        net,
      });
    }
  }

  private addServices(cluster: GeneratedCluster, hosts: GeneratedMachine[]): void {
    const net: NetSpace = { podSubnets: [], lanSubnets: range(0, 15).map((i) => `10.20.${i}`) };
    const on = (prefix: string): GeneratedMachine[] => hosts.filter((h) => h.hostname.startsWith(prefix));
    const units: [string, GeneratedMachine[]][] = [
      ['sshd', hosts],
      ['cron', hosts],
      ['systemd-resolved', hosts],
      ['nginx', on('web-')],
      ['postgresql', on('db-')],
    ];
    for (const [key, machines] of units) {
      const template = SERVICE_TEMPLATES[key];
      if (!template || machines.length === 0) continue;
      this.topo.workloads.push({
        key: `${cluster.name}/${template.unit ?? key}`,
        template,
        cluster,
        app: template.unit ?? key,
        replicas: machines.length,
        hosts: machines,
        role: 'service',
        labels: {},
        net,
      });
    }
  }
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
