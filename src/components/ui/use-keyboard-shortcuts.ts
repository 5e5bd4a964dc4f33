import { useEffect, useRef } from 'react';

/** True when a key press belongs to a text field (or other editable element), not to a page shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[contenteditable=""], [contenteditable="true"], .monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** Focuses (and selects) the page's search field: the first visible `[data-search]` outside open dialogs' backdrops. */
export function focusSearch(root: ParentNode = document): boolean {
  const dialog = document.querySelector('dialog[open]');
  const scope: ParentNode = dialog ?? root;
  const fields = Array.from(scope.querySelectorAll<HTMLInputElement>('[data-search]'));
  const field = fields.find((f) => f.offsetParent !== null || f.getClientRects().length > 0) ?? fields[0];
  if (!field) return false;
  field.focus();
  field.select();
  return true;
}

export type ShortcutMap = Readonly<Record<string, (event: KeyboardEvent) => void>>;

/**
 * Page-level single-key shortcuts (`/`, `?`, …). Ignored while the user types in a
 * field or holds Ctrl / Meta / Alt, so they never steal text input.
 */
export function useKeyboardShortcuts(shortcuts: ShortcutMap): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  }, [shortcuts]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTypingTarget(e.target)) return;
      const handler = ref.current[e.key];
      if (!handler) return;
      e.preventDefault();
      handler(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

const SLASH: ShortcutMap = { '/': () => void focusSearch() };

/** `/` focuses the page's search field (mark it with `data-search`). */
export function useSlashToSearch(): void {
  useKeyboardShortcuts(SLASH);
}
