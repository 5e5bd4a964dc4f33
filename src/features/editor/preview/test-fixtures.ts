/** Small policies, fingerprints and deviation records for the preview panel tests. */
import type { DeviationRecord } from '../../../api/types.ts';
import type { ProcessNode, SpyderbatFingerprint, WorkloadPolicy } from '../../../engine/model/types.ts';

export const IMAGE = 'docker.io/library/nginx:latest';

export function nginxPolicy(extra: Partial<WorkloadPolicy['metadata']> = {}): WorkloadPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'nginx-policy', type: 'container', ...extra },
    spec: {
      containerSelector: { image: IMAGE },
      mode: 'audit',
      processPolicy: [
        {
          name: 'nginx',
          exe: ['/usr/sbin/nginx'],
          euser: ['root'],
          id: 'nginx_0',
          children: [{ name: 'nginx', exe: ['/usr/sbin/nginx'], euser: ['www-data'], id: 'nginx_1' }],
        },
      ],
      networkPolicy: {
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ port: 443, protocol: 'TCP' }], processes: ['nginx_1'] }],
        egress: [],
      },
      response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] },
    },
  };
}

export const nginxYaml = (name = 'nginx-policy', uid?: string): string =>
  [
    'apiVersion: spyderbat/v1',
    'kind: SpyderbatPolicy',
    'metadata:',
    `  name: ${name}`,
    '  type: container',
    ...(uid !== undefined ? [`  uid: ${uid}`] : []),
    'spec:',
    '  containerSelector:',
    `    image: ${IMAGE}`,
    '  mode: audit',
    '  processPolicy:',
    '  - name: nginx',
    '    exe:',
    '    - /usr/sbin/nginx',
    '    id: nginx_0',
    '    euser:',
    '    - root',
    '    children:',
    '    - name: nginx',
    '      exe:',
    '      - /usr/sbin/nginx',
    '      id: nginx_1',
    '      euser:',
    '      - www-data',
    '  networkPolicy:',
    '    ingress:',
    '    - from:',
    '      - ipBlock:',
    '          cidr: 10.0.0.0/24',
    '      ports:',
    '      - port: 443',
    '        protocol: TCP',
    '      processes:',
    '      - nginx_1',
    '    egress: []',
    '  response:',
    '    default:',
    '    - makeRedFlag:',
    '        severity: high',
    '    actions: []',
    '',
  ].join('\n');

const SH: ProcessNode = { name: 'sh', exe: ['/bin/sh'], euser: ['www-data'], id: 'sh_0', children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }] };

/**
 * An nginx fingerprint that also ran `sh → curl` under the worker process,
 * curl talked to api.example.com:443, and the worker accepted 10.9.9.9:443.
 */
export function deviatingFingerprint(name = 'web-1', muid = 'mach-1'): SpyderbatFingerprint {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: IMAGE, type: 'container', containerName: name, namespace: 'shop', cluster_name: 'prod', muid, id: `fp:${name}`, latestTimestamp: 1_700_000_500 },
    spec: {
      containerSelector: { image: IMAGE },
      processPolicy: [
        {
          name: 'nginx',
          exe: ['/usr/sbin/nginx'],
          euser: ['root'],
          id: 'nginx_0',
          children: [{ name: 'nginx', exe: ['/usr/sbin/nginx'], euser: ['www-data'], id: 'nginx_1', children: [SH] }],
        },
      ],
      networkPolicy: {
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.7/32' } }, { ipBlock: { cidr: '10.9.9.9/32' } }], ports: [{ port: 443, protocol: 'TCP' }], processes: ['nginx_1'] }],
        egress: [{ to: [{ dnsSelector: ['api.example.com'] }], ports: [{ port: 443, protocol: 'TCP' }], processes: ['curl_0'] }],
      },
    },
  } as unknown as SpyderbatFingerprint;
}

/** A fingerprint the nginx policy allows entirely. */
export function quietFingerprint(name = 'web-2', muid = 'mach-2'): SpyderbatFingerprint {
  const fp = deviatingFingerprint(name, muid);
  const spec = fp.spec as unknown as { processPolicy: ProcessNode[]; networkPolicy: { ingress: unknown[]; egress: unknown[] } };
  spec.processPolicy = nginxPolicy().spec.processPolicy;
  spec.networkPolicy = { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.7/32' } }], ports: [{ port: 443, protocol: 'TCP' }], processes: ['nginx_1'] }], egress: [] };
  return fp;
}

/** A recorded deviation of the applied nginx policy: `sh` under nginx_1 on web-1's machine, with its egress. */
export function shRecord(policyUid = 'pol:nginx', time = 1_700_000_100, id = 'dev-1'): DeviationRecord {
  return {
    id,
    time,
    checksum: 'c0ffee00c0ffee00',
    description: 'Process "sh" (/bin/sh) under "nginx" deviated from policy "nginx-policy".',
    policyUid,
    policyName: 'nginx-policy',
    policyMode: 'audit',
    clusterName: 'prod',
    namespace: 'shop',
    muid: 'mach-1',
    deviation: {
      apiVersion: 'spyderbat/v1',
      kind: 'GuardianDeviation',
      metadata: { type: 'container', policy_uid: policyUid, checksum: 'c0ffee00c0ffee00' },
      spec: {
        processPolicy: [{ policyNode: { id: 'nginx_1', children: [{ name: 'sh', exe: ['/bin/sh'], id: 'sh_0' }] } }],
        networkPolicy: { egress: [{ to: [{ ipBlock: { cidr: '203.0.113.5/32' } }], ports: [{ port: 8080, protocol: 'TCP' }], processes: ['sh_0'] }] },
      },
    },
  };
}
