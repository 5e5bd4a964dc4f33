/**
 * "Add to policy": merge a deviation into the current draft with the engine
 * (spyctl merge semantics, so it lands at the right place in the tree), print
 * the result with the engine's YAML printer, and hand it to the editor. A merge
 * that widens or drops a selector waits for the user's confirmation.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineInput } from '../../../engine/spyderbat/inputs.ts';
import type { MergeWarning } from '../../../engine/spyderbat/types.ts';
import type { SpyderbatPolicy, WorkloadPolicy } from '../../../engine/model/types.ts';
import { parseYaml } from '../../../engine/yaml/parse.ts';
import { getEngineClient } from '../../../components/engine/use-engine.ts';
import { draftShape, type DraftShape } from './merge-input.ts';

export interface PendingMerge {
  title: string;
  note: string;
  yaml: string;
  warnings: MergeWarning[];
}

export interface AddMessage {
  kind: 'ok' | 'info' | 'error';
  text: string;
}

export interface ParsedDraft {
  policy: WorkloadPolicy;
  shape: DraftShape;
}

/** Warnings that change what the policy covers: the user confirms those. */
export function needsConfirmation(warnings: readonly MergeWarning[]): boolean {
  return warnings.some((w) => w.code === 'selector-widened' || w.code === 'selector-dropped');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The draft as a workload policy, or why it cannot take a merge. Uses the
 * engine's fast YAML reader without validation (a few ms for 3,000 lines): the
 * merge needs the object, and the problems panel already shows schema errors.
 */
export function parseDraftForMerge(text: string): ParsedDraft | { error: string } {
  const docs = parseYaml(text);
  const broken = docs.find((d) => d.hasSyntaxErrors);
  if (broken !== undefined) {
    const first = broken.diagnostics.find((x) => x.severity === 'error');
    return { error: `Fix the YAML first (line ${first?.line ?? broken.startLine}).` };
  }
  const value = docs.map((d) => d.value).find((v) => isRecord(v) && v.kind === 'SpyderbatPolicy' && isRecord(v.metadata) && isRecord(v.spec));
  if (value === undefined) return { error: 'The draft holds no SpyderbatPolicy to add to.' };
  const policy = value as unknown as SpyderbatPolicy;
  if (policy.metadata.type === 'cluster') return { error: 'Cluster policies take rules through their rulesets, not merged activity.' };
  if (policy.metadata.type !== 'container' && policy.metadata.type !== 'linux-service') return { error: 'The draft needs metadata.type container or linux-service.' };
  return { policy: policy as WorkloadPolicy, shape: draftShape(policy) };
}

export function useAddToPolicy(draftYaml: string, onMergeIntoDraft: (nextYaml: string, note: string) => void) {
  const draft = useRef(draftYaml);
  // The editor may pass a new callback on every render: keep `add` stable so memoised results do not re-render.
  const hand = useRef(onMergeIntoDraft);
  useEffect(() => {
    draft.current = draftYaml;
    hand.current = onMergeIntoDraft;
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingMerge | null>(null);
  const [message, setMessage] = useState<AddMessage | null>(null);

  /** The current draft, parsed on demand (only on a click, never per keystroke). */
  const currentDraft = useCallback((): ParsedDraft | { error: string } => parseDraftForMerge(draft.current), []);

  const add = useCallback(
    async (key: string, input: EngineInput, title: string, note: string): Promise<void> => {
      const parsed = parseDraftForMerge(draft.current);
      if ('error' in parsed) {
        setMessage({ kind: 'error', text: parsed.error });
        return;
      }
      setBusy(key);
      setMessage(null);
      try {
        const engine = getEngineClient();
        const r = await engine.mergeIntoPolicy(parsed.policy, [input], { key: null });
        const skipped = r.warnings.filter((w) => w.code === 'skipped-input' || w.code === 'type-mismatch');
        if (!r.changed) {
          const why = skipped[0]?.message;
          setMessage({ kind: 'info', text: why !== undefined ? `Not added: ${why}` : `Nothing to add: the draft already allows ${title}.` });
          return;
        }
        const yaml = await engine.toYaml(r.policy, { key: null });
        if (needsConfirmation(r.warnings)) {
          setPending({ title, note, yaml, warnings: r.warnings });
          return;
        }
        hand.current(yaml, note);
        setMessage({ kind: 'ok', text: `${note}.${r.warnings.length > 0 ? ` ${r.warnings.map((w) => w.message).join(' ')}` : ''}` });
      } catch (e) {
        setMessage({ kind: 'error', text: `Could not add: ${e instanceof Error ? e.message : String(e)}` });
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  const confirm = useCallback(() => {
    if (pending === null) return;
    hand.current(pending.yaml, pending.note);
    setMessage({ kind: 'ok', text: `${pending.note} (selectors changed: ${pending.warnings.length} warning${pending.warnings.length === 1 ? '' : 's'}).` });
    setPending(null);
  }, [pending]);

  const cancel = useCallback(() => {
    setPending(null);
    setMessage({ kind: 'info', text: 'Not added: the draft is unchanged.' });
  }, []);

  return { add, busy, pending, confirm, cancel, message, dismissMessage: () => setMessage(null), currentDraft };
}
