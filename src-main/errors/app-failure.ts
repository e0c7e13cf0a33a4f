import { formatMessage, type AppError, type ErrorCode, type Message } from '@contract';

/**
 * The one failure type of the core: what a handler, a service or a vendor client throws on purpose.
 * It carries only plain, secret-free data (never an axios config, headers or a signed URL), so
 * `dispatch` passes it across the boundary as it is.
 *
 * The message is either plain English (a handler's own words, for logs and scripts) or a catalogue
 * {@link Message} (what an operator reads), whose English text becomes `message` and which crosses as
 * `text` for the renderer to show in the operator's language. `retryable` is said only where the
 * thrower knows (vendor and transport verdicts).
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  /** What the operator reads, when the thrower wrote it for them. */
  readonly text: Message | null;
  readonly retryable: boolean | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string | Message, options: { retryable?: boolean; details?: Record<string, unknown> } = {}) {
    const text = typeof message === 'string' ? null : message;
    super(text ? formatMessage('en', text) : (message as string));
    this.name = 'AppFailure';
    this.code = code;
    this.text = text;
    this.retryable = options.retryable;
    this.details = options.details ?? {};
  }

  /** The contract's wire shape. */
  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.text ? { text: this.text } : {}),
      ...(this.retryable === undefined ? {} : { retryable: this.retryable }),
      ...(Object.keys(this.details).length === 0 ? {} : { details: this.details }),
    };
  }
}

/**
 * Any thrown value as the contract's {@link AppError}: a failure as it presents itself, anything else
 * as `INTERNAL` with the error's name only (its message may hold what must not be stored or shown).
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return e.toAppError();
  return { code: 'INTERNAL', message: e instanceof Error ? e.name : 'error' };
}
