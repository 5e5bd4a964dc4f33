import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/data-source-context.ts';
import { policyDetailQuery } from '../../api/policies.ts';
import type { EngineDiagnostic, SpyderbatPolicy } from '../../engine/model/types.ts';
import type { MergeWarning } from '../../engine/spyderbat/types.ts';
import { policyJsonSchema } from '../../engine/model/index.ts';
import { parseDocuments, toYaml } from '../../engine/yaml/index.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ErrorState } from '../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../components/ui/skeleton.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { LazyCodeEditor, type EditorMarker } from '../../components/code-editor/lazy-code-editor.tsx';
import { useTheme } from '../../components/theme/use-theme.ts';
import { BuildPanel, type Provenance } from './build-panel.tsx';
import { BLANK_POLICY } from './editor-template.ts';
import { draftAge } from './draft-store.ts';
import { useDraftText } from './use-draft-text.ts';
import { useValidation } from './use-validation.ts';
import { useApply } from './use-apply.ts';
import { useDeviationMerge } from './use-deviation-merge.ts';
import { ProblemsPanel } from './problems-panel.tsx';
import { FormPanel } from './form-panel.tsx';
import { DiffPanel } from './diff-panel.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { rebase } from './three-way.ts';
import { EditorSideExtras, SIDE_EXTRA_TABS } from './editor-side-extras.tsx';

type SideTab = string;

function jsOf(text: string): unknown {
  return parseDocuments(text).documents[0]?.value;
}

