import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

/**
 * Optional dev proxy for a real Spyderbat-v1 API that does not send CORS headers:
 * `PALISADE_API_PROXY=https://api.example.com npm run dev`, then use the base URL
 * `/proxy` in Settings. The API key still travels only in the Authorization header.
 */
function apiProxy(): Record<string, ProxyOptions> | undefined {
  const target = process.env.PALISADE_API_PROXY;
  if (!target) return undefined;
  return { '/proxy': { target, changeOrigin: true, rewrite: (p) => p.replace(/^\/proxy/, '') } };
}

/** Reports the gzip size of the initial JavaScript (entry + its static imports) after a build. */
function initialBundleReport(): Plugin {
  return {
    name: 'palisade-initial-bundle-report',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const { gzipSync } = await import('node:zlib');
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const visit = (name: string): void => {
        if (seen.has(name)) return;
        seen.add(name);
        const chunk = chunks.find((c) => c.fileName === name);
        chunk?.imports.forEach(visit);
      };
      visit(entry.fileName);
      let total = 0;
      for (const name of seen) {
        const chunk = chunks.find((c) => c.fileName === name);
        if (chunk) total += gzipSync(chunk.code).length;
      }
      const kb = (total / 1024).toFixed(1);
      const line = `initial JS (entry + static imports, ${seen.size} chunks): ${kb} KB gzip (budget 250 KB)`;
      this.info(line);
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: JSON.stringify({ initialGzipBytes: total, chunks: [...seen] }) });
      if (total > 250 * 1024) this.error(`${line}: over budget`);
    },
  };
}

/**
 * Content-Security-Policy for the built app: no inline script, no eval, workers and
 * scripts from our own origin only. Added at build time because Vite's dev server
 * injects an inline React-refresh preamble.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'palisade-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), initialBundleReport()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['yaml', 'monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173, proxy: apiProxy() },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Plugin timing hints are noise for us (Monaco's CSS dominates); keep the build log readable.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
