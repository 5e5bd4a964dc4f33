/** Container workload templates (see catalog.ts for the shapes). */
import { tcp, udp, type ConnTemplate, type WorkloadTemplate } from './catalog.ts';

const PY_DEPS = ['pypi.org', 'files.pythonhosted.org'];

function pythonWeb(key: string, repo: string, tags: string[], port: number, deps: ConnTemplate[]): WorkloadTemplate {
  return {
    key,
    type: 'container',
    repo,
    tags,
    processes: [
      {
        name: 'sh',
        exe: '/bin/dash',
        children: [
          {
            name: 'gunicorn',
            exe: '/usr/local/bin/python3.11',
            euser: 'app',
            ref: 'master',
            listen: [tcp(port)],
            children: [
              { name: 'gunicorn', exe: '/usr/local/bin/python3.11', ref: 'worker' },
              { name: 'pip', exe: '/usr/local/bin/python3.11', extra: true, p: 0.08, ref: 'pip' },
            ],
          },
          { name: 'curl', exe: '/usr/bin/curl', extra: true, p: 0.12 },
        ],
      },
    ],
    network: [
      { dir: 'ingress', proc: 'master', ports: [tcp(port)], peers: { kind: 'pods', min: 3, max: 24 } },
      ...deps,
      { dir: 'egress', proc: 'pip', ports: [tcp(443)], peers: { kind: 'dns', names: PY_DEPS }, extra: true, p: 0.08 },
    ],
  };
}

const toPostgres: ConnTemplate = { dir: 'egress', proc: 'worker', ports: [tcp(5432)], peers: { kind: 'pods', min: 1, max: 2 } };
const toRedis: ConnTemplate = { dir: 'egress', proc: 'worker', ports: [tcp(6379)], peers: { kind: 'pods', min: 1, max: 1 } };
const toMongo: ConnTemplate = { dir: 'egress', proc: 'worker', ports: [tcp(27017)], peers: { kind: 'pods', min: 1, max: 3 } };
const toAws: ConnTemplate = { dir: 'egress', proc: 'worker', ports: [tcp(443)], peers: { kind: 'dns', names: ['s3.us-west-2.amazonaws.com', 'sqs.us-west-2.amazonaws.com'] } };

