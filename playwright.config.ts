import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';

const executablePath = findChromium() ?? undefined;
// PALISADE_E2E_PORT / PALISADE_E2E_OUT let several runs share a machine without colliding.
const port = Number(process.env.PALISADE_E2E_PORT ?? 4173);
const out = process.env.PALISADE_E2E_OUT ?? 'test-results';

export default defineConfig({
  testDir: './e2e',
  // The scale checks start a 1 GB mock server; they run on request (PALISADE_E2E_SCALE=1), not in npm test.
  testIgnore: process.env.PALISADE_E2E_SCALE ? [] : ['**/scale/**'],
  outputDir: `${out}/e2e`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${out}/playwright.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 860 } } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
