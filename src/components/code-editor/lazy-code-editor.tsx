import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './code-editor.tsx';

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
