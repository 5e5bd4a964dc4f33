import { useEffect, useRef, useState } from 'react';

/**
 * A text field whose value lives in the URL. The router applies URL changes
 * asynchronously, so binding the input straight to the URL drops keystrokes; this
 * keeps the typed text locally, commits it after a short pause, and still follows
 * the URL when it changes for another reason (back button, "Clear filters").
 */
export function useUrlDraft(value: string, commit: (next: string) => void, delayMs = 120): [string, (next: string) => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // Values we committed whose echo from the URL has not come back yet.
  const [sent, setSent] = useState<readonly string[]>([]);
  // Bumped when the URL changes elsewhere: a commit scheduled before that is dropped.
  const [epoch, setEpoch] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ value, commit, epoch });
  useEffect(() => {
    latest.current = { value, commit, epoch };
  }, [value, commit, epoch]);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (value !== seen) {
    setSeen(value);
    const i = sent.indexOf(value);
    if (i >= 0) setSent(sent.slice(i + 1));
    else {
      setSent([]);
      setEpoch(epoch + 1);
      setDraft(value);
    }
  }

  const change = (next: string): void => {
    setDraft(next);
    clearTimeout(timer.current);
    const scheduledIn = epoch;
    timer.current = setTimeout(() => {
      if (next === latest.current.value || scheduledIn !== latest.current.epoch) return;
      setSent((s) => [...s, next]);
      latest.current.commit(next);
    }, delayMs);
  };
  return [draft, change];
}
