import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { z } from 'zod';
import { formatMessage, msg, VENDOR_IDS, type CallbackStatusSchema, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import { readBody } from '../loopback/body';
import { isBrowserRequest } from '../loopback/browser';
import type { CallbackSink, RejectReason } from '../vendors/callbacks';
import type { AccountCredentials } from '../vendors/credentials';
import { adapterOf } from '../vendors/registry';

/** Output of `callbacks:status`. */
export type CallbackStatus = z.infer<typeof CallbackStatusSchema>;

/** The one accounts method the receiver needs: it reads only the verification secret. */
export interface CallbackAccounts {
  getAccountCredentials(id: string, options: { require?: readonly string[] }): Promise<AccountCredentials>;
}

export interface CallbackReceiverDeps {
  accounts: CallbackAccounts;
  sink: CallbackSink;
  log: Logger;
  /** Clock for replay windows (the Sandbox's virtual clock in tests). */
  now?: () => number;
  /** Largest accepted body; 256 KiB by default. */
  bodyLimitBytes?: number;
}

/** The local callback endpoint. Off until `start`. */
export interface CallbackReceiver {
  /** Listens on 127.0.0.1:`port` (0 = any free port) and answers the base URL; a second call is a no-op. */
  start(port: number): Promise<string>;
  stop(): Promise<void>;
  /** Counters since the receiver was created: every verified callback, refused ones, repeats. */
  status(): CallbackStatus;
  /** `http://127.0.0.1:PORT` while running, else null. */
  url(): string | null;
  /** The loopback URL a vendor account's callbacks go to, or null while the receiver is off. */
  callbackUrlFor(vendor: VendorId, accountId: string): string | null;
}

const DEFAULT_BODY_LIMIT = 256 * 1024;
const SEEN_LIMIT = 10_000;
const PATH = new RegExp(`^/callbacks/(${VENDOR_IDS.join('|')})/([A-Za-z0-9_-]{1,64})/?$`);

/** The path under the receiver for one account, e.g. `/callbacks/zego/<accountId>`, for the operator's tunnel. */
export function callbackPath(vendor: VendorId, accountId: string): string {
  return `/callbacks/${vendor}/${encodeURIComponent(accountId)}`;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: RejectReason | 'method' | 'path' | 'browser-originated' | 'media-type' | 'too-large',
  ) {
    super(reason);
  }
}

