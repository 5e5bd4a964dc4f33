/**
 * The API key for a real backend. Kept in sessionStorage (gone when the tab closes)
 * unless the user ticks "Remember on this device" (then localStorage). Never put in a
 * URL, a query key or a log line.
 */
const KEY = 'palisade.apiKey';

function store(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
  } catch {
    return null;
  }
}

export function readApiKey(): string | null {
  return store('session')?.getItem(KEY) ?? store('local')?.getItem(KEY) ?? null;
}

export function isApiKeyRemembered(): boolean {
  return !!store('local')?.getItem(KEY);
}

export function saveApiKey(key: string, remember: boolean): void {
  const keep = store(remember ? 'local' : 'session');
  const drop = store(remember ? 'session' : 'local');
  drop?.removeItem(KEY);
  keep?.setItem(KEY, key);
}

export function forgetApiKey(): void {
  store('session')?.removeItem(KEY);
  store('local')?.removeItem(KEY);
}

/** `…wxyz`, for showing which key is set without showing it (nothing at all for short keys). */
export function maskApiKey(key: string): string {
  return key.length < 16 ? '••••' : `…${key.slice(-4)}`;
}
