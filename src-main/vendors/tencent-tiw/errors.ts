import type { ErrorRule } from '../shared/tencent-api3';

const r = (code: ErrorRule['code'], retryable: boolean, en: string, zh: string): ErrorRule => ({ code, retryable, message: { en, 'zh-CN': zh } });

/** TIW product error codes (spec §2.6); anything else falls back to the common codes. */
export const TIW_ERRORS: Record<string, ErrorRule> = {
  AuthFailure: r('VENDOR_AUTH', false, 'TIW rejected the credentials.', 'TIW 鉴权失败。'),
  'FailedOperation.Record': r('VENDOR_STATE', false, 'The recording failed (see the vendor message).', '录制失败，请查看错误描述。'),
  'InvalidParameter.BodyParameterTypeUnmatched': r('VENDOR_INVALID_PARAMETER', false, 'A parameter has the wrong type.', '参数类型不匹配。'),
  'InvalidParameter.CallbackAddressFormatError': r('VENDOR_INVALID_PARAMETER', false, 'The callback address must start with http:// or https://.', '回调地址必须以 http:// 或 https:// 开头。'),
  'InvalidParameter.InvalidExtra': r('VENDOR_INVALID_PARAMETER', false, 'An extra feature does not exist.', '指定的额外功能不存在。'),
  'InvalidParameter.RecordParameter': r('VENDOR_INVALID_PARAMETER', false, 'The recording parameters are malformed.', '录制参数格式错误。'),
  'InvalidParameter.SdkAppIdNotFound': r('VENDOR_INVALID_PARAMETER', false, 'The SdkAppId is missing or malformed.', 'SdkAppId 缺失或格式错误。'),
  'InvalidParameter.TaskNotFound': r('VENDOR_TASK_NOT_FOUND', false, 'TIW does not know this recording task.', 'TIW 未找到该录制任务。'),
  'LimitExceeded.TaskConcurrency': r('VENDOR_LIMIT', false, 'Too many recordings run at once for this application (limit 100).', '该应用并发录制任务数超过上限（100）。'),
  'ResourceInUse.RecordUserId': r('VENDOR_STATE', false, 'The record user is already used by another recording.', '录制用户已被其他录制任务占用。'),
  'ResourceUnavailable.InterfaceUnAuthorized': r('VENDOR_SERVICE', false, 'This TIW interface is not authorised for the account.', '账号未开通该接口。'),
  'ResourceUnavailable.NotRegistered': r('VENDOR_SERVICE', false, 'The whiteboard service is not enabled for this application.', '该应用未开通互动白板服务。'),
  'ResourceUnavailable.ServiceExpired': r('VENDOR_SERVICE', false, 'The account is in arrears or the whiteboard service has expired.', '账号欠费或白板服务已过期。'),
  'UnauthorizedOperation.SdkAppId': r('VENDOR_SERVICE', false, 'The SdkAppId does not exist or does not belong to this Tencent Cloud account.', 'SdkAppId 不存在或不属于当前腾讯云账号。'),
  'UnsupportedOperation.InvalidTaskStatus': r('VENDOR_STATE', false, 'The task cannot do this in its current state.', '当前任务状态不支持该操作。'),
  'UnsupportedOperation.TaskHasAlreadyStopped': r('VENDOR_STATE', false, 'The recording has already stopped.', '录制任务已结束。'),
};
