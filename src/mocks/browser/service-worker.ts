/**
 * Optional Service Worker transport (msw/browser): demo requests then show in DevTools →
 * Network. Needs a secure context (https or localhost); callers fall back to the
 * in-page transport when it cannot start.
 */
import type { RequestHandler } from 'msw';

export interface StartedWorker {
  stop(): void;
}

export async function startServiceWorker(handlers: readonly RequestHandler[]): Promise<StartedWorker> {
  if (typeof window === 'undefined' || !window.isSecureContext || !('serviceWorker' in navigator)) {
    throw new Error('Service Workers need a secure context (https or localhost)');
  }
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  return { stop: () => worker.stop() };
}
