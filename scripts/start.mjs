// `npm start`: build the console and serve it on http://127.0.0.1:5173 with the bundled demo data.
import { spawnSync, spawn } from 'node:child_process';

const port = process.env.PORT ?? '5173';
console.log('[start] building Palisade…');
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`[start] Palisade is being served at http://127.0.0.1:${port}/ (demo data; Ctrl+C to stop)`);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