export function PolicyEditorPage() {
  const { uid } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApiClient();
  const { theme } = useTheme();
  const fpIds = useMemo(() => (params.get('fingerprints') ?? '').split(',').filter(Boolean), [params]);
  const mergeIds = useMemo(() => (params.get('merge') ?? '').split(',').filter(Boolean), [params]);
  const detail = useQuery({ ...policyDetailQuery(client, uid ?? ''), enabled: uid !== undefined });
  const [built, setBuilt] = useState<{ yaml: string; provenance: Provenance } | null>(null);
  const [base, setBase] = useState<{ text: string; version: number | undefined } | null>(null);

  const applied = detail.data ? toYaml(detail.data) : null;
  const source = uid ? applied : fpIds.length ? (built?.yaml ?? null) : BLANK_POLICY;
  const key = uid ? `policy:${uid}` : fpIds.length ? `new:${[...fpIds].sort().join(',')}` : 'new:blank';
  const draft = useDraftText(source === null ? null : key, source, detail.data?.metadata.version);
  const text = draft.text;
  const baseText = base?.text ?? source ?? '';
  const baseVersion = base?.version ?? draft.offer?.baseVersion ?? detail.data?.metadata.version;
  const { problems } = useValidation(text, 'policy.yaml');
  const [serverProblems, setServerProblems] = useState<EngineDiagnostic[]>([]);
  const allProblems = useMemo(() => [...serverProblems, ...problems], [serverProblems, problems]);
  const markers: EditorMarker[] = useMemo(() => allProblems.filter((p) => p.line > 0).map((p) => ({ line: p.line, column: p.column, ...(p.endLine ? { endLine: p.endLine } : {}), ...(p.endColumn ? { endColumn: p.endColumn } : {}), message: p.message, severity: p.severity })), [allProblems]);
  const [jump, setJump] = useState<{ line: number; column: number; nonce: number } | undefined>();
  const [side, setSide] = useState<SideTab>('form');
  const { apply, applying } = useApply(uid);
  const [conflict, setConflict] = useState<{ theirs: SpyderbatPolicy; version: number | undefined } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mergeHandled, setMergeHandled] = useState(false);
  const merge = useDeviationMerge(uid ? detail.data : undefined, mergeIds, (p) => {
    if (p.warnings.some(widens)) return; // merges that widen a selector wait for the user's confirmation
    draft.setText(p.yaml);
    setSide('diff');
    const notes = p.warnings.map((w) => w.message).join('; ');
    setNotice(`${p.changed ? `Merged ${p.count} deviation(s) into the draft. Review the changes, then apply.` : 'The selected deviations are already allowed by this policy: nothing to merge.'}${notes ? ` Note: ${notes}.` : ''}`);
    setMergeHandled(true);
  });
  const schema = useMemo(() => policyJsonSchema() as Record<string, unknown>, []);

  const dirty = text !== null && source !== null && text !== baseText;
  const leaving = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onApply = async (): Promise<void> => {
    if (text === null) return;
    setServerProblems([]);
    setNotice(null);
    const r = await apply(text, baseVersion);
    if (r.kind === 'saved') {
      await draft.clear();
      leaving.current = true;
      void navigate(`/policies/${encodeURIComponent(r.policy.metadata.uid ?? '')}`);
    } else if (r.kind === 'invalid') {
      setServerProblems(r.problems.filter((p) => p.file === 'server'));
      setNotice(`Not applied: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} to fix first.`);
      const first = r.problems[0];
      if (first) setJump({ line: first.line, column: first.column, nonce: Date.now() });
    } else if (r.kind === 'conflict') {
      if (r.theirs) setConflict({ theirs: r.theirs, version: r.version });
      else setNotice('Someone else changed this policy and it could not be re-read; your draft is kept. Reload to see their version.');
    } else {
      setNotice(`Not applied: ${r.message}. Your draft is kept locally.`);
    }
  };

  const onRebase = (): void => {
    if (!conflict || text === null) return;
    const r = rebase(jsOf(baseText), jsOf(text), conflict.theirs);
    const merged = r.value as SpyderbatPolicy;
    const next = toYaml({ ...merged, metadata: { ...merged.metadata, version: conflict.version } });
    setBase({ text: toYaml(conflict.theirs), version: conflict.version });
    draft.setText(next);
    setConflict(null);
    setSide('diff');
    setNotice(r.conflicts.length ? `Rebased onto v${conflict.version ?? '?'}. You both changed ${r.conflicts.join(', ')}: yours was kept — check it.` : `Rebased onto v${conflict.version ?? '?'}; apply again when ready.`);
  };

  if (uid && detail.isPending) return <SkeletonRows label="Loading policy" />;
  if (uid && detail.isError) return <ErrorState title={`Could not load policy ${uid}`} error={detail.error} onRetry={() => void detail.refetch()} />;
  const title = uid ? `Edit ${detail.data?.metadata.name ?? uid}` : 'New policy';
  const errors = allProblems.filter((p) => p.severity === 'error').length;

  if (!uid && fpIds.length > 0 && !built) {
    return (
      <>
        <PageHeader title={title} description="Palisade builds the policy from the fingerprints exactly as spyctl create policy would; you then review and edit it." />
        <BuildPanel ids={fpIds} onBuilt={(yaml, provenance) => setBuilt({ yaml, provenance })} />
      </>
    );
  }

  return (
    <>
      <p className="crumbs">
        <Link to="/policies">Policies</Link> /{uid && detail.data && <Link to={`/policies/${encodeURIComponent(uid)}`}> {detail.data.metadata.name}</Link>}
      </p>
      <PageHeader
        title={title}
        description={uid ? `Editing version ${baseVersion ?? '?'}; applying saves a new version.` : 'Write the policy in YAML or with the form; apply creates it.'}
        actions={
          <>
            <button type="button" className="btn" disabled={text === null} onClick={() => text !== null && draft.setText(formatYaml(text))}>
              Format
            </button>
            <button type="button" className="btn btn-primary" disabled={applying || text === null || errors > 0} onClick={() => void onApply()} title={errors ? 'Fix the problems first' : 'Ctrl/Cmd+S'}>
              {applying ? 'Applying…' : uid ? 'Apply changes' : 'Apply (create)'}
            </button>
          </>
        }
      />
      {draft.offer && (
        <div className="banner" role="status" data-testid="draft-offer">
          <span>Draft from {draftAge(draft.offer.savedAt)} — unsaved changes from an earlier session.</span>
          <button type="button" className="btn btn-primary" onClick={draft.restore}>
            Restore
          </button>
          <button type="button" className="btn" onClick={draft.discard}>
            Discard
          </button>
        </div>
      )}
      {!draft.persistent && <p className="muted">This browser keeps no local storage: drafts last only while this page is open.</p>}
      {notice && (
        <div className="banner" role="status" data-testid="editor-notice">
          {notice}
        </div>
      )}
      {merge.error && <div className="alert-banner" role="alert">Could not merge deviations: {merge.error}</div>}
      {merge.proposal && !mergeHandled && merge.proposal.warnings.some(widens) && (
        <div className="alert-banner" role="alert" data-testid="merge-warnings">
          <strong>This merge would widen the policy:</strong>
          <ul>
            {merge.proposal.warnings.filter(widens).map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-danger" onClick={() => { draft.setText(merge.proposal?.yaml ?? text ?? ''); setMergeHandled(true); setSide('diff'); }}>
            Merge anyway
          </button>{' '}
          <button type="button" className="btn" onClick={() => setMergeHandled(true)}>
            Don’t merge
          </button>
        </div>
      )}
      {built && (
        <details className="panel provenance" data-testid="provenance" open>
          <summary>
            Built from {built.provenance.fingerprints.length} fingerprint{built.provenance.fingerprints.length === 1 ? '' : 's'}
            {built.provenance.wildcards.length > 0 && `; ${built.provenance.wildcards.length} wildcard${built.provenance.wildcards.length === 1 ? '' : 's'} generated`}
          </summary>
          <ul className="result-list">
            {built.provenance.wildcards.map((w) => (
              <li key={w.path}>
                <code>{w.path}</code> generalised to <code>{w.value}</code> from {w.from.length} values ({w.from.slice(0, 4).join(', ')}
                {w.from.length > 4 ? ', …' : ''})
              </li>
            ))}
            {built.provenance.warnings.map((w, i) => (
              <li key={i} className="result-failed">{w.message}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="editor-layout">
        <div>
          {text === null ? (
            <SkeletonRows label="Preparing the editor" />
          ) : (
            <LazyCodeEditor
              value={text}
              onChange={(v) => {
                setServerProblems([]);
                draft.setText(v);
              }}
              path={`${key.replace(/[^A-Za-z0-9]/g, '-')}.yaml`}
              schema={schema}
              markers={markers}
              theme={theme}
              ariaLabel="Policy YAML"
              height={560}
              jumpTo={jump}
              onSave={() => void onApply()}
            />
          )}
          <ProblemsPanel problems={allProblems} onJump={(d) => setJump({ line: d.line, column: d.column, nonce: Date.now() })} />
        </div>
        <div className="editor-side">
          <Tabs
            tabs={[{ key: 'form', label: 'Form' }, { key: 'diff', label: 'Diff' }, ...SIDE_EXTRA_TABS]}
            active={side}
            onChange={setSide}
          >
            {side === 'form' && text !== null && <FormPanel text={text} onChange={draft.setText} />}
            {side === 'diff' && text !== null && <DiffPanel original={baseText} draft={text} originalLabel={uid ? `applied v${baseVersion ?? '?'}` : built ? 'the fingerprints-created original' : 'the template'} theme={theme} />}
            {text !== null && <EditorSideExtras tab={side} draft={text} onMergeIntoDraft={(next, note) => { draft.setText(next); setNotice(note); }} />}
          </Tabs>
        </div>
      </div>
      {conflict && text !== null && <ConflictDialog base={baseText} theirs={toYaml(conflict.theirs)} mine={text} theirVersion={conflict.version} onRebase={onRebase} onClose={() => setConflict(null)} />}
      {blocker.state === 'blocked' && (
        <Dialog
          open
          title="Leave with unsaved changes?"
          onClose={() => blocker.reset()}
          footer={
            <>
              <button type="button" className="btn" onClick={() => blocker.reset()}>
                Stay
              </button>
              <button type="button" className="btn btn-danger" onClick={() => blocker.proceed()}>
                Leave
              </button>
            </>
          }
        >
          <p>Your draft is kept on this device and offered again when you come back, but it is not applied.</p>
        </Dialog>
      )}
    </>
  );
}

/** Warnings that mean the merged policy covers more workloads than before. */
function widens(w: MergeWarning): boolean {
  return w.code === 'selector-dropped' || w.code === 'selector-widened';
}

function formatYaml(text: string): string {
  const obj = parseDocuments(text).documents[0]?.value;
  return obj === undefined || obj === null ? text : toYaml(obj);
}
