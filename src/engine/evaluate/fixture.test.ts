import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SpyderbatPolicy } from '../model/types.ts';
import { EventEvaluator } from './evaluator.ts';
import { isEventDiagnostic, parseEventLine } from './parse-event.ts';

const dir = fileURLToPath(new URL('../__fixtures__/evaluate/', import.meta.url));
const read = (name: string): string => readFileSync(dir + name, 'utf8');

/** One compact line of outcome per input line: what the README describes. */
function runFixture(policiesYaml: string, ndjson: string): unknown[] {
  const policies = (parse(policiesYaml) as { items: SpyderbatPolicy[] }).items;
  const ev = new EventEvaluator(policies);
  return ndjson
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const r = parseEventLine(line, i + 1, 'events.ndjson');
      if (isEventDiagnostic(r)) return { line: i + 1, error: `${r.path}: ${r.message.split(':')[0] ?? ''}` };
      const v = ev.evaluate(r);
      return {
        line: i + 1,
        covered: v.covered,
        deviation: v.deviation,
        policies: v.policies.map((p) => ({
          policy: p.name,
          allowed: p.allowed,
          ...(p.deviation !== null ? { deviation: p.deviation, depth: p.deviationDepth } : {}),
          ...(p.skipped !== null ? { skipped: p.skipped } : {}),
          ...(p.processPath !== null ? { processPath: p.processPath.join('/') } : {}),
          ...(p.networkRule !== null ? { rule: `${p.networkRule.direction}[${p.networkRule.ruleIndex}].peer[${p.networkRule.peerIndex}]` } : {}),
          ...(p.actions.length > 0 ? { actions: p.actions.map((a) => `${a.wouldHave ? 'would ' : ''}${a.action} (${a.source}[${a.index}])`) } : {}),
        })),
      };
    });
}

describe('evaluation fixture (policies.yaml × events.ndjson)', () => {
  it('matches expected.json', async () => {
    const got = runFixture(read('policies.yaml'), read('events.ndjson'));
    await expect(`${JSON.stringify(got, null, 2)}\n`).toMatchFileSnapshot('../__fixtures__/evaluate/expected.json');
  });
});
