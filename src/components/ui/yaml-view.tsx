import { useMemo, useState } from 'react';
import { tokenizeYaml } from './yaml-tokens.ts';

/** Read-only, highlighted YAML with line numbers and a copy button; every token renders as text. */
export function YamlView({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const lines = useMemo(() => tokenizeYaml(text), [text]);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = (): void => {
    navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied('done'))
      .catch(() => setCopied('failed'));
  };
  return (
    <div className="yaml-view">
      <div className="toolbar">
        <span className="muted">{lines.length.toLocaleString()} lines</span>
        <button type="button" className="btn" onClick={copy}>
          Copy YAML
        </button>
        <span className="muted" role="status">
          {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text instead' : ''}
        </span>
      </div>
      <pre className="code-block yaml-code" aria-label={label} data-testid={testId} tabIndex={0}>
        <code>
          {lines.map((tokens, i) => (
            <span key={i} className="yl">
              {tokens.map((t, j) => (t.kind === 'text' ? t.text : <span key={j} className={`y-${t.kind}`}>{t.text}</span>))}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
