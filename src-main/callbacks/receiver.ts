import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { z } from 'zod';
import { formatMessage, msg, VENDOR_IDS, type CallbackStatusSchema, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import { closeIfBodyUnread, readBody } from '../loopback/body';
import { isBrowserRequest } from '../loopback/browser';
import { capConnections, LOOPBACK_LIMITS, serverTimeouts } from '../loopback/connections';
import type { CallbackParser, CallbackSink, RejectReason } from '../vendors/callbacks';
import { adapterOf } from '../vendors/registry';
import { RefusalBudget } from './refusal-budget';

/** Output of `callbacks:status`. */
export type CallbackStatus = z.infer<typeof CallbackStatusSchema>;

/** An account as the receiver needs it: whose it is and its non-secret fields (no keychain read). */
export interface CallbackAccount {
  vendor: VendorId;
  fields: Record<string, unknown>;
}

/**
 * Signatures already taken, for vendors whose signature does not cover the body: one may come again
 * only with the same body. `claim` answers `new` the first time, `same` for the same body again (a
 * retry) and `other` for another body under it (a forgery).
 */
export interface CallbackReplays {
  claim(accountId: string, token: string, bodyHash: string, expiresAt: number, now: number): 'new' | 'same' | 'other';
}

export interface CallbackReceiverDeps {
  /** The stored account, or null when there is none with that id. */
  account(id: string): CallbackAccount | null;
  /** The account's verification key, or null while unset; cached, so a callback reads no keychain. */
  key(accountId: string, field: string): Promise<string | null>;
  replays: CallbackReplays;
  sink: CallbackSink;
  log: Logger;
  /** Clock for replay windows (the Sandbox's virtual clock in tests). */
  now?: () => number;
  /** Clock of the refusal budget; wall time by default. */
  wallNow?: () => number;
  /** Largest accepted body; 256 KiB by default. */
  bodyLimitBytes?: number;
  /** Refusals a source may cause before it is answered 429 unread: 30 at once, 1 a second after. */
  refusals?: { burst: number; perSecond: number };
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

type Reason = RejectReason | 'method' | 'path' | 'browser-originated' | 'media-type' | 'too-large' | 'rate-limited';

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: Reason,
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

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The media type of a Content-Type header, lower-cased and without parameters; null when absent. */
function mediaType(header: string | undefined): string | null {
  return header === undefined ? null : (header.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Who sent a request: the receiver listens on loopback only, so a vendor reaches it through the
 * operator's tunnel, whose own hop is the last `X-Forwarded-For` entry; without one, the peer address.
 */
function sourceOf(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : undefined;
  return last || (req.socket.remoteAddress ?? 'unknown');
}

/**
 * The callback receiver: one HTTP server on 127.0.0.1 with a path per vendor and account, which
 * tells it whose key verifies the body. The cheap checks come first (path, method, browser, media
 * type, account, size, the body's time window and task), so a forged flood reads no key and calls
 * no vendor; the key comes from a cache. Verified callbacks are deduplicated and handed to the sink;
 * refused ones are counted and logged by reason only, never with their body, and a source that keeps
 * being refused is answered 429 without being read.
 */
export function createCallbackReceiver(deps: CallbackReceiverDeps): CallbackReceiver {
  const now = deps.now ?? Date.now;
  const limit = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const budget = new RefusalBudget({ ...(deps.refusals ?? { burst: 30, perSecond: 1 }), now: deps.wallNow ?? Date.now });
  const counts = { received: 0, rejected: 0, duplicates: 0 };
  /** `vendor account task dedupeKey` of every callback handed to the sink. */
  const seen = new Map<string, true>();
  let server: Server | null = null;
  let baseUrl: string | null = null;
  const sockets = new Set<Socket>();

  /** The account the path names and this vendor's parser, or a refusal. */
  function target(req: IncomingMessage): { vendor: VendorId; accountId: string; account: CallbackAccount; parser: CallbackParser } {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!match) throw new Refusal(404, 'path');
    const vendor = match[1] as VendorId;
    const accountId = match[2] as string;
    const parser = adapterOf(vendor).callbacks;
    if (req.method !== 'POST') throw new Refusal(405, 'method');
    // Vendors call from their servers; a page in the operator's browser must not reach the receiver.
    if (isBrowserRequest(req.headers)) throw new Refusal(403, 'browser-originated');
    if (mediaType(req.headers['content-type']) !== parser.contentType) throw new Refusal(415, 'media-type');
    const account = deps.account(accountId);
    if (!account || account.vendor !== vendor) throw new Refusal(404, 'unknown-account');
    return { vendor, accountId, account, parser };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!budget.allows(sourceOf(req))) throw new Refusal(429, 'rate-limited');
    const { vendor, accountId, account, parser } = target(req);
    const rawBody = await readBody(req, limit);
    if (rawBody === 'too-large') throw new Refusal(413, 'too-large');
    const envelope = parser.envelope({ rawBody, nowMs: now() });
    if (!envelope.ok) throw new Refusal(envelope.reason === 'malformed' ? 400 : 401, envelope.reason);
    if (envelope.vendorTaskId !== null && !deps.sink.expects(vendor, accountId, envelope.vendorTaskId)) throw new Refusal(404, 'unknown-task');
    const secret = await deps.key(accountId, parser.secretField);
    if (!secret) throw new Refusal(401, 'no-secret');
    const outcome = parser.parse({ rawBody, headers: headersOf(req), secret, appId: parser.appIdOf(account.fields), nowMs: now() });
    if (!outcome.ok) throw new Refusal(outcome.reason === 'malformed' ? 400 : 401, outcome.reason);
    const { delivery, replay } = outcome;
    if (replay) {
      // Hashed: a TIW token holds a Sign, which must not rest in the database.
      const token = createHash('sha256').update(replay.token).digest('hex');
      const bodyHash = createHash('sha256').update(rawBody).digest('hex');
      if (deps.replays.claim(accountId, token, bodyHash, replay.expiresAt, now()) === 'other') throw new Refusal(401, 'replayed');
    }
    counts.received += 1;
    if (delivery === null) {
      deps.log.info('callbacks.ignored', { vendor, accountId });
      return ack(res, parser);
    }
    const key = `${vendor}\n${accountId}\n${delivery.vendorTaskId}\n${delivery.dedupeKey}`;
    let result = 'duplicate';
    if (seen.has(key)) {
      counts.duplicates += 1;
    } else {
      remember(seen, key, true, SEEN_LIMIT);
      try {
        result = await deps.sink.deliver({ ...delivery, accountId });
      } catch (e) {
        // Not kept: forget it so the vendor's retry gets another chance.
        seen.delete(key);
        throw e;
      }
      if (result === 'duplicate') counts.duplicates += 1;
    }
    deps.log.info('callbacks.received', { vendor, accountId, vendorTaskId: delivery.vendorTaskId, summary: formatMessage('en', delivery.message), result });
    ack(res, parser);
  }

  function ack(res: ServerResponse, parser: CallbackParser): void {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(parser.ack);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      closeIfBodyUnread(res);
      if (e instanceof Refusal) {
        counts.rejected += 1;
        if (e.reason !== 'rate-limited') budget.spend(sourceOf(req));
        const vendor = PATH.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)?.[1] ?? null;
        // Fields without the source or the account: a flood repeats one line, which the logger counts.
        deps.log.warn('callbacks.rejected', { vendor, reason: e.reason, status: e.status });
        res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8' });
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
      const s = createServer({ ...serverTimeouts(LOOPBACK_LIMITS) }, onRequest);
      capConnections(s, LOOPBACK_LIMITS.maxConnections);
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
