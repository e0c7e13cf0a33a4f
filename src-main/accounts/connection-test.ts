import { msg, type AccountTestResult, type ConnectionTestKind, type Message } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { VendorDeps } from '../vendors/adapter';
import { connect } from '../vendors/connections';
import { adapterOf } from '../vendors/registry';
import type { AccountsService } from './accounts-service';

/** What a socket error means, for the operator. */
const CAUSES: Record<string, Message> = {
  ECONNREFUSED: msg('connection.cause.ECONNREFUSED'),
  ENOTFOUND: msg('connection.cause.ENOTFOUND'),
  EAI_AGAIN: msg('connection.cause.EAI_AGAIN'),
  EHOSTUNREACH: msg('connection.cause.EHOSTUNREACH'),
  ENETUNREACH: msg('connection.cause.ENETUNREACH'),
  ECONNRESET: msg('connection.cause.ECONNRESET'),
};

/** Why the request got no usable answer: the HTTP status a server gave, or the socket's error; null for a vendor's own error. */
function causeOf(details: Record<string, unknown>): Message | null {
  if (typeof details['httpStatus'] === 'number') return msg('connection.cause.http', { status: details['httpStatus'] });
  if (typeof details['transportCode'] === 'string') return CAUSES[details['transportCode']] ?? msg('connection.cause.other');
  return null;
}

const BY_CODE: Record<string, ConnectionTestKind> = {
  VENDOR_AUTH: 'bad-credentials',
  VENDOR_CLOCK_SKEW: 'clock-skew',
  VENDOR_UNREACHABLE: 'unreachable',
  VENDOR_TIMEOUT: 'timeout',
  VENDOR_RATE_LIMITED: 'rate-limited',
  VENDOR_SERVICE: 'service',
  SECRET_MISSING: 'secret-missing',
};

/**
 * `accounts:test`: one cheap signed call with the account's stored credentials, classified into a
 * result the operator can act on, naming the host it called and, for a failed transport, the cause.
 * The vendor's own error text follows the verdict; a transport's would only repeat it. Failures are
 * results; only an unknown account is an error.
 */
export async function testAccountConnection(accounts: AccountsService, id: string, deps: VendorDeps, now: () => number = Date.now): Promise<AccountTestResult> {
  const started = now();
  const account = await accounts.get(id);
  const adapter = adapterOf(account.vendor);
  const host = hostOf(account.endpoint ?? adapter.defaultBaseUrl(account as never));
  const result = (kind: ConnectionTestKind, extra: Partial<AccountTestResult> & { detail?: Message | string; cause?: Message | null } = {}): AccountTestResult => {
    const offset = extra.offsetSeconds ?? null;
    const cause = extra.cause ?? msg('connection.cause.other');
    const lead = kind === 'other' && extra.cause ? msg('connection.otherWithCause', { host, cause }) : msg(`connection.${kind}`, { offset: offset ?? '?', host, cause });
    const detail = extra.detail && kind !== 'ok' ? extra.detail : null;
    return {
      kind,
      message: detail === null ? lead : msg('connection.withDetail', { lead, detail }),
      offsetSeconds: offset,
      latencyMs: now() - started,
      requestId: extra.requestId ?? null,
      vendorCode: extra.vendorCode ?? null,
    };
  };
  try {
    const credentials = await accounts.getAccountCredentials(id, { require: adapter.pingSecrets });
    const { requestId } = await connect(credentials, deps).ping({ priority: 'operator' });
    return result('ok', { requestId });
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    const error = e.toAppError();
    const details = error.details ?? {};
    const vendorCode = details.vendorCode === undefined ? null : String(details.vendorCode);
    const kind = (vendorCode && adapter.pingFailureKinds[vendorCode]) || BY_CODE[error.code] || 'other';
    const cause = causeOf(details);
    return result(kind, {
      ...(cause === null ? { detail: error.text ?? error.message } : { cause }),
      offsetSeconds: typeof details.offsetSeconds === 'number' ? details.offsetSeconds : null,
      requestId: typeof details.requestId === 'string' ? details.requestId : null,
      vendorCode,
    });
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
