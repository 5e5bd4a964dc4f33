import { PreviewPanel } from './preview/preview-panel.tsx';
import { LatestActivityDiff } from './preview/latest-activity-diff.tsx';

/** Side-panel tabs beyond the form and the diff: the live preview and the latest-activity diff. */
export const SIDE_EXTRA_TABS = [
  { key: 'preview', label: 'Preview' },
  { key: 'activity', label: 'Latest activity' },
] as const;

export function EditorSideExtras({ tab, draft, onMergeIntoDraft }: { tab: string; draft: string; onMergeIntoDraft: (next: string, note: string) => void }) {
  if (tab === 'preview') return <PreviewPanel draftYaml={draft} onMergeIntoDraft={onMergeIntoDraft} />;
  if (tab === 'activity') return <LatestActivityDiff draftYaml={draft} />;
  return null;
}
