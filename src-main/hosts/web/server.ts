import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import type { Core } from '../../app/core';
import type { Logger } from '../../logging/logger';
import { readBody } from '../../loopback/body';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../renderer-files';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A running browser host. */
export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the contract on 127.0.0.1 only: `POST /api/invoke/<channel>` and the
 * `GET /api/events` Server-Sent Events stream, both behind a random per-launch bearer token and
 * Host / Origin checks (DNS rebinding and cross-site requests are refused).
 */
export async function startWebHost(options: { core: Core; staticDir: string; port?: number; log: Logger }): Promise<WebHost> {
  const { core, staticDir, log } = options;
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  function authorized(req: IncomingMessage): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log.error('web.request', { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) return sendText(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, url.pathname);

    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) return sendText(res, 403, 'Forbidden origin');
    if (!authorized(req)) return sendJson(res, 401, { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'Missing or wrong token' } });

    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(req, res);
    const match = /^\/api\/invoke\/([^/]+)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'No such endpoint' } });

    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body over 1 MiB' } });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is not JSON' } });
    }
    const channel = decodeURIComponent(match[1] ?? '');
    const result = await core.dispatch(channel, input, { host: 'web', trusted: true, senderId: 'web' });
    sendJson(res, 200, result);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      sseClients.delete(res);
    });
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(staticDir, relative));
    if (!file.startsWith(normalize(staticDir) + sep)) return sendText(res, 404, 'Not found');
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return sendText(res, 404, 'Not found');
      size = st.size;
    } catch {
      return sendText(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-length': size,
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const unsubscribe = core.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
