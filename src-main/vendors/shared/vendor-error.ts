import type { AppError, ErrorCode } from '@contract';

/** A bilingual, operator-facing message. */
export interface Message2 {
  en: string;
  'zh-CN': string;
}

/**
 * The one error type vendor code throws. It carries only plain, secret-free data (never an axios
 * config, headers or a signed URL), so `dispatch` can pass it across the boundary as it is.
 */
export class VendorError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly messages: Message2;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, messages: Message2, options: { retryable?: boolean; details?: Record<string, unknown> } = {}) {
    super(messages.en);
    this.name = 'VendorError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.messages = messages;
    this.details = options.details ?? {};
  }

  /** The {@link AppError} shape; `details.message` carries both languages for the renderer. */
  toAppError(): AppError {
    return {
      code: this.code,
      message: this.messages.en,
      retryable: this.retryable,
      details: { ...this.details, messages: this.messages },
    };
  }
}
