import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './code-editor.tsx';
import type { DiffEditorProps } from './diff-editor.tsx';

const CodeEditorChunk = lazy(async () => ({ default: (await import('./code-editor.tsx')).CodeEditor }));

/** The Monaco editor, loaded on demand so only editor routes download it. */
export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<div className="code-editor skeleton" style={{ height: props.height ?? 480 }} aria-busy="true" aria-label="Loading editor" />}>
      <CodeEditorChunk {...props} />
    </Suspense>
  );
}

export type { CodeEditorProps, EditorMarker } from './code-editor.tsx';
export type { DiffEditorProps } from './diff-editor.tsx';

const DiffEditorChunk = lazy(async () => ({ default: (await import('./diff-editor.tsx')).DiffEditor }));

/** The Monaco diff editor, loaded on demand. */
export function LazyDiffEditor(props: DiffEditorProps) {
  return (
    <Suspense fallback={<div className="code-editor skeleton" style={{ height: props.height ?? 480 }} aria-busy="true" aria-label="Loading diff" />}>
      <DiffEditorChunk {...props} />
    </Suspense>
  );
}
