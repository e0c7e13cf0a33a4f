import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../app/core';
import type { Logger } from '../../logging/logger';
import { closeIfBodyUnread, readBody } from '../../loopback/body';
import { capConnections, LOOPBACK_LIMITS, serverTimeouts, type ConnectionLimits } from '../../loopback/connections';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveRendererFile } from '../renderer-files';
import { bearerOf, createWebSessions, newToken } from './sessions';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 1024 * 1024;

const NO_SESSION = 'This page has no RecDeck session: open the address RecDeck printed when it started (each address opens one tab), or reload a tab opened that way';
const USED_LINK = 'This RecDeck address was already used or is not from this run: open the address RecDeck printed when it started (each address opens one tab)';

/** A running browser host. */
export interface WebHost {
  url: string;
  port: number;
  /** The API token: a bearer for `/api/*` that no URL carries (scripts, tests). */
  token: string;
  /** A page address with a new one-time launch code, `http://127.0.0.1:PORT/#token=CODE` (see sessions.ts). */
  launchUrl(): string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the contract on 127.0.0.1 only: `POST /api/invoke/<channel>` and the
 * `GET /api/events` Server-Sent Events stream, both behind a bearer (a page's session token or the
 * API token) and Host / Origin checks (DNS rebinding and cross-site requests are refused). A page
 * gets its session token by spending a launch code at `POST /api/session`; a session can ask for
 * another page's link at `POST /api/session/link`. Slow or silent clients time out and connections
 * are capped (see {@link capConnections}); the event stream, long-lived by design, is neither timed
 * out nor pushed out.
 */
export async function startWebHost(options: {
  core: Core;
  staticDir: string;
  port?: number;
  log: Logger;
  /** The API token; a random one, known only to this process, when the launcher chose none. */
  apiToken?: string;
  /** Timeouts and connection cap; {@link LOOPBACK_LIMITS} unless a test shortens them. */
  limits?: Partial<ConnectionLimits>;
}): Promise<WebHost> {
  const { core, staticDir, log } = options;
  const token = options.apiToken ?? newToken();
  const sessions = createWebSessions(token);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  function authorized(req: IncomingMessage): boolean {
    const given = bearerOf(req.headers.authorization);
    return given !== null && sessions.accepts(given);
  }

  function launchUrl(): string {
    return `http://127.0.0.1:${port}/#token=${sessions.newLaunchCode()}`;
  }

  const limits: ConnectionLimits = { ...LOOPBACK_LIMITS, ...options.limits };
  const server: Server = createServer(serverTimeouts(limits), (req, res) => {
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
    if (url.pathname === '/api/session' && req.method === 'POST') return exchangeLaunchCode(req, res);
    if (!authorized(req)) return sendJson(res, 401, { ok: false, error: { code: 'UNTRUSTED_SENDER', message: NO_SESSION } });
    if (url.pathname === '/api/session/link' && req.method === 'POST') return sendJson(res, 200, { ok: true, value: { url: launchUrl() } });

    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(req, res);
    const match = /^\/api\/invoke\/([^/]+)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'No such endpoint' } });

    let channel: string;
    try {
      channel = decodeURIComponent(match[1] ?? '');
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Malformed percent-encoding in the path' } });
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body over 1 MiB' } });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is not JSON' } });
    }
    const result = await core.dispatch(channel, input, { host: 'web', trusted: true, senderId: 'web' });
    sendJson(res, 200, result);
  }

  function exchangeLaunchCode(req: IncomingMessage, res: ServerResponse): void {
    const code = bearerOf(req.headers.authorization);
    const session = code === null ? null : sessions.exchange(code);
    if (session === null) return sendJson(res, 401, { ok: false, error: { code: 'UNTRUSTED_SENDER', message: USED_LINK } });
    log.info('web.session', {});
    sendJson(res, 200, { ok: true, value: { token: session } });
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

  /** Only regular files whose real path lies inside `staticDir`: a symlink there leads nowhere else. */
  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    const found = await resolveRendererFile(staticDir, pathname);
    if ('miss' in found) return found.miss === 'bad-path' ? sendText(res, 400, 'Bad request') : sendText(res, 404, 'Not found');
    const { file } = found;
    const { size } = await stat(file);
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

  capConnections(server, limits.maxConnections);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    launchUrl,
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
  closeIfBodyUnread(res);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  closeIfBodyUnread(res);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
