import { useId, useState, type FormEvent } from 'react';
import { forgetApiKey, isApiKeyRemembered, maskApiKey, readApiKey, saveApiKey } from '../../api/api-key-store.ts';
import { useDataSource } from '../../api/data-source-context.ts';
import { normalizeBaseUrl } from '../../api/data-source.ts';
import { useConnectionTest } from './use-connection-test.ts';

/** Base URL, API key, "Test connection", org picker, "Connect", "Forget key". */
export function ApiForm() {
  const ds = useDataSource();
  const id = useId();
  const current = ds.source.kind === 'api' ? ds.source : null;
  const [baseUrl, setBaseUrl] = useState(current?.baseUrl ?? '');
  const [key, setKey] = useState('');
  const [storedKey, setStoredKey] = useState(readApiKey);
  const [remember, setRemember] = useState(isApiKeyRemembered);
  const [org, setOrg] = useState(current?.org ?? '');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { test, run, reset } = useConnectionTest();

  const effectiveKey = key.trim() || storedKey || '';

  // The picked org, or the first one the server lists.
  const selectedOrg = test.state === 'ok' ? (test.orgs.some((o) => o.uid === org) ? org : (test.orgs[0]?.uid ?? '')) : org;

  const onTest = (e: FormEvent): void => {
    e.preventDefault();
    setNotice(null);
    const url = normalizeBaseUrl(baseUrl);
    if (!url.ok) {
      setUrlError(url.error);
      return;
    }
    setUrlError(null);
    if (!effectiveKey) {
      setUrlError('Enter an API key');
      return;
    }
    void run(url.value, effectiveKey);
  };

  const onConnect = (): void => {
    if (test.state !== 'ok' || !selectedOrg) return;
    if (key.trim()) saveApiKey(key.trim(), remember);
    else if (storedKey) saveApiKey(storedKey, remember);
    setStoredKey(readApiKey());
    setKey('');
    ds.connect({ kind: 'api', baseUrl: test.baseUrl, org: selectedOrg });
    ds.keyChanged();
    const name = test.orgs.find((o) => o.uid === selectedOrg)?.name ?? selectedOrg;
    setNotice(`Connected to ${test.baseUrl}, organization ${name}.`);
  };

  const onForget = (): void => {
    forgetApiKey();
    setStoredKey(null);
    setKey('');
    reset();
    if (ds.source.kind === 'api') ds.keyChanged();
    setNotice('The API key was removed from this browser.');
  };

  return (
    <form className="settings-form" onSubmit={onTest} aria-labelledby={`${id}-legend`} noValidate>
      <p id={`${id}-legend`} className="muted">
        A Spyderbat-v1-shaped API. The key is sent only in the <code>Authorization</code> header.
      </p>
      <div className="field">
        <label htmlFor={`${id}-url`}>Base URL</label>
        <input
          id={`${id}-url`}
          name="baseUrl"
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder="https://api.spyderbat.com"
          value={baseUrl}
          onChange={(e) => {
            setBaseUrl(e.target.value);
            reset();
          }}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? `${id}-url-error` : `${id}-url-help`}
        />
        <span id={`${id}-url-help`} className="help">
          Without <code>/api/v1</code>. With the dev proxy, use <code>/proxy</code>.
        </span>
        {urlError && (
          <span id={`${id}-url-error`} className="field-error">
            {urlError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>API key</label>
        <input
          id={`${id}-key`}
          name="apiKey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={storedKey ? `Stored key ${maskApiKey(storedKey)} (leave blank to keep it)` : 'Paste your API key'}
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            reset();
          }}
        />
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          Remember on this device
        </label>
        <span className="help">{remember ? 'Kept in this browser’s local storage until you forget it.' : 'Kept for this tab only (session storage).'}</span>
      </div>
      <div className="row gap wrap">
        <button type="submit" className="btn" disabled={test.state === 'testing'}>
          {test.state === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onForget} disabled={!storedKey && !key}>
          Forget key
        </button>
      </div>
      <ConnectionResult test={test} />
      {test.state === 'ok' && (
        <div className="row gap wrap align-end">
          <div className="field">
            <label htmlFor={`${id}-org`}>Organization</label>
            <select id={`${id}-org`} value={selectedOrg} onChange={(e) => setOrg(e.target.value)}>
              {test.orgs.map((o) => (
                <option key={o.uid} value={o.uid}>
                  {o.name} ({o.uid})
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="btn btn-primary" onClick={onConnect} disabled={!selectedOrg}>
            Connect
          </button>
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

function ConnectionResult({ test }: { test: ReturnType<typeof useConnectionTest>['test'] }) {
  if (test.state === 'ok') {
    return (
      <p className="result result-ok" role="status" data-testid="connection-result">
        ✓ Connected to {test.baseUrl}: {test.orgs.length} organization{test.orgs.length === 1 ? '' : 's'}.
      </p>
    );
  }
  if (test.state === 'error') {
    return (
      <div className="result result-error" role="alert" data-testid="connection-result">
        <strong>Connection failed:</strong> <span className="mono">{test.message}</span>
        {test.hint && <p className="help">{test.hint}</p>}
      </div>
    );
  }
  return (
    <p className="sr-only" role="status">
      {test.state === 'testing' ? 'Testing the connection…' : ''}
    </p>
  );
}
