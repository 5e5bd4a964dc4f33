/** Linux service templates and the app images per namespace (see catalog.ts for the shapes). */
import { tcp, udp, type WorkloadTemplate } from './catalog.ts';

export const SERVICE_TEMPLATES: Record<string, WorkloadTemplate> = {
  sshd: {
    key: 'sshd',
    type: 'linux-service',
    unit: 'ssh.service',
    processes: [
      {
        name: 'sshd',
        exe: '/usr/sbin/sshd',
        ref: 'listener',
        listen: [tcp(22)],
        children: [
          {
            name: 'sshd',
            exe: '/usr/sbin/sshd',
            ref: 'session',
            children: [
              { name: 'sshd', exe: '/usr/sbin/sshd', euser: 'ubuntu', children: [{ name: 'bash', exe: '/usr/bin/bash', children: [{ name: 'sudo', exe: '/usr/bin/sudo', p: 0.6 }] }] },
              { name: 'sftp-server', exe: '/usr/lib/openssh/sftp-server', extra: true, p: 0.1 },
            ],
          },
        ],
      },
    ],
    network: [
      { dir: 'ingress', proc: 'listener', ports: [tcp(22)], peers: { kind: 'lan', min: 1, max: 6 } },
      { dir: 'ingress', proc: 'listener', ports: [tcp(22)], peers: { kind: 'public', min: 1, max: 2 }, extra: true, p: 0.05 },
    ],
  },
  cron: {
    key: 'cron',
    type: 'linux-service',
    unit: 'cron.service',
    processes: [
      {
        name: 'cron',
        exe: '/usr/sbin/cron',
        children: [
          {
            name: 'cron',
            exe: '/usr/sbin/cron',
            children: [
              {
                name: 'sh',
                exe: '/usr/bin/dash',
                ref: 'job',
                children: [
                  { name: 'run-parts', exe: '/usr/bin/run-parts', children: [{ name: 'logrotate', exe: '/usr/sbin/logrotate' }] },
                  { name: 'certbot', exe: '/usr/bin/python3.10', p: 0.4 },
                  { name: 'curl', exe: '/usr/bin/curl', extra: true, p: 0.06 },
                ],
              },
            ],
          },
        ],
      },
    ],
    network: [{ dir: 'egress', proc: 'job', ports: [tcp(443)], peers: { kind: 'dns', names: ['acme-v02.api.letsencrypt.org'] }, p: 0.4 }],
  },
  'systemd-resolved': {
    key: 'systemd-resolved',
    type: 'linux-service',
    unit: 'systemd-resolved.service',
    processes: [{ name: 'systemd-resolve', exe: '/lib/systemd/systemd-resolved', euser: 'systemd-resolve', ref: 'resolved', listen: [udp(53), tcp(53)] }],
    network: [{ dir: 'egress', proc: 'resolved', ports: [udp(53)], peers: { kind: 'cidr', cidrs: ['10.20.0.2/32', '1.1.1.1/32'] } }],
  },
  nginx: {
    key: 'nginx',
    type: 'linux-service',
    unit: 'nginx.service',
    processes: [
      {
        name: 'nginx',
        exe: '/usr/sbin/nginx',
        ref: 'master',
        listen: [tcp(80), tcp(443)],
        children: [{ name: 'nginx', exe: '/usr/sbin/nginx', euser: 'www-data', ref: 'worker' }],
      },
    ],
    network: [
      { dir: 'ingress', proc: 'worker', ports: [tcp(443)], peers: { kind: 'public', min: 5, max: 40 } },
      { dir: 'egress', proc: 'worker', ports: [tcp(8080)], peers: { kind: 'lan', min: 1, max: 4 } },
    ],
  },
  postgresql: {
    key: 'postgresql',
    type: 'linux-service',
    unit: 'postgresql@15-main.service',
    processes: [
      {
        name: 'postgres',
        exe: '/usr/lib/postgresql/15/bin/postgres',
        euser: 'postgres',
        ref: 'postmaster',
        listen: [tcp(5432)],
        children: [{ name: 'postgres', exe: '/usr/lib/postgresql/15/bin/postgres', ref: 'backend' }],
      },
    ],
    network: [{ dir: 'ingress', proc: 'backend', ports: [tcp(5432)], peers: { kind: 'lan', min: 2, max: 8 } }],
  },
};

/** App images per namespace prefix (the template supplies the process tree). */
export const APP_IMAGES: Record<string, { template: string; repo: string; tags: string[] }> = {
  orders: { template: 'python-api', repo: 'ghcr.io/acme/orders-api', tags: ['2.3.7', '2.4.1', '2.5.0'] },
  payments: { template: 'java', repo: 'ghcr.io/acme/payments-service', tags: ['4.2.0', '4.3.1'] },
  billing: { template: 'java', repo: 'ghcr.io/acme/billing-service', tags: ['1.11.9', '1.12.3'] },
  web: { template: 'node', repo: 'ghcr.io/acme/web-frontend', tags: ['3.7.4', '3.8.0', '3.8.1'] },
  catalog: { template: 'python-catalog', repo: 'ghcr.io/acme/catalog-api', tags: ['1.8.2', '1.9.0'] },
  search: { template: 'java', repo: 'ghcr.io/acme/search-indexer', tags: ['0.9.4', '0.10.0'] },
  auth: { template: 'node', repo: 'ghcr.io/acme/auth-gateway', tags: ['5.1.2', '5.2.0'] },
  notifications: { template: 'python-api', repo: 'ghcr.io/acme/notifier', tags: ['1.4.0', '1.4.2'] },
  inventory: { template: 'java', repo: 'registry.acme.internal/inventory', tags: ['2022.11.3', '2023.02.1'] },
  crm: { template: 'python-api', repo: 'registry.acme.internal/crm-api', tags: ['6.0.1', '6.1.0'] },
  reporting: { template: 'python-api', repo: 'registry.acme.internal/reporting', tags: ['0.31.0', '0.32.2'] },
  rsvp: { template: 'python-catalog', repo: 'docker.io/acmeworks/rsvp-svc', tags: ['1', '2'] },
  erp: { template: 'java', repo: 'registry.acme.internal/legacy-erp', tags: ['9.4.17'] },
  batch: { template: 'python-api', repo: 'ghcr.io/acme/batch-runner', tags: ['0.7.0', '0.8.0'] },
};
