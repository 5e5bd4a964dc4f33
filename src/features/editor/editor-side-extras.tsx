/** Side-panel tabs beyond the form and the diff (the live preview and the latest-activity diff). */
export const SIDE_EXTRA_TABS = [] as const;

export function EditorSideExtras(_props: { tab: string; draft: string; onMergeIntoDraft: (next: string, note: string) => void }) {
  return null;
}
