import type { DatabaseSync } from 'node:sqlite';
import type { AccountServices } from '../../../src-main/accounts';
import { createCallbackReceiver, type CallbackReceiver, type CallbackReceiverDeps } from '../../../src-main/callbacks';
import { CallbackReplayStore } from '../../../src-main/store/callback-replays';
import type { CallbackDelivery, CallbackResult, CallbackSink } from '../../../src-main/vendors/callbacks';
import { createConnectionCache } from '../../../src-main/vendors/connections';
import { createClockSkewStore } from '../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import type { TaskHarness } from '../tasks/harness';

/** A sink double that expects every task, records every delivery and answers what `answer` says. */
export function recordingSink(answer: (d: CallbackDelivery) => CallbackResult = () => 'merged') {
  const deliveries: CallbackDelivery[] = [];
  let failNext = 0;
  const sink: CallbackSink = {
    expects: () => true,
    async deliver(d) {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('ledger busy');
      }
      deliveries.push(d);
      return answer(d);
    },
  };
  return {
    sink,
    deliveries,
    /** The next `n` deliveries throw, as a failing ledger would. */
    failNext(n: number) {
      failNext = n;
    },
  };
}

/** The receiver's account, key and replay dependencies over real account services, wired as the core wires them. */
export function receiverDeps(services: AccountServices, db: DatabaseSync): Pick<CallbackReceiverDeps, 'account' | 'key' | 'replays'> {
  const connections = createConnectionCache({
    vendorDeps: { limiter: createRateLimiter(), skew: createClockSkewStore(), timeoutMs: 2000 },
    loadCredentials: (id, require) => services.accounts.getAccountCredentials(id, { require }),
  });
  return {
    account: (id) => services.accounts.records().find((a) => a.id === id) ?? null,
    key: (id, field) => connections.secret(id, field),
    replays: new CallbackReplayStore(db),
  };
}

/**
 * A running receiver wired to a task harness as the core wires it: the stored accounts, keys from the
 * harness's connection cache, its task service as the sink, the Sandbox's clock. Build a new one after
 * `h.relaunch()`.
 */
export async function receiverOn(h: TaskHarness): Promise<CallbackReceiver> {
  const receiver = createCallbackReceiver({
    account: (id) => h.services.accounts.records().find((a) => a.id === id) ?? null,
    key: (id, field) => h.connections.secret(id, field),
    replays: new CallbackReplayStore(h.db),
    sink: h.tasks.callbackSink(),
    log: { info() {}, warn: (event, fields) => h.lines.push(JSON.stringify({ event, fields })), error: (event, fields) => h.lines.push(JSON.stringify({ event, fields })) },
    now: () => h.sandbox.clock.now(),
  });
  await receiver.start(0);
  return receiver;
}

/** POSTs `body` (a string is sent byte for byte) and answers status and text. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** Waits (real time, short) until `check` holds; for callbacks the Sandbox sends without awaiting. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
