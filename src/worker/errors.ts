/** Errors a client call can reject with. */

/**
 * A newer call with the same key replaced this one. Named `AbortError` like an
 * aborted `fetch`, so "ignore aborts" handlers also ignore supersession.
 */
export class SupersededError extends Error {
  override readonly name = 'AbortError';
  readonly superseded = true;
  constructor(readonly key: string) {
    super(`superseded by a newer '${key}' call`);
  }
}

/** The caller's AbortSignal fired. */
export class CallAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(readonly kind: string) {
    super(`'${kind}' call aborted`);
  }
}

/** The engine worker died while the call was running (the client switched to the inline engine). */
export class EngineCrashedError extends Error {
  override readonly name = 'EngineCrashedError';
  constructor(reason: string) {
    super(`engine worker failed: ${reason}`);
  }
}

/** True for supersession and aborts: the caller asked for this, nothing to report. */
export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
