/**
 * Constants of the bundled mock backend. Tiny on purpose: the app imports this module
 * eagerly; everything else in src/mocks is loaded lazily, only in demo mode.
 */

/** The key the console uses against the bundled demo backend (and the mock server's default read-write key). */
export const DEMO_API_KEY = 'palisade-demo-key';
/** The mock server's default read-only key (403 on writes). */
export const DEMO_READ_ONLY_KEY = 'palisade-read-only-key';
/** Seed of the demo dataset. */
export const DEMO_SEED = 20_251_125;
/** Base URL of the demo backend in the browser (same origin; never reaches the network). */
export const DEMO_BASE_URL = '/demo-api';
export const DEMO_ORG_UID = 'acme-demo';
export const DEMO_ORG_NAME = 'Acme Corp (demo)';
/** A second, empty org, so the org picker has a choice. */
export const SANDBOX_ORG_UID = 'acme-sandbox';
export const SANDBOX_ORG_NAME = 'Acme Sandbox (empty)';
