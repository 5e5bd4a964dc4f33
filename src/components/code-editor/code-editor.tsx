import { useEffect, useRef } from 'react';
import type { JSONSchema } from 'monaco-yaml';
import { configureYamlSchema, monaco } from './monaco-setup.ts';

export interface EditorMarker {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  /** Model URI path; decides which schema applies (e.g. `policy.yaml`). */
  path: string;
  schema?: JSONSchema;
  markers?: readonly EditorMarker[];
  readOnly?: boolean;
  theme: 'light' | 'dark';
  ariaLabel: string;
  height?: number | string;
  /** Move the cursor here and reveal it; change `nonce` to jump again to the same place. */
  jumpTo?: { line: number; column: number; nonce: number };
  /** Ctrl/Cmd+S inside the editor. */
  onSave?: () => void;
}

const MARKER_OWNER = 'palisade-engine';

/** Monaco YAML editor. Import it only through `LazyCodeEditor`. */
export function CodeEditor({ value, onChange, path, schema, markers, readOnly, theme, ariaLabel, height = 480, jumpTo, onSave }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  const onSaveRef = useRef(onSave);
  /** Texts this editor emitted recently: a `value` prop equal to one of them is an echo, not an external change. */
  const emitted = useRef<string[]>([]);
  useEffect(() => {
    onChangeRef.current = onChange;
    onSaveRef.current = onSave;
  }, [onChange, onSave]);

  useEffect(() => {
    if (!host.current) return undefined;
    configureYamlSchema(schema, [path]);
    const uri = monaco.Uri.parse(`file:///${path}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'yaml', uri);
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      readOnly: readOnly ?? false,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fontSize: 13,
      ariaLabel,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editorRef.current = editor;
    // Lets tests read the whole text (Monaco only renders the visible lines) and replace it
    // the way a paste does (one undoable edit that fires the change handler).
    Object.defineProperty(host.current, 'palisadeValue', {
      configurable: true,
      get: () => model.getValue(),
      set: (text: string) => {
        editor.executeEdits('palisade-paste', [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
        editor.pushUndoStop();
      },
    });
    const sub = editor.onDidChangeModelContent(() => {
      const text = model.getValue();
      emitted.current.push(text);
      if (emitted.current.length > 64) emitted.current.shift();
      onChangeRef.current?.(text);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSaveRef.current?.());
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once per path; value/theme/markers sync below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    // A stale echo of what the user typed (React rendered an older value while they kept typing):
    // applying it would drop keystrokes and move the cursor.
    if (emitted.current.includes(value)) return;
    emitted.current = [];
    editor.executeEdits('palisade-external', [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
    editor.pushUndoStop();
  }, [value]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !jumpTo) return;
    editor.setPosition({ lineNumber: jumpTo.line, column: jumpTo.column });
    editor.revealLineInCenter(jumpTo.line);
    editor.focus();
  }, [jumpTo]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    configureYamlSchema(schema, [path]);
  }, [schema, path]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      (markers ?? []).map((m) => ({
        startLineNumber: Math.max(1, m.line),
        startColumn: Math.max(1, m.column),
        endLineNumber: m.endLine ?? Math.max(1, m.line),
        endColumn: m.endColumn ?? model.getLineMaxColumn(Math.min(model.getLineCount(), Math.max(1, m.line))),
        message: m.message,
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })),
    );
  }, [markers]);

  return <div ref={host} className="code-editor" style={{ height }} data-testid="code-editor" />;
}
