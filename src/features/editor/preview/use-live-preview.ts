/**
 * The live preview of a draft: debounced, cancellable runs in the engine
 * worker against a loaded data set revision. A newer draft supersedes the run
 * in flight (the worker stops it at its next checkpoint). Results land in a
 * transition, so rendering them never blocks typing. A draft whose YAML does
 * not parse pauses the preview: the last good result stays on screen.
 */
import { startTransition, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { PreviewOptions, PreviewResult } from '../../../engine/preview/types.ts';
import { isAbortError, type Progress } from '../../../worker/index.ts';
import { getEngineClient, isUnknownRevision } from '../../../components/engine/use-engine.ts';
import { firstSyntaxError } from './draft-status.ts';

export const PREVIEW_DEBOUNCE_MS = 150;

export const PREVIEW_OPTIONS: PreviewOptions = { sampleSize: 20, maxGroups: 300, maxSamples: 5 };

export interface LivePreviewState {
  /** The last result of a draft that parsed. */
  result: PreviewResult | null;
  /** The draft text `result` is for. */
  resultFor: string | null;
  /** The draft text of the last completed run (parsed or not). */
  doneFor: string | null;
  /** Set while the current draft's YAML does not parse. */
  paused: { line: number; message: string } | null;
  error: string | null;
  /** Engine time of the last completed run, ms. */
  lastRunMs: number | null;
}

/** Progress of the run in flight (null when idle), kept outside React state so only the indicator re-renders. */
export class ProgressStore {
  private value: Progress | null = null;
  private readonly listeners = new Set<() => void>();
  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  readonly get = (): Progress | null => this.value;
  set(v: Progress | null): void {
    if (v === this.value) return;
    this.value = v;
    for (const l of this.listeners) l();
  }
}

export function useProgress(store: ProgressStore): Progress | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

const IDLE: LivePreviewState = { result: null, resultFor: null, doneFor: null, paused: null, error: null, lastRunMs: null };
let instances = 0;

export interface LivePreviewOptions {
  debounceMs?: number;
  /** Called when the engine no longer holds the revision. */
  onLostRevision?: () => void;
  preview?: PreviewOptions;
}

export function useLivePreview(draft: string, revision: string | null, opts: LivePreviewOptions = {}): { state: LivePreviewState; progress: ProgressStore } {
  const [state, setState] = useState<LivePreviewState>(IDLE);
  const [progress] = useState(() => new ProgressStore());
  const [key] = useState(() => `editor-preview:${++instances}`);
  const lost = useRef(opts.onLostRevision);
  useEffect(() => {
    lost.current = opts.onLostRevision;
  });
  const debounceMs = opts.debounceMs ?? PREVIEW_DEBOUNCE_MS;
  const previewOpts = opts.preview ?? PREVIEW_OPTIONS;

  useEffect(() => {
    if (revision === null) return undefined;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      const started = performance.now();
      progress.set({ phase: 'starting', done: 0, total: 1 });
      getEngineClient()
        .previewPolicy(draft, { revision, preview: previewOpts, key, signal: ctrl.signal, onProgress: (p) => progress.set(p) })
        .then((result) => {
          const ms = performance.now() - started;
          const syntax = firstSyntaxError(result);
          progress.set(null);
          startTransition(() => {
            setState((s) =>
              syntax !== null
                ? { ...s, doneFor: draft, paused: syntax, error: null, lastRunMs: ms }
                : { result, resultFor: draft, doneFor: draft, paused: null, error: null, lastRunMs: ms },
            );
          });
        })
        .catch((e: unknown) => {
          if (isAbortError(e)) return;
          progress.set(null);
          if (isUnknownRevision(e)) {
            lost.current?.();
            return;
          }
          setState((s) => ({ ...s, doneFor: draft, error: e instanceof Error ? e.message : String(e) }));
        });
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
      progress.set(null);
    };
  }, [draft, revision, debounceMs, previewOpts, key, progress]);

  useEffect(() => () => progress.set(null), [progress]);

  return { state, progress };
}
