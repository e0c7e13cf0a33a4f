import type { AppError, ErrorCode, LocalizedText } from '@contract';

/**
 * The one failure type of the core: what a handler, a service or a vendor client throws on purpose.
 * It carries only plain, secret-free data (never an axios config, headers or a signed URL), so
 * `dispatch` passes it across the boundary as it is.
 *
 * The message is either plain English (a handler's own words) or both languages (vendor and transport
 * verdicts, which the renderer shows as they are). A bilingual failure always says whether a retry may
 * help and carries its languages in `details.messages`; a plain one says only what the thrower said.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  /** Both languages, when the thrower wrote them. */
  readonly messages: LocalizedText | null;
  readonly retryable: boolean | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string | LocalizedText, options: { retryable?: boolean; details?: Record<string, unknown> } = {}) {
    const messages = typeof message === 'string' ? null : message;
    super(messages ? messages.en : (message as string));
    this.name = 'AppFailure';
    this.code = code;
    this.messages = messages;
    this.retryable = options.retryable ?? (messages ? false : undefined);
    this.details = options.details ?? {};
  }

  /** The contract's wire shape. */
  toAppError(): AppError {
    const details = this.messages ? { ...this.details, messages: this.messages } : this.details;
    return {
      code: this.code,
      message: this.message,
      ...(this.retryable === undefined ? {} : { retryable: this.retryable }),
      ...(Object.keys(details).length === 0 ? {} : { details }),
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
