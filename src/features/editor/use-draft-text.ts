import { useCallback, useEffect, useRef, useState } from 'react';
import { draftStore, type Draft } from './draft-store.ts';

/**
 * The editor's text with local persistence: every change is saved as a draft
 * (debounced); on open, an earlier draft that differs from the source is offered
 * for restore rather than applied silently.
 */
export function useDraftText(key: string | null, source: string | null, baseVersion: number | undefined) {
  const [text, setTextState] = useState<string | null>(null);
  const [offer, setOffer] = useState<Draft | null>(null);
  // A new source (another policy, a fresh build) resets the text during render.
  const [loaded, setLoaded] = useState<{ key: string | null; source: string | null }>({ key: null, source: null });
  if (key !== null && source !== null && (loaded.key !== key || loaded.source !== source)) {
    setLoaded({ key, source });
    setTextState(source);
    setOffer(null);
  }
  const [persistent, setPersistent] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ key: string | null; text: string | null }>({ key: null, text: null });

  useEffect(() => {
    if (key === null || source === null) return undefined;
    let cancelled = false;
    void draftStore().then(async (store) => {
      setPersistent(store.persistent);
      const d = await store.get(key);
      if (!cancelled && d && d.text !== source) setOffer(d);
    });
    return () => {
      cancelled = true;
    };
  }, [key, source]);

  const flush = useCallback(() => {
    const { key: k, text: t } = latest.current;
    if (k === null || t === null) return;
    void draftStore().then((s) => s.put({ key: k, text: t, savedAt: Date.now(), ...(baseVersion !== undefined ? { baseVersion } : {}), ...(source !== null ? { baseText: source } : {}) }));
  }, [baseVersion, source]);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      latest.current = { key, text: next };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, 300);
    },
    [key, flush],
  );

  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        flush();
      }
    },
    [flush],
  );

  const restore = useCallback(() => {
    if (offer) setText(offer.text);
    setOffer(null);
  }, [offer, setText]);

  const discard = useCallback(() => {
    setOffer(null);
    if (key) void draftStore().then((s) => s.remove(key));
  }, [key]);

  const clear = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    latest.current = { key: null, text: null };
    if (key) await (await draftStore()).remove(key);
  }, [key]);

  return { text, setText, offer, restore, discard, clear, persistent };
}
