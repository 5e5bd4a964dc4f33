// `npm test`: typecheck → lint → unit tests → build → e2e, in that order, stopping at
// the first failure, then one summary line with the test counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
];

const times = [];
let failed = null;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  times.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  if (r.status !== 0) {
    failed = name;
    break;
  }
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  } catch {
    return null;
  }
}
const vitest = readJson('test-results/vitest.json');
const pw = readJson(`${process.env.PALISADE_E2E_OUT ?? 'test-results'}/playwright.json`);
const unitPassed = vitest?.numPassedTests ?? 0;
const unitFailed = vitest?.numFailedTests ?? 0;
const e2ePassed = (pw?.stats?.expected ?? 0) + (pw?.stats?.flaky ?? 0);
const e2eFailed = pw?.stats?.unexpected ?? 0;
const passed = unitPassed + e2ePassed;
const failedCount = unitFailed + e2eFailed + (failed && unitFailed + e2eFailed === 0 ? 1 : 0);

console.log(`\n[palisade] steps: ${times.join(', ')}${failed ? ` — FAILED at ${failed}` : ''}`);
console.log(`[palisade] unit ${unitPassed} passed / ${unitFailed} failed; e2e ${e2ePassed} passed / ${e2eFailed} failed`);
console.log(`palisade: ${passed} passed, ${failedCount} failed`);
process.exit(failed ? 1 : 0);
