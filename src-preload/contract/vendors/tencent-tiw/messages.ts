import { messageBuilder, messageWithText, msg, type Message } from '../../messages/message';
import { TENCENT_API3_MESSAGES } from '../tencent-api3-messages';
import type { VendorMessages } from '../vendor-contract';

/** TIW's own texts (keys `vendor.tencent-tiw.…`), merged into every catalogue through the vendor registry. */
const EN = {
  'vendor.tencent-tiw.issue.roomIdWhole': 'The TIW room ID must be a whole number.',
  'vendor.tencent-tiw.issue.recordUserBlank': 'The record user ID must not be blank.',
  'vendor.tencent-tiw.issue.recordUserBytes': 'At most {max} bytes.',
  'vendor.tencent-tiw.issue.recordUserForm': 'TIW expects tic_record_user_{room}_ followed by a random suffix, and no app user may use it.',
  'vendor.tencent-tiw.issue.chatGroupMode': 'A chat group is recorded only in video-generation mode.',
  'vendor.tencent-tiw.issue.whiteboardMinSize': 'Must be at least {min}.',
  'vendor.tencent-tiw.issue.mp4Only': 'TIW records mp4 files only.',
  'vendor.tencent-tiw.issue.audioVideoOnly': 'TIW records audio and video together (turn on audio files for mp3 copies).',
  'vendor.tencent-tiw.issue.noStorageTarget': 'TIW uploads to its own storage; a storage target cannot be used.',
  'vendor.tencent-tiw.issue.teacherBuiltInOnly': 'The teacher is used only by a mixed built-in layout.',
  'vendor.tencent-tiw.issue.layoutModes': 'TIW offers built-in layouts 1 and 2, or a custom layout.',
  'vendor.tencent-tiw.issue.noBackgroundImage': 'TIW cannot show a background image.',
  'vendor.tencent-tiw.issue.regionsIgnored': 'Regions are ignored by a built-in layout.',
  'vendor.tencent-tiw.issue.teacherIgnored': 'The teacher is ignored by a custom layout.',

  'vendor.tencent-tiw.secret.sdkSecretKey.label': 'SDK secret key (UserSig)',
  'vendor.tencent-tiw.secret.sdkSecretKey.help': "The IM/TRTC application's secret key, used to sign the recorder's RecordUserSig.",
  'vendor.tencent-tiw.secret.callbackKey.label': 'Callback key (optional)',
  'vendor.tencent-tiw.secret.callbackKey.help': 'Only for the callback receiver: the CallbackKey set with SetOnlineRecordCallbackKey (up to 64 characters). Callbacks are verified with it.',
  'vendor.tencent-tiw.form.sdkAppId.label': 'SdkAppId',
  'vendor.tencent-tiw.form.sdkAppId.help': 'Whiteboard application SdkAppId, e.g. 1400000001.',
  'vendor.tencent-tiw.form.region.help': 'Sent as X-TC-Region. The international site only supports ap-singapore for recording.',
  'vendor.tencent-tiw.name': 'Tencent TIW online recording',

  'vendor.tencent-tiw.callback.started': 'OnlineRecordStarted recording',
  'vendor.tencent-tiw.callback.stopped': 'OnlineRecordStopped stopped, uploading',
  'vendor.tencent-tiw.callback.finished': 'OnlineRecordFinished {state} ({reason}), {count} file(s)',
  'vendor.tencent-tiw.callback.finishedWithError': 'OnlineRecordFinished {state} ({reason}, {error}), {count} file(s)',
  'vendor.tencent-tiw.finishReason.none': 'no FinishReason',
  'vendor.tencent-tiw.finishReason.AUTO': 'AUTO',
  'vendor.tencent-tiw.finishReason.USER_CALL': 'USER_CALL',
  'vendor.tencent-tiw.finishReason.EXCEPTION': 'EXCEPTION',
  'vendor.tencent-tiw.finishReason.FORCE_STOP': 'FORCE_STOP',

  'vendor.tencent-tiw.error.AuthFailure': 'TIW rejected the credentials.',
  'vendor.tencent-tiw.error.FailedOperation.Record': 'The recording failed (see the vendor message).',
  'vendor.tencent-tiw.error.InvalidParameter.BodyParameterTypeUnmatched': 'A parameter has the wrong type.',
  'vendor.tencent-tiw.error.InvalidParameter.CallbackAddressFormatError': 'The callback address must start with http:// or https://.',
  'vendor.tencent-tiw.error.InvalidParameter.InvalidExtra': 'An extra feature does not exist.',
  'vendor.tencent-tiw.error.InvalidParameter.RecordParameter': 'The recording parameters are malformed.',
  'vendor.tencent-tiw.error.InvalidParameter.SdkAppIdNotFound': 'The SdkAppId is missing or malformed.',
  'vendor.tencent-tiw.error.InvalidParameter.TaskNotFound': 'TIW does not know this recording task.',
  'vendor.tencent-tiw.error.LimitExceeded.TaskConcurrency': 'Too many recordings run at once for this application (limit 100).',
  'vendor.tencent-tiw.error.ResourceInUse.RecordUserId': 'The record user is already used by another recording.',
  'vendor.tencent-tiw.error.ResourceUnavailable.InterfaceUnAuthorized': 'This TIW interface is not authorised for the account.',
  'vendor.tencent-tiw.error.ResourceUnavailable.NotRegistered': 'The whiteboard service is not enabled for this application.',
  'vendor.tencent-tiw.error.ResourceUnavailable.ServiceExpired': 'The account is in arrears or the whiteboard service has expired.',
  'vendor.tencent-tiw.error.UnauthorizedOperation.SdkAppId': 'The SdkAppId does not exist or does not belong to this Tencent Cloud account.',
  'vendor.tencent-tiw.error.UnsupportedOperation.InvalidTaskStatus': 'The task cannot do this in its current state.',
  'vendor.tencent-tiw.error.UnsupportedOperation.TaskHasAlreadyStopped': 'The recording has already stopped.',
  'vendor.tencent-tiw.error.userSigMissing': 'Paste a RecordUserSig or configure the IM SDK secret key so RecDeck can generate one.',
  'vendor.tencent-tiw.error.noTaskId': 'TIW accepted the start but returned no TaskId.',
  'vendor.tencent-tiw.error.callbackKeyLength': 'The callback key must be at most 64 characters.',
} as const;

