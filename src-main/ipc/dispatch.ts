import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  formatMessage,
  INVOKE_SCHEMAS,
  isInvokeChannel,
  issueMessage,
  msg,
  type FieldIssue,
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
 * values, and at most {@link MAX_REPORTED_ISSUES} of them, clipped, plus a count of the rest. A thrown error that presents itself (`toAppError`) passes through; anything else becomes
 * `INTERNAL` with a reference id, and only the main-side log sees its name and message.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, input, ctx) => {
    if (!isInvokeChannel(channel)) {
      // The name is the caller's text: answering it back would reflect whatever they sent.
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel' } };
    }
    if (!ctx.trusted) {
      log.warn('ipc.untrusted', { channel, sender: ctx.senderId });
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'The caller is not the RecDeck window' } };
    }
    const parsed = INVOKE_SCHEMAS[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const text = msg('error.invalidInput', { channel });
      return { ok: false, error: { code: 'INVALID_INPUT', message: formatMessage('en', text), text, details: reportIssues(parsed.error.issues) } };
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

/** Issues an `INVALID_INPUT` answer lists at most; the rest are only counted. */
export const MAX_REPORTED_ISSUES = 20;
/** Longest path of a reported issue, in characters (its message is a catalogue message). */
export const MAX_ISSUE_TEXT = 200;

/**
 * The first {@link MAX_REPORTED_ISSUES} issues, each clipped, plus how many were left out: one issue per
 * element of a large invalid array would otherwise make the answer many times the size of the request.
 */
function reportIssues(issues: readonly z.core.$ZodIssue[]): { issues: (FieldIssue & { code: string })[]; moreIssues?: number } {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).map((i) => ({
    path: clip(i.path.map(String).join('.')),
    code: i.code,
    severity: 'error' as const,
    message: issueMessage(i),
  }));
  return issues.length > shown.length ? { issues: shown, moreIssues: issues.length - shown.length } : { issues: shown };
}

function clip(text: string): string {
  return text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT - 1)}…` : text;
}

/** Name and message only: never a stack, request config or headers. */
function describeUnknown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
  return typeof e;
}
