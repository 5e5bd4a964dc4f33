// Makes sure a Chromium exists for the e2e suite, provisioning one if needed:
// 1. an existing one (see chromium-path.mjs); 2. Playwright's own download;
// 3. as root with apt: `apt-get install -y chromium fonts-liberation`.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

function run(cmd, args) {
  console.log(`[ensure-chromium] $ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

let found = findChromium();
if (found) {
  console.log(`[ensure-chromium] using ${found}`);
  process.exit(0);
}
console.log('[ensure-chromium] no Chromium found; trying Playwright\'s download…');
run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
found = findChromium();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!found && isRoot && hasApt) {
  console.log('[ensure-chromium] Playwright could not download a browser; installing Debian\'s chromium with apt-get (about 30 s)…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation']);
  found = findChromium();
}
if (!found) {
  console.error(
    '[ensure-chromium] No Chromium available and none could be installed.\n' +
      'Install one, e.g. as root on Debian: apt-get install -y chromium fonts-liberation\n' +
      'or point PLAYWRIGHT_CHROMIUM at a Chromium/Chrome executable.',
  );
  process.exit(1);
}
console.log(`[ensure-chromium] using ${found}`);
