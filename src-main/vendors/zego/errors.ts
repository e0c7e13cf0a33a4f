import type { ErrorCode, LocalizedText } from '@contract';
import { AppFailure } from '../../errors/app-failure';

interface ZegoCodeInfo {
  code: ErrorCode;
  retryable: boolean;
  messages: LocalizedText;
}

function info(code: ErrorCode, retryable: boolean, en: string, zh: string): ZegoCodeInfo {
  return { code, retryable, messages: { en, 'zh-CN': zh } };
}

/** Every ZEGO code of spec §6.1 and §6.2 with its RecDeck meaning. */
export const ZEGO_ERROR_CODES: Readonly<Record<number, ZegoCodeInfo>> = {
  100000000: info('VENDOR_BAD_RESPONSE', false, 'ZEGO rejected the Host header; check the endpoint.', 'ZEGO 拒绝了请求的 Host，请检查接入地址。'),
  100000001: info('VENDOR_AUTH', false, 'ZEGO says the AppId is malformed.', 'ZEGO 提示 AppId 格式错误。'),
  100000002: info('VENDOR_AUTH', false, 'ZEGO says the Timestamp is missing.', 'ZEGO 提示缺少 Timestamp。'),
  100000003: info('VENDOR_AUTH', false, 'ZEGO says the Timestamp is malformed (it must be Unix seconds).', 'ZEGO 提示 Timestamp 格式错误（须为 Unix 秒）。'),
  100000004: info('VENDOR_CLOCK_SKEW', true, 'ZEGO says the signature expired: this computer’s clock is more than 10 minutes off.', 'ZEGO 提示签名已过期：本机时间与服务器相差超过 10 分钟。'),
  100000005: info('VENDOR_AUTH', false, 'ZEGO rejected the signature: check the AppId and ServerSecret.', 'ZEGO 签名校验失败：请检查 AppId 与 ServerSecret。'),
  100000006: info('VENDOR_BAD_RESPONSE', false, 'ZEGO says the Action is missing.', 'ZEGO 提示缺少 Action。'),
  100000007: info('UNSUPPORTED', false, 'ZEGO does not support this Action.', 'ZEGO 不支持该 Action。'),
  100000008: info('VENDOR_AUTH', false, 'ZEGO says the SignatureNonce is missing.', 'ZEGO 提示缺少 SignatureNonce。'),
  100000009: info('VENDOR_AUTH', false, 'ZEGO says the Signature is missing.', 'ZEGO 提示缺少 Signature。'),
  100000010: info('VENDOR_AUTH', false, 'ZEGO could not find a ServerSecret for this AppId; check the AppId.', 'ZEGO 无法获取该 AppId 的 ServerSecret，请检查 AppId。'),
  100000011: info('VENDOR_SERVICE', true, 'ZEGO could not load the app configuration.', 'ZEGO 获取应用配置失败。'),
  100000012: info('VENDOR_BAD_RESPONSE', true, 'ZEGO could not read the request body.', 'ZEGO 读取请求体失败。'),
  100000013: info('VENDOR_AUTH', false, 'ZEGO says the SignatureVersion is missing.', 'ZEGO 提示缺少 SignatureVersion。'),
  100000014: info('VENDOR_AUTH', false, 'ZEGO supports only SignatureVersion 2.0.', 'ZEGO 仅支持 SignatureVersion 2.0。'),
  100000015: info('VENDOR_INTERNAL', true, 'ZEGO’s gateway had an internal error.', 'ZEGO 网关内部错误。'),
  100000016: info('VENDOR_SERVICE', false, 'This app has no production environment: check the “test environment” (IsTest) setting.', '该应用未配置正式环境：请检查“测试环境”（IsTest）设置。'),
  100000017: info('VENDOR_SERVICE', false, 'This app has not enabled the service.', '该应用未开通此服务。'),
  300000002: info('VENDOR_SERVICE', false, 'Cloud Recording is not enabled for this app; contact ZEGO.', '该应用未开通云端录制服务，请联系 ZEGO。'),
  300000003: info('VENDOR_RATE_LIMITED', true, 'ZEGO throttled the request (rate limit exceeded).', 'ZEGO 请求频率超限。'),
  300000004: info('VENDOR_INVALID_PARAMETER', false, 'ZEGO rejected a parameter.', 'ZEGO 提示参数错误。'),
  300000005: info('VENDOR_SERVICE', false, 'ZEGO’s gateway check failed; contact ZEGO.', 'ZEGO 网关校验失败，请联系 ZEGO。'),
  300000006: info('VENDOR_LIMIT', false, 'Too many concurrent recording tasks for this app.', '该应用并发录制任务数超限。'),
  300001000: info('VENDOR_TASK_NOT_FOUND', false, 'ZEGO does not know this task.', 'ZEGO 找不到该录制任务。'),
  300001001: info('VENDOR_STATE', false, 'The task has already ended.', '该录制任务已结束。'),
  300001004: info('VENDOR_STATE', false, 'The task is not paused.', '该录制任务未处于暂停状态。'),
  300010000: info('VENDOR_INTERNAL', true, 'ZEGO reported a system error.', 'ZEGO 系统错误。'),
};

/**
 * The {@link AppFailure} for a non-zero ZEGO `Code`. ZEGO's own `Message` is kept for parameter
 * errors because it names the wrong parameter; it never holds anything we sent as a secret.
 */
export function zegoError(code: number, vendorMessage: string, requestId: string | null): AppFailure {
  const known = ZEGO_ERROR_CODES[code];
  const details: Record<string, unknown> = { vendorCode: code, vendorMessage: vendorMessage.slice(0, 500), requestId };
  if (!known) {
    return new AppFailure(
      'VENDOR_INTERNAL',
      { en: `ZEGO answered with error ${code}.`, 'zh-CN': `ZEGO 返回错误码 ${code}。` },
      { retryable: false, details },
    );
  }
  const messages =
    code === 300000004 && vendorMessage
      ? { en: `${known.messages.en} (${vendorMessage})`, 'zh-CN': `${known.messages['zh-CN']}（${vendorMessage}）` }
      : known.messages;
  return new AppFailure(known.code, messages, { retryable: known.retryable, details });
}
