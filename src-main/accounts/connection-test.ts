import { msg, type AccountTestResult, type ConnectionTestKind, type Message } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { VendorDeps } from '../vendors/adapter';
import { connect } from '../vendors/connections';
import { adapterOf } from '../vendors/registry';
import type { AccountsService } from './accounts-service';

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
 * result the operator can act on. Failures are results; only an unknown account is an error.
 */
export async function testAccountConnection(accounts: AccountsService, id: string, deps: VendorDeps, now: () => number = Date.now): Promise<AccountTestResult> {
  const started = now();
  const account = await accounts.get(id);
  const result = (kind: ConnectionTestKind, extra: Partial<AccountTestResult> & { detail?: Message | string } = {}): AccountTestResult => {
    const offset = extra.offsetSeconds ?? null;
    const lead = msg(`connection.${kind}`, { offset: offset ?? '?' });
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
    const credentials = await accounts.getAccountCredentials(id, { require: adapterOf(account.vendor).pingSecrets });
    const { requestId } = await connect(credentials, deps).ping({ priority: 'operator' });
    return result('ok', { requestId });
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    const error = e.toAppError();
    const details = error.details ?? {};
    const vendorCode = details.vendorCode === undefined ? null : String(details.vendorCode);
    const kind = (vendorCode && adapterOf(account.vendor).pingFailureKinds[vendorCode]) || BY_CODE[error.code] || 'other';
    return result(kind, {
      detail: error.text ?? error.message,
      offsetSeconds: typeof details.offsetSeconds === 'number' ? details.offsetSeconds : null,
      requestId: typeof details.requestId === 'string' ? details.requestId : null,
      vendorCode,
    });
  }
}
