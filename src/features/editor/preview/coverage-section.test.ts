import { describe, expect, it } from 'vitest';
import type { RuleCoverage } from '../../../engine/preview/types.ts';
import { coverageRows } from './coverage-section.tsx';

describe('coverageRows', () => {
  it('one row per process node and network rule, with dead and too-broad flags attached', () => {
    const c: RuleCoverage = {
      sources: { fingerprintActivities: 5, events: 0 },
      processNodes: [
        { id: 'a_0', name: 'a', path: 'spec.processPolicy[0]', count: 4 },
        { id: 'b_0', name: 'b', path: 'spec.processPolicy[0].children[0]', count: 0 },
      ],
      ingress: [{ index: 0, path: 'spec.networkPolicy.ingress[0]', count: 1 }],
      egress: [{ index: 0, path: 'spec.networkPolicy.egress[0]', count: 0 }],
      dead: { processNodes: ['b_0'], ingress: [], egress: [0] },
      tooBroad: [
        { kind: 'process', path: 'spec.processPolicy[0].exe[0]', id: 'a_0', reason: "exe '/usr/**' is broad" },
        { kind: 'network', path: 'spec.networkPolicy.egress[0].to[0].ipBlock.cidr', direction: 'egress', rule: 0, reason: '0.0.0.0/0 allows any IPv4 address' },
        { kind: 'selector', path: 'spec.containerSelector.image', reason: 'selects every container' },
      ],
    };
    expect(coverageRows(c).map((r) => [r.label, r.count, r.dead, r.broad])).toEqual([
      ['process a (a_0)', 4, false, ["exe '/usr/**' is broad"]],
      ['process b (b_0)', 0, true, []],
      ['ingress rule 1', 1, false, []],
      ['egress rule 1', 0, true, ['0.0.0.0/0 allows any IPv4 address']],
    ]);
  });
});
