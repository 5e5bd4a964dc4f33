import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { focusSearch, isTypingTarget } from '../ui/use-keyboard-shortcuts.ts';

/** Two-key "go to" sequences (`g p` policies, `g f` fingerprints, `g c` clusters, `g d` dashboard). */
export const GO_TARGETS: Readonly<Record<string, string>> = { p: '/policies', f: '/fingerprints', c: '/clusters', d: '/' };

/** Global keyboard: `/` focuses the page's search, `g` + letter navigates. Never while typing in a field. */
export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTypingTarget(e.target)) return;
      if (e.key === '/') {
        if (focusSearch()) e.preventDefault();
        return;
      }
      if (e.key === 'g') {
        pendingG = Date.now();
        return;
      }
      const to = GO_TARGETS[e.key];
      if (to && Date.now() - pendingG < 1200) {
        e.preventDefault();
        pendingG = 0;
        void navigate(to);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
}