export const CONTAINER_TEMPLATES: Record<string, WorkloadTemplate> = {
  nginx: {
    key: 'nginx',
    type: 'container',
    repo: 'docker.io/library/nginx',
    tags: ['1.25.3', '1.25.4', '1.27.0'],
    processes: [
      {
        name: 'nginx',
        exe: '/usr/sbin/nginx',
        ref: 'master',
        listen: [tcp(80)],
        children: [{ name: 'nginx', exe: '/usr/sbin/nginx', euser: 'nginx', ref: 'worker' }],
      },
      { name: 'sh', exe: '/bin/dash', extra: true, p: 0.1, children: [{ name: 'curl', exe: '/usr/bin/curl' }] },
    ],
    network: [
      { dir: 'ingress', proc: 'worker', ports: [tcp(80)], peers: { kind: 'pods', min: 4, max: 40 } },
      { dir: 'egress', proc: 'worker', ports: [tcp(8080)], peers: { kind: 'pods', min: 2, max: 6 } },
    ],
  },
  'python-api': pythonWeb('python-api', 'ghcr.io/acme/orders-api', ['2.3.7', '2.4.1', '2.5.0'], 8000, [toPostgres, toRedis, toAws]),
  'python-catalog': pythonWeb('python-catalog', 'ghcr.io/acme/catalog-api', ['1.8.2', '1.9.0'], 8000, [toMongo, toRedis]),
  node: {
    key: 'node',
    type: 'container',
    repo: 'ghcr.io/acme/web-frontend',
    tags: ['3.7.4', '3.8.0', '3.8.1'],
    processes: [
      {
        name: 'node',
        exe: '/usr/local/bin/node',
        euser: 'node',
        ref: 'node',
        listen: [tcp(3000)],
        children: [
          { name: 'sh', exe: '/bin/sh', extra: true, p: 0.1, children: [{ name: 'wget', exe: '/usr/bin/wget' }] },
          // Only in the crypto-miner incident.
          { name: 'sh', exe: '/bin/sh', extra: true, p: 0, children: [{ name: 'xmrig', exe: '/tmp/.cache/xmrig', ref: 'miner' }] },
        ],
      },
    ],
    network: [
      { dir: 'egress', proc: 'miner', ports: [tcp(3333)], peers: { kind: 'dns', names: ['pool.supportxmr.com'] }, extra: true, p: 0 },
      { dir: 'ingress', proc: 'node', ports: [tcp(3000)], peers: { kind: 'pods', min: 2, max: 12 } },
      { dir: 'egress', proc: 'node', ports: [tcp(8000)], peers: { kind: 'pods', min: 2, max: 6 } },
      { dir: 'egress', proc: 'node', ports: [tcp(443)], peers: { kind: 'dns', names: ['api.stripe.com', 'cdn.acme.example'] } },
      { dir: 'egress', proc: 'node', ports: [tcp(443)], peers: { kind: 'public', min: 1, max: 2 }, extra: true, p: 0.06 },
    ],
  },
  java: {
    key: 'java',
    type: 'container',
    repo: 'ghcr.io/acme/billing-service',
    tags: ['1.11.9', '1.12.3'],
    processes: [
      {
        name: 'java',
        exe: '/opt/java/openjdk/bin/java',
        euser: 'spring',
        ref: 'java',
        listen: [tcp(8080), tcp(8081)],
        children: [{ name: 'bash', exe: '/bin/bash', extra: true, p: 0.07, children: [{ name: 'jcmd', exe: '/opt/java/openjdk/bin/jcmd' }] }],
      },
    ],
    network: [
      { dir: 'ingress', proc: 'java', ports: [tcp(8080)], peers: { kind: 'pods', min: 2, max: 16 } },
      { dir: 'egress', proc: 'java', ports: [tcp(5432)], peers: { kind: 'pods', min: 1, max: 2 } },
      { dir: 'egress', proc: 'java', ports: [tcp(9092)], peers: { kind: 'pods', min: 3, max: 3 } },
    ],
  },
  mongo: {
    key: 'mongo',
    type: 'container',
    repo: 'docker.io/library/mongo',
    tags: ['6.0.13', '7.0.5'],
    processes: [{ name: 'mongod', exe: '/usr/bin/mongod', euser: 'mongodb', ref: 'mongod', listen: [tcp(27017)] }],
    network: [
      { dir: 'ingress', proc: 'mongod', ports: [tcp(27017)], peers: { kind: 'pods', min: 2, max: 10 } },
      { dir: 'egress', proc: 'mongod', ports: [tcp(27017)], peers: { kind: 'pods', min: 2, max: 2 } },
    ],
  },
  redis: {
    key: 'redis',
    type: 'container',
    repo: 'docker.io/library/redis',
    tags: ['7.2.3', '7.2.4'],
    processes: [{ name: 'redis-server', exe: '/usr/local/bin/redis-server', euser: 'redis', ref: 'redis', listen: [tcp(6379)] }],
    network: [{ dir: 'ingress', proc: 'redis', ports: [tcp(6379)], peers: { kind: 'pods', min: 2, max: 12 } }],
  },
  postgres: {
    key: 'postgres',
    type: 'container',
    repo: 'docker.io/library/postgres',
    tags: ['15.5', '15.6'],
    processes: [
      {
        name: 'postgres',
        exe: '/usr/lib/postgresql/15/bin/postgres',
        euser: 'postgres',
        ref: 'postmaster',
        listen: [tcp(5432)],
        children: [
          { name: 'postgres', exe: '/usr/lib/postgresql/15/bin/postgres', ref: 'backend' },
          { name: 'pg_dump', exe: '/usr/lib/postgresql/15/bin/pg_dump', extra: true, p: 0.05 },
        ],
      },
    ],
    network: [{ dir: 'ingress', proc: 'backend', ports: [tcp(5432)], peers: { kind: 'pods', min: 2, max: 10 } }],
  },
  coredns: {
    key: 'coredns',
    type: 'container',
    repo: 'registry.k8s.io/coredns/coredns',
    tags: ['v1.10.1', 'v1.11.1'],
    processes: [{ name: 'coredns', exe: '/coredns', ref: 'coredns', listen: [udp(53), tcp(53), tcp(8080), tcp(8181)] }],
    network: [
      { dir: 'ingress', proc: 'coredns', ports: [udp(53)], peers: { kind: 'pods', min: 10, max: 60 } },
      { dir: 'egress', proc: 'coredns', ports: [udp(53)], peers: { kind: 'cidr', cidrs: ['10.0.0.2/32'] } },
      { dir: 'egress', proc: 'coredns', ports: [tcp(443)], peers: { kind: 'cidr', cidrs: ['10.96.0.1/32'] } },
    ],
  },
  'kube-proxy': {
    key: 'kube-proxy',
    type: 'container',
    repo: 'registry.k8s.io/kube-proxy',
    tags: ['v1.27.10', 'v1.28.6'],
    processes: [
      {
        name: 'kube-proxy',
        exe: '/usr/local/bin/kube-proxy',
        ref: 'kp',
        listen: [tcp(10249), tcp(10256)],
        children: [
          { name: 'iptables', exe: '/usr/sbin/xtables-nft-multi' },
          { name: 'iptables-restor', exe: '/usr/sbin/xtables-nft-multi' },
          { name: 'iptables-save', exe: '/usr/sbin/xtables-nft-multi' },
          { name: 'ip6tables', exe: '/usr/sbin/xtables-nft-multi' },
          { name: 'ip6tables-resto', exe: '/usr/sbin/xtables-nft-multi', p: 0.8 },
          { name: 'conntrack', exe: '/usr/sbin/conntrack', extra: true, p: 0.1 },
        ],
      },
    ],
    network: [{ dir: 'egress', proc: 'kp', ports: [tcp(443)], peers: { kind: 'cidr', cidrs: ['10.96.0.1/32'] } }],
  },
  'csi-driver': {
    key: 'csi-driver',
    type: 'container',
    repo: 'registry.k8s.io/csi-secrets-store/driver',
    tags: ['v1.4.1', 'v1.4.2'],
    processes: [
      {
        name: 'secrets-store-c',
        exe: '/secrets-store-csi',
        ref: 'csi',
        listen: [tcp(9808)],
        children: [{ name: 'mount', exe: '/usr/bin/mount' }, { name: 'umount', exe: '/usr/bin/umount', p: 0.7 }],
      },
    ],
    network: [{ dir: 'egress', proc: 'csi', ports: [tcp(443)], peers: { kind: 'cidr', cidrs: ['10.96.0.1/32'] } }],
  },
  'csi-registrar': {
    key: 'csi-registrar',
    type: 'container',
    repo: 'registry.k8s.io/sig-storage/csi-node-driver-registrar',
    tags: ['v2.9.3', 'v2.10.0'],
    processes: [{ name: 'csi-node-driver', exe: '/csi-node-driver-registrar', ref: 'reg' }],
    network: [],
  },
  'ebs-csi': {
    key: 'ebs-csi',
    type: 'container',
    repo: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver',
    tags: ['v1.27.0', 'v1.28.0'],
    processes: [
      {
        name: 'aws-ebs-csi-dri',
        exe: '/bin/aws-ebs-csi-driver',
        ref: 'ebs',
        listen: [tcp(9808)],
        children: [{ name: 'mount', exe: '/usr/bin/mount' }, { name: 'blkid', exe: '/usr/sbin/blkid' }, { name: 'mkfs.ext4', exe: '/usr/sbin/mke2fs', p: 0.3 }],
      },
    ],
    network: [
      { dir: 'egress', proc: 'ebs', ports: [tcp(443)], peers: { kind: 'dns', names: ['ec2.us-west-2.amazonaws.com'] } },
      { dir: 'egress', proc: 'ebs', ports: [tcp(80)], peers: { kind: 'cidr', cidrs: ['169.254.169.254/32'] } },
    ],
  },
  'aws-node': {
    key: 'aws-node',
    type: 'container',
    repo: '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni',
    tags: ['v1.16.0-eksbuild.1', 'v1.16.4-eksbuild.2'],
    processes: [
      {
        name: 'aws-k8s-agent',
        exe: '/app/aws-k8s-agent',
        ref: 'agent',
        listen: [tcp(61678)],
        children: [{ name: 'iptables', exe: '/usr/sbin/xtables-legacy-multi' }, { name: 'ip', exe: '/usr/sbin/ip' }],
      },
    ],
    network: [
      { dir: 'egress', proc: 'agent', ports: [tcp(443)], peers: { kind: 'dns', names: ['ec2.us-west-2.amazonaws.com'] } },
      { dir: 'egress', proc: 'agent', ports: [tcp(443)], peers: { kind: 'cidr', cidrs: ['10.96.0.1/32'] } },
    ],
  },
};

CONTAINER_TEMPLATES['controller'] = {
  key: 'controller',
  type: 'container',
  repo: 'quay.io/jetstack/cert-manager-controller',
  tags: ['v1.13.3', 'v1.14.4'],
  processes: [{ name: 'controller', exe: '/app/cmd/controller/controller', euser: '1000', ref: 'ctl', listen: [tcp(9402)] }],
  network: [
    { dir: 'egress', proc: 'ctl', ports: [tcp(443)], peers: { kind: 'cidr', cidrs: ['10.96.0.1/32'] } },
    { dir: 'egress', proc: 'ctl', ports: [tcp(443)], peers: { kind: 'dns', names: ['acme-v02.api.letsencrypt.org'] } },
  ],
};

/** Images for the EKS flavour of the system workloads. */
export const EKS_REPOS: Record<string, { repo: string; tags: string[] }> = {
  coredns: { repo: '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns', tags: ['v1.10.1-eksbuild.6', 'v1.10.1-eksbuild.7'] },
  'kube-proxy': { repo: '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy', tags: ['v1.28.4-eksbuild.1', 'v1.28.8-minimal-eksbuild.2'] },
};
