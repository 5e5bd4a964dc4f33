/**
 * Generates large, valid SpyderbatPolicy YAML texts (spyctl layout) for
 * performance checks and property tests.
 */

/** A container policy of roughly `lines` lines. */
export function generatePolicyText(lines: number): string {
  const head = [
    'apiVersion: spyderbat/v1',
    'kind: SpyderbatPolicy',
    'metadata:',
    '  name: generated-policy',
    '  type: container',
    '  latestTimestamp: 1670001133',
    'spec:',
    '  containerSelector:',
    '    image: docker.io/library/app:1.*',
    '  podSelector:',
    '    matchLabels:',
    '      app: generated',
    '  mode: audit',
    '  processPolicy:',
  ];
  const out = [...head];
  const procs: string[] = [];
  let i = 0;
  // Each tree: 14 lines process + 14 lines network rule.
  while (out.length + (procs.length + 1) * 14 + 20 < lines) {
    out.push(
      `  - name: server${i}`,
      '    exe:',
      `    - /usr/bin/server${i}`,
      `    id: server${i}_0`,
      '    euser:',
      '    - root',
      '    children:',
      `    - name: worker${i}`,
      '      exe:',
      `      - /usr/bin/worker${i}`,
      `      id: worker${i}_0`,
      '      listeningSockets:',
      '      - protocol: TCP',
      `        port: ${1024 + (i % 60000)}`,
    );
    procs.push(`worker${i}_0`);
    i++;
  }
  out.push('  networkPolicy:', '    ingress:');
  procs.forEach((id, n) => {
    out.push(
      '    - from:',
      '      - ipBlock:',
      `          cidr: 10.${n % 256}.0.0/16`,
      '      - dnsSelector:',
      `        - client${n}.example.com`,
      '      processes:',
      `      - ${id}`,
      '      ports:',
      '      - protocol: TCP',
      `        port: ${1024 + (n % 60000)}`,
      `        endPort: ${1100 + (n % 60000)}`,
      '      - protocol: UDP',
      '        port: 53',
      '    # end of rule',
    );
  });
  out.push(
    '    egress: []',
    '  response:',
    '    default:',
    '    - makeRedFlag:',
    '        severity: high',
    '    actions:',
    '    - agentKillProcess:',
    '        podSelector:',
    '          matchLabels:',
    '            env: dev',
  );
  return `${out.join('\n')}\n`;
}
