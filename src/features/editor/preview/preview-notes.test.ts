import { describe, expect, it } from 'vitest';
import { previewPolicy } from '../../../engine/preview/preview.ts';
import { undecidedNotes } from './preview-notes.ts';
import { deviatingFingerprint, nginxYaml } from './test-fixtures.ts';

const result = previewPolicy(nginxYaml(), { fingerprints: [deviatingFingerprint()] });

describe('undecidedNotes', () => {
  it('says what could not be replayed, and what a dead rule means', () => {
    const notes = undecidedNotes({
      result,
      activity: { events: [], records: 10, replayed: 7, skipped: [{ reason: 'its policy is no longer listed', count: 3 }], byWorkload: new Map() },
      activityError: null,
      activityDays: 7,
      compare: null,
    });
    expect(notes).toContain('3 of 10 deviations recorded in the last 7 days could not be replayed: its policy is no longer listed.');
    expect(notes.some((n) => n.startsWith('"Dead" means'))).toBe(result.coverage !== null && result.coverage.dead.processNodes.length + result.coverage.dead.ingress.length + result.coverage.dead.egress.length > 0);
  });

  it('reports missing recorded activity and a missing applied version', () => {
    const notes = undecidedNotes({ result, activity: null, activityError: 'HTTP 500', activityDays: 7, compare: { on: true, applied: false } });
    expect(notes).toContain('Recorded activity could not be loaded (HTTP 500): only fingerprints were replayed.');
    expect(notes.some((n) => n.startsWith('No applied version'))).toBe(true);
  });

  it('flags actions that depend on the deviating process', () => {
    const r = { ...result, actions: result.actions && { ...result.actions, processDependent: ['agentKillProcess', 'agentKillProcess'] } };
    const notes = undecidedNotes({ result: r, activity: null, activityError: null, activityDays: 7, compare: null });
    expect(notes.filter((n) => n.includes('agentKillProcess'))).toEqual([
      "Whether agentKillProcess fires depends on the deviating process (processSelector); the counts above use the workload's actions only.",
    ]);
  });
});