const ZH_CN: Record<keyof typeof EN, string> = {
  'vendor.tencent-tiw.issue.roomIdWhole': 'TIW 房间号必须是整数。',
  'vendor.tencent-tiw.issue.recordUserBlank': '录制用户 ID 不能为空。',
  'vendor.tencent-tiw.issue.recordUserBytes': '最多 {max} 个字节。',
  'vendor.tencent-tiw.issue.recordUserForm': 'TIW 要求格式为 tic_record_user_{room}_ 加随机后缀，且不能被任何客户端使用。',
  'vendor.tencent-tiw.issue.chatGroupMode': '仅视频生成模式下可录制聊天群组。',
  'vendor.tencent-tiw.issue.whiteboardMinSize': '不能小于 {min}。',
  'vendor.tencent-tiw.issue.mp4Only': 'TIW 仅生成 mp4 文件。',
  'vendor.tencent-tiw.issue.audioVideoOnly': 'TIW 只能录制音视频（如需 mp3 请开启音频文件）。',
  'vendor.tencent-tiw.issue.noStorageTarget': 'TIW 录制文件存放在腾讯云点播，不能指定存储目标。',
  'vendor.tencent-tiw.issue.teacherBuiltInOnly': '老师 ID 仅在混流内置布局中生效。',
  'vendor.tencent-tiw.issue.layoutModes': 'TIW 仅支持内置布局 1、2 或自定义布局。',
  'vendor.tencent-tiw.issue.noBackgroundImage': 'TIW 不支持背景图。',
  'vendor.tencent-tiw.issue.regionsIgnored': '内置布局会忽略自定义画面。',
  'vendor.tencent-tiw.issue.teacherIgnored': '自定义布局会忽略老师 ID。',

  'vendor.tencent-tiw.secret.sdkSecretKey.label': 'SDK 密钥（UserSig）',
  'vendor.tencent-tiw.secret.sdkSecretKey.help': 'IM/TRTC 应用的密钥，用于为录制用户生成 RecordUserSig。',
  'vendor.tencent-tiw.secret.callbackKey.label': '回调密钥 CallbackKey（可选）',
  'vendor.tencent-tiw.secret.callbackKey.help': '仅用于回调接收：通过 SetOnlineRecordCallbackKey 设置的回调密钥（最多 64 个字符），用于校验回调签名。',
  'vendor.tencent-tiw.form.sdkAppId.label': 'SdkAppId',
  'vendor.tencent-tiw.form.sdkAppId.help': '互动白板应用的 SdkAppId，例如 1400000001。',
  'vendor.tencent-tiw.form.region.help': '作为 X-TC-Region 发送；国际站实时录制仅支持 ap-singapore。',
  'vendor.tencent-tiw.name': '腾讯云互动白板实时录制',

  'vendor.tencent-tiw.callback.started': 'OnlineRecordStarted：录制中',
  'vendor.tencent-tiw.callback.stopped': 'OnlineRecordStopped：已停止，上传中',
  'vendor.tencent-tiw.callback.finished': 'OnlineRecordFinished：{state}（{reason}），{count} 个文件',
  'vendor.tencent-tiw.callback.finishedWithError': 'OnlineRecordFinished：{state}（{reason}，{error}），{count} 个文件',
  'vendor.tencent-tiw.finishReason.none': '无 FinishReason',
  'vendor.tencent-tiw.finishReason.AUTO': '空闲超时自动停止（AUTO）',
  'vendor.tencent-tiw.finishReason.USER_CALL': '调用停止接口（USER_CALL）',
  'vendor.tencent-tiw.finishReason.EXCEPTION': '录制异常（EXCEPTION）',
  'vendor.tencent-tiw.finishReason.FORCE_STOP': '强制停止（FORCE_STOP）',

  'vendor.tencent-tiw.error.AuthFailure': 'TIW 鉴权失败。',
  'vendor.tencent-tiw.error.FailedOperation.Record': '录制失败，请查看错误描述。',
  'vendor.tencent-tiw.error.InvalidParameter.BodyParameterTypeUnmatched': '参数类型不匹配。',
  'vendor.tencent-tiw.error.InvalidParameter.CallbackAddressFormatError': '回调地址必须以 http:// 或 https:// 开头。',
  'vendor.tencent-tiw.error.InvalidParameter.InvalidExtra': '指定的额外功能不存在。',
  'vendor.tencent-tiw.error.InvalidParameter.RecordParameter': '录制参数格式错误。',
  'vendor.tencent-tiw.error.InvalidParameter.SdkAppIdNotFound': 'SdkAppId 缺失或格式错误。',
  'vendor.tencent-tiw.error.InvalidParameter.TaskNotFound': 'TIW 未找到该录制任务。',
  'vendor.tencent-tiw.error.LimitExceeded.TaskConcurrency': '该应用并发录制任务数超过上限（100）。',
  'vendor.tencent-tiw.error.ResourceInUse.RecordUserId': '录制用户已被其他录制任务占用。',
  'vendor.tencent-tiw.error.ResourceUnavailable.InterfaceUnAuthorized': '账号未开通该接口。',
  'vendor.tencent-tiw.error.ResourceUnavailable.NotRegistered': '该应用未开通互动白板服务。',
  'vendor.tencent-tiw.error.ResourceUnavailable.ServiceExpired': '账号欠费或白板服务已过期。',
  'vendor.tencent-tiw.error.UnauthorizedOperation.SdkAppId': 'SdkAppId 不存在或不属于当前腾讯云账号。',
  'vendor.tencent-tiw.error.UnsupportedOperation.InvalidTaskStatus': '当前任务状态不支持该操作。',
  'vendor.tencent-tiw.error.UnsupportedOperation.TaskHasAlreadyStopped': '录制任务已结束。',
  'vendor.tencent-tiw.error.userSigMissing': '请填写 RecordUserSig，或配置 IM SDK 密钥以便自动生成。',
  'vendor.tencent-tiw.error.noTaskId': 'TIW 未返回 TaskId。',
  'vendor.tencent-tiw.error.callbackKeyLength': '回调密钥最多 64 个字符。',
};

/** TIW's block of each catalogue, with the texts it shares with the other Tencent API 3.0 vendor. */
export const TIW_MESSAGES: VendorMessages = {
  en: { ...TENCENT_API3_MESSAGES.en, ...EN },
  'zh-CN': { ...TENCENT_API3_MESSAGES['zh-CN'], ...ZH_CN },
};

/** A message of TIW's block. */
export const tiwMsg = messageBuilder<typeof EN>();

/** A TIW `FinishReason` (AUTO, USER_CALL …, docs/vendors/tencent-tiw.md) as a message; one TIW has not documented is shown as given. */
export function tiwFinishReason(reason: string): Message {
  return messageWithText(EN, 'vendor.tencent-tiw.finishReason.', reason) ?? msg('finishReason.asGiven', { reason });
}