/** A Map that forgets its oldest entries beyond `limit`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > limit) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}

/** The media type of a Content-Type header, lower-cased and without parameters; null when absent. */
function mediaType(header: string | undefined): string | null {
  return header === undefined ? null : (header.split(';')[0] ?? '').trim().toLowerCase();
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The callback receiver: one HTTP server on 127.0.0.1 with a path per vendor and account, which
 * tells it whose secret verifies the body. Verified callbacks are normalized, deduplicated and handed
 * to the sink; refused ones are counted and logged by reason only, never with their body.
 */
export function createCallbackReceiver(deps: CallbackReceiverDeps): CallbackReceiver {
  const now = deps.now ?? Date.now;
  const limit = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const counts = { received: 0, rejected: 0, duplicates: 0 };
  /** `vendor account task dedupeKey` of every callback handed to the sink. */
  const seen = new Map<string, true>();
  /** ZEGO timestamp+nonce → body hash: the signature does not cover the body. */
  const tokens = new Map<string, string>();
  let server: Server | null = null;
  let baseUrl: string | null = null;
  const sockets = new Set<Socket>();

  async function secretFor(vendor: VendorId, accountId: string, field: string): Promise<{ secret: string; account: AccountCredentials }> {
    let account: AccountCredentials;
    try {
      // The secret is checked below, once the account is known to be this vendor's.
      account = await deps.accounts.getAccountCredentials(accountId, { require: [] });
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'NOT_FOUND') throw new Refusal(404, 'unknown-account');
      throw e;
    }
    if (account.vendor !== vendor) throw new Refusal(404, 'unknown-account');
    const secret = (account.secrets as Record<string, string | undefined>)[field];
    if (!secret) throw new Refusal(401, 'no-secret');
    return { secret, account };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const match = PATH.exec(path);
    if (!match) throw new Refusal(404, 'path');
    const vendor = match[1] as VendorId;
    const accountId = match[2] as string;
    const parser = adapterOf(vendor).callbacks;
    if (req.method !== 'POST') throw new Refusal(405, 'method');
    // Vendors call from their servers; a page in the operator's browser must not reach the receiver.
    if (isBrowserRequest(req.headers)) throw new Refusal(403, 'browser-originated');
    if (mediaType(req.headers['content-type']) !== parser.contentType) throw new Refusal(415, 'media-type');
    const rawBody = await readBody(req, limit);
    if (rawBody === 'too-large') throw new Refusal(413, 'too-large');
    const { secret, account } = await secretFor(vendor, accountId, parser.secretField);
    const outcome = parser.parse({ rawBody, headers: headersOf(req), secret, appId: parser.appIdOf(account.fields), nowMs: now() });
    if (!outcome.ok) throw new Refusal(outcome.reason === 'malformed' ? 400 : 401, outcome.reason);
    const { delivery } = outcome;
    if (delivery === null) {
      counts.received += 1;
      deps.log.info('callbacks.ignored', { vendor, accountId });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(parser.ack);
      return;
    }
    if (parser.replayToken) {
      const token = `${accountId}\n${parser.replayToken(delivery.raw as Record<string, unknown>)}`;
      const bodyHash = createHash('sha1').update(rawBody).digest('hex');
      const known = tokens.get(token);
      if (known !== undefined && known !== bodyHash) throw new Refusal(401, 'replayed');
      remember(tokens, token, bodyHash, SEEN_LIMIT);
    }
    counts.received += 1;
    const key = `${vendor}\n${accountId}\n${delivery.vendorTaskId}\n${delivery.dedupeKey}`;
    let result: 'merged' | 'duplicate' | 'unknown-task' = 'duplicate';
    if (seen.has(key)) {
      counts.duplicates += 1;
    } else {
      remember(seen, key, true, SEEN_LIMIT);
      try {
        result = await deps.sink.deliver(delivery);
      } catch (e) {
        // Not ours to keep: forget it so the vendor's retry gets another chance.
        seen.delete(key);
        throw e;
      }
      if (result === 'duplicate') counts.duplicates += 1;
    }
    deps.log.info('callbacks.received', { vendor, accountId, vendorTaskId: delivery.vendorTaskId, summary: formatMessage('en', delivery.message), result });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(parser.ack);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (e instanceof Refusal) {
        counts.rejected += 1;
        const vendor = PATH.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)?.[1] ?? null;
        deps.log.warn('callbacks.rejected', { vendor, reason: e.reason, status: e.status });
        res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(JSON.stringify({ error: e.reason }));
        return;
      }
      deps.log.error('callbacks.failed', { error: e instanceof Error ? e.name : 'error' });
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"error":"internal"}');
    });
  }

  return {
    async start(port) {
      if (server && baseUrl) return baseUrl;
      const s = createServer(onRequest);
      s.requestTimeout = 15_000;
      s.headersTimeout = 10_000;
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', (e: NodeJS.ErrnoException) => {
          reject(
            e.code === 'EADDRINUSE'
              ? new AppFailure('CONFLICT', msg('callbacks.portInUse', { port }), { details: { port } })
              : e,
          );
        });
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
      baseUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      deps.log.info('callbacks.started', { url: baseUrl });
      return baseUrl;
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = null;
      baseUrl = null;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
      deps.log.info('callbacks.stopped', {});
    },
    status() {
      return { enabled: server !== null, url: baseUrl, ...counts };
    },
    url: () => baseUrl,
    callbackUrlFor(vendor, accountId) {
      return baseUrl === null ? null : `${baseUrl}${callbackPath(vendor, accountId)}`;
    },
  };
}
