/**
 * The mock backend over real HTTP (node:http): the same request handlers, plus CORS,
 * request logging (never headers, so never the key) and a few control endpoints for
 * tests under /__palisade/. A simulated network outage drops the connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import type { FaultSettings } from '../../api/demo-backend.ts';
import type { MockBackend } from '../backend/mock-backend.ts';
import { createHandlers } from '../handlers/create-handlers.ts';

export interface MockServerOptions {
  backend: MockBackend;
  port?: number;
  host?: string;
  /** Request log sink (default: none). */
  log?: (line: string) => void;
}

export interface RunningMockServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function cors(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, accept',
    'access-control-expose-headers': 'x-context-uid, x-palisade-truncated, retry-after',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function control(b: MockBackend, req: IncomingMessage, res: ServerResponse, path: string, headers: Record<string, string>): Promise<boolean> {
  if (path === '/__palisade/health') {
    sendJson(res, 200, { ok: true, seed: b.meta.seed, scale: b.meta.scale }, headers);
    return true;
  }
  if (!path.startsWith('/__palisade/')) return false;
  const denied = b.authorize(req.headers.authorization ?? null, true);
  if (denied && !(path === '/__palisade/faults' && b.faults.expiredKey)) {
    sendJson(res, denied.status, denied.json, headers);
    return true;
  }
  if (path === '/__palisade/faults') {
    if (req.method === 'PUT' || req.method === 'POST') b.setFaults(JSON.parse((await readBody(req)).toString('utf8') || '{}') as Partial<FaultSettings>);
    sendJson(res, 200, b.faults, headers);
    return true;
  }
  if (path === '/__palisade/reset' && req.method === 'POST') {
    await b.reset();
    sendJson(res, 200, { ok: true }, headers);
    return true;
  }
  sendJson(res, 404, { msg: `No control route ${path}` }, headers);
  return true;
}

export function startMockServer(options: MockServerOptions): Promise<RunningMockServer> {
  const { backend } = options;
  const handlers: RequestHandler[] = createHandlers(backend);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const started = Date.now();
    const headers = cors(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const done = (status: number, requestId?: string): void =>
      options.log?.(`${new Date().toISOString()} ${req.method ?? '?'} ${req.url ?? '/'} ${status} ${Date.now() - started}ms${requestId ? ` ${requestId}` : ''}`);
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, headers);
        res.end();
        done(204);
        return;
      }
      if (await control(backend, req, res, path, headers)) {
        done(res.statusCode);
        return;
      }
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const request = new Request(`http://${req.headers.host ?? host}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
        ...(body && body.length > 0 ? { body } : {}),
        signal: abort.signal,
      });
      const response = await getResponse(handlers, request);
      if (!response) {
        sendJson(res, 404, { msg: `No route for ${req.method ?? '?'} ${path}` }, headers);
        done(404);
        return;
      }
      if (response.type === 'error') {
        done(0);
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = { ...headers };
      response.headers.forEach((v, k) => (out[k] = v));
      const text = Buffer.from(await response.arrayBuffer());
      if (res.destroyed) return;
      res.writeHead(response.status, out);
      res.end(text);
      done(response.status, response.headers.get('x-context-uid') ?? undefined);
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { msg: `Mock server error: ${e instanceof Error ? e.message : String(e)}` }, headers);
      else res.end();
      done(500);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
