import { zegoMsg, type ErrorCode, type Message } from '@contract';
import { AppFailure } from '../../errors/app-failure';

/** What a ZEGO code means to RecDeck; its text is `vendor.zego.error.<code>` in the catalogues. */
interface ZegoCodeInfo {
  code: ErrorCode;
  retryable: boolean;
}

function info(code: ErrorCode, retryable: boolean): ZegoCodeInfo {
  return { code, retryable };
}

/** The catalogue text of a known ZEGO code. */
export function zegoCodeText(code: number): Message {
  return { key: `vendor.zego.error.${code}` };
}

/** Every ZEGO code of docs/vendors/zego.md §6.1 and §6.2 with its RecDeck meaning. */
export const ZEGO_ERROR_CODES: Readonly<Record<number, ZegoCodeInfo>> = {
  100000000: info('VENDOR_BAD_RESPONSE', false),
  100000001: info('VENDOR_AUTH', false),
  100000002: info('VENDOR_AUTH', false),
  100000003: info('VENDOR_AUTH', false),
  100000004: info('VENDOR_CLOCK_SKEW', true),
  100000005: info('VENDOR_AUTH', false),
  100000006: info('VENDOR_BAD_RESPONSE', false),
  100000007: info('UNSUPPORTED', false),
  100000008: info('VENDOR_AUTH', false),
  100000009: info('VENDOR_AUTH', false),
  100000010: info('VENDOR_AUTH', false),
  100000011: info('VENDOR_SERVICE', true),
  100000012: info('VENDOR_BAD_RESPONSE', true),
  100000013: info('VENDOR_AUTH', false),
  100000014: info('VENDOR_AUTH', false),
  100000015: info('VENDOR_INTERNAL', true),
  100000016: info('VENDOR_SERVICE', false),
  100000017: info('VENDOR_SERVICE', false),
  300000002: info('VENDOR_SERVICE', false),
  300000003: info('VENDOR_RATE_LIMITED', true),
  300000004: info('VENDOR_INVALID_PARAMETER', false),
  300000005: info('VENDOR_SERVICE', false),
  300000006: info('VENDOR_LIMIT', false),
  300001000: info('VENDOR_TASK_NOT_FOUND', false),
  300001001: info('VENDOR_STATE', false),
  300001004: info('VENDOR_STATE', false),
  300010000: info('VENDOR_INTERNAL', true),
};

/**
 * The {@link AppFailure} for a non-zero ZEGO `Code`. ZEGO's own `Message` is kept for parameter
 * errors because it names the wrong parameter; it never holds anything we sent as a secret.
 */
export function zegoError(code: number, vendorMessage: string, requestId: string | null): AppFailure {
  const known = ZEGO_ERROR_CODES[code];
  const details: Record<string, unknown> = { vendorCode: code, vendorMessage: vendorMessage.slice(0, 500), requestId };
  if (!known) {
    return new AppFailure('VENDOR_INTERNAL', zegoMsg('vendor.zego.error.unknown', { code }), { retryable: false, details });
  }
  const text = code === 300000004 && vendorMessage ? zegoMsg('vendor.zego.error.withVendorMessage', { text: zegoCodeText(code), vendorMessage }) : zegoCodeText(code);
  return new AppFailure(known.code, text, { retryable: known.retryable, details });
}
