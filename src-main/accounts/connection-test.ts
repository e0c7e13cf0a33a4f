import type { AccountTestResult, ConnectionTestKind, LocalizedText } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { VendorDeps } from '../vendors/adapter';
import { connect } from '../vendors/connections';
import { adapterOf } from '../vendors/registry';
import type { AccountsService } from './accounts-service';

const LEAD: Record<ConnectionTestKind, LocalizedText> = {
  ok: { en: 'Connected: the vendor accepted a signed request.', 'zh-CN': '连接成功：厂商接受了签名请求。' },
  'bad-credentials': { en: 'The vendor rejected the credentials or signature.', 'zh-CN': '厂商拒绝了凭证或签名。' },
  'clock-skew': {
    en: 'This computer’s clock is off by {offset} s from the vendor’s; fix the system time (NTP).',
    'zh-CN': '本机时间与厂商服务器相差 {offset} 秒，请校准系统时间（NTP）。',
  },
  unreachable: { en: 'The endpoint could not be reached.', 'zh-CN': '无法连接到接入地址。' },
  timeout: { en: 'The vendor did not answer in time.', 'zh-CN': '厂商在超时时间内没有响应。' },
  'wrong-region': { en: 'Wrong region for this account.', 'zh-CN': '该账号的地域设置不正确。' },
  'wrong-environment': { en: 'Wrong environment (production / test) for this account.', 'zh-CN': '该账号的环境（正式/测试）设置不正确。' },
  'secret-missing': { en: 'A secret is not set for this account.', 'zh-CN': '该账号还有未设置的密钥。' },
  'rate-limited': { en: 'The vendor is throttling requests; try again in a moment.', 'zh-CN': '厂商正在限流，请稍后重试。' },
  service: { en: 'The vendor account or service is not enabled.', 'zh-CN': '厂商账号或服务未开通。' },
  other: { en: 'The test failed.', 'zh-CN': '测试失败。' },
};

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
  const result = (kind: ConnectionTestKind, extra: Partial<AccountTestResult> & { detail?: LocalizedText } = {}): AccountTestResult => {
    const offset = extra.offsetSeconds ?? null;
    const lead = LEAD[kind];
    const fill = (s: string): string => s.replace('{offset}', String(offset ?? '?'));
    const detail = extra.detail && kind !== 'ok' ? extra.detail : null;
    return {
      kind,
      message: {
        en: [fill(lead.en), detail?.en].filter(Boolean).join(' '),
        'zh-CN': [fill(lead['zh-CN']), detail?.['zh-CN']].filter(Boolean).join(''),
      },
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
    const messages = details.messages as LocalizedText | undefined;
    return result(kind, {
      detail: messages ?? { en: error.message, 'zh-CN': error.message },
      offsetSeconds: typeof details.offsetSeconds === 'number' ? details.offsetSeconds : null,
      requestId: typeof details.requestId === 'string' ? details.requestId : null,
      vendorCode,
    });
  }
}
