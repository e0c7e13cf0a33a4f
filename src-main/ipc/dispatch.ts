import { randomUUID } from 'node:crypto';
import {
  formatMessage,
  INVOKE_SCHEMAS,
  isInvokeChannel,
  issueMessage,
  msg,
  type HostKind,
  type InputOf,
  type InvokeChannel,
  type OutputOf,
  type Result,
} from '@contract';
import type { Logger } from '../logging/logger';
import { AppFailure } from '../errors/app-failure';

/** What the transport knows about the caller. */
export interface CallContext {
  host: HostKind;
  /** The transport's verdict: known webContents + app origin + main frame, or valid token + Origin. */
  trusted: boolean;
  /** Transport-specific caller id for logs (webContents id, `web`). */
  senderId: string;
}

/** One handler per channel; a missing one is a type error. */
export type Handlers = {
  [C in InvokeChannel]: (input: InputOf<C>, ctx: CallContext) => Promise<OutputOf<C>> | OutputOf<C>;
};

/** The one entry point every transport calls. Never rejects. */
export type Dispatch = (channel: string, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * Builds the single wrapper around every incoming call:
 * allowlist → trust check → zod parse → handler → `Result`.
 *
 * Invalid input answers `INVALID_INPUT` with issue paths and messages only, never the submitted
 * values. A thrown error that presents itself (`toAppError`) passes through; anything else becomes
 * `INTERNAL` with a reference id, and only the main-side log sees its name and message.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, input, ctx) => {
    if (!isInvokeChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel.slice(0, 64)}"` } };
    }
    if (!ctx.trusted) {
      log.warn('ipc.untrusted', { channel, sender: ctx.senderId });
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'The caller is not the RecDeck window' } };
    }
    const parsed = INVOKE_SCHEMAS[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, severity: 'error', message: issueMessage(i) }));
      const text = msg('error.invalidInput', { channel });
      return { ok: false, error: { code: 'INVALID_INPUT', message: formatMessage('en', text), text, details: { issues } } };
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppFailure) return { ok: false, error: e.toAppError() };
      const ref = randomUUID().slice(0, 8);
      log.error('ipc.internal', { channel, ref, error: describeUnknown(e) });
      const text = msg('error.internal', { ref });
      return { ok: false, error: { code: 'INTERNAL', message: formatMessage('en', text), text } };
    }
  };
}

/** Name and message only: never a stack, request config or headers. */
function describeUnknown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
  return typeof e;
}
