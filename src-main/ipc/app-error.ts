import type { AppError, ErrorCode } from '@contract';

/**
 * A deliberate, operator-facing failure a handler may throw. `dispatch` passes its code, message,
 * retryable flag and details across the boundary as they are, so they must hold no secret.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.retryable = options.retryable;
    this.details = options.details;
  }

  /** The plain {@link AppError} shape. */
  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.retryable === undefined ? {} : { retryable: this.retryable }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** Anything with a `toAppError()` that yields a plain AppError (AppFailure, VendorError …). */
export interface ConvertibleError {
  toAppError(): AppError;
}

/** True for errors that know how to present themselves safely. */
export function isConvertibleError(e: unknown): e is ConvertibleError {
  return typeof e === 'object' && e !== null && typeof (e as { toAppError?: unknown }).toAppError === 'function';
}
