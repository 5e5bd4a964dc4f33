import { useEffect, useRef } from 'react';
import { monaco } from './monaco-setup.ts';

export interface DiffEditorProps {
  original: string;
  modified: string;
  sideBySide: boolean;
  theme: 'light' | 'dark';
  height?: number | string;
  ariaLabel: string;
}

let counter = 0;

/** Read-only Monaco diff (side by side or inline). Import it only through `LazyDiffEditor`. */
export function DiffEditor({ original, modified, sideBySide, theme, height = 480, ariaLabel }: DiffEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const ref = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  useEffect(() => {
    if (!host.current) return undefined;
    const id = ++counter;
    const a = monaco.editor.createModel('', 'yaml', monaco.Uri.parse(`file:///diff-${id}-original.yaml`));
    const b = monaco.editor.createModel('', 'yaml', monaco.Uri.parse(`file:///diff-${id}-modified.yaml`));
    const editor = monaco.editor.createDiffEditor(host.current, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      ariaLabel,
    });
    editor.setModel({ original: a, modified: b });
    ref.current = editor;
    return () => {
      editor.dispose();
      a.dispose();
      b.dispose();
      ref.current = null;
    };
    // Created once; content and options sync below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const m = ref.current?.getModel();
    if (!m) return;
    if (m.original.getValue() !== original) m.original.setValue(original);
    if (m.modified.getValue() !== modified) m.modified.setValue(modified);
  }, [original, modified]);
  useEffect(() => {
    ref.current?.updateOptions({ renderSideBySide: sideBySide });
  }, [sideBySide]);
  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);
  return <div ref={host} className="code-editor" style={{ height }} data-testid="diff-editor" />;
}
