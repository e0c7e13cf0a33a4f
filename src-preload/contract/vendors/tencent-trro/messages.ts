import { messageBuilder, messageWithText, type Message } from '../../messages/message';
import { TENCENT_API3_MESSAGES } from '../tencent-api3-messages';
import type { VendorMessages } from '../vendor-contract';

/** TRRO's own texts (keys `vendor.tencent-trro.…`), merged into every catalogue through the vendor registry. */
const EN = {
  'vendor.tencent-trro.issue.deviceRequired': 'The device ID is required.',
  'vendor.tencent-trro.issue.storageRequired': 'TRRO needs a storage target (COS or AWS S3).',
  'vendor.tencent-trro.issue.formats': 'TRRO writes hls, hls+mp4, hls+aac, mp4 or aac.',
  'vendor.tencent-trro.issue.hlsNotSplit': 'HLS recordings are not split; this has no effect.',
  'vendor.tencent-trro.issue.prefixSegment': 'Use only letters, digits, _ and -.',
  'vendor.tencent-trro.issue.singleOnly': 'TRRO records one device stream; it cannot mix.',
  'vendor.tencent-trro.issue.noStreamList': 'TRRO records the device stream given by the stream number.',
  'vendor.tencent-trro.issue.noWhiteboard': 'TRRO has no whiteboard.',
  'vendor.tencent-trro.issue.wholeStream': 'TRRO always records the whole stream; pick aac output for audio only.',
  'vendor.tencent-trro.issue.noMaxRecord': 'TRRO has no maximum recording length; this is ignored.',

  'vendor.tencent-trro.secret.signKey.label': 'Callback SignKey (optional)',
  'vendor.tencent-trro.secret.signKey.help': 'Only for the callback receiver: the SignKey given to ModifyCallbackUrl. Callbacks are verified with it.',
  'vendor.tencent-trro.form.projectId.label': 'Project ID',
  'vendor.tencent-trro.form.projectId.help': 'TRRO project id, e.g. m82k5408n123phvb.',
  'vendor.tencent-trro.form.region.help': 'Optional for TRRO (X-TC-Region).',
  'vendor.tencent-trro.name': 'Tencent TRRO cloud recording',
  'vendor.tencent-trro.note': 'TRRO has no status query: after the start, a task’s state comes only from callbacks. Turn on the callback receiver to follow it.',
  'vendor.tencent-trro.form.projectId.alphabet': 'Letters, digits, _ and - only',

  'vendor.tencent-trro.leaveCode.0': 'normal stop',
  'vendor.tencent-trro.leaveCode.1': 'kicked by the client',
  'vendor.tencent-trro.leaveCode.2': 'room dismissed by the client',
  'vendor.tencent-trro.leaveCode.3': 'kicked by the server',
  'vendor.tencent-trro.leaveCode.4': 'room dismissed by the server',
  'vendor.tencent-trro.leaveCode.99': 'no other user for the idle period',
  'vendor.tencent-trro.leaveCode.100': 'timeout',
  'vendor.tencent-trro.leaveCode.101': 'same user re-entered',
  'vendor.tencent-trro.leaveCode.none': 'no LeaveCode',
  'vendor.tencent-trro.leaveCode.other': 'LeaveCode {code}',
  'vendor.tencent-trro.finishReason.startFailed': 'recorder failed to start',
  'vendor.tencent-trro.finishReason.stranded': 'some files stranded on the vendor side',
  'vendor.tencent-trro.finishReason.vodFailed': 'VOD upload ended abnormally',
  'vendor.tencent-trro.uploadStatus.ok': 'ok',
  'vendor.tencent-trro.uploadStatus.failed': 'failed',
  'vendor.tencent-trro.uploadStatus.partial': 'partially failed',
  'vendor.tencent-trro.uploadStatus.other': 'status {status}',
  'vendor.tencent-trro.callback.startFailed': '301 recorder failed to start',
  'vendor.tencent-trro.callback.started': '301 recorder started',
  'vendor.tencent-trro.callback.stopped': '302 recorder stopped ({reason})',
  'vendor.tencent-trro.callback.uploadStarted': '303 upload started ({status})',
  'vendor.tencent-trro.callback.firstPlaylist': '304 first playlist uploaded',
  'vendor.tencent-trro.callback.firstPlaylistNamed': '304 first playlist uploaded ({name})',
  'vendor.tencent-trro.callback.uploadStranded': '305 upload ended, some files stranded on the vendor side',
  'vendor.tencent-trro.callback.uploadEnded': '305 upload ended',
  'vendor.tencent-trro.callback.uploadRecovered': '305 upload ended (stranded files recovered)',
  'vendor.tencent-trro.callback.failedOver': '306 recorder failed over',
  'vendor.tencent-trro.callback.firstSlice': '307 first slice',
  'vendor.tencent-trro.callback.firstSliceNamed': '307 first slice {name}',
  'vendor.tencent-trro.callback.uploadError': '308 upload error',
  'vendor.tencent-trro.callback.imageFailed': '309 image download failed',
  'vendor.tencent-trro.callback.filesUploaded': '310 files uploaded ({status}), {count} file(s)',
  'vendor.tencent-trro.callback.vodCommit': '311 VOD commit ({status})',
  'vendor.tencent-trro.callback.vodFinished': '312 VOD upload finished',
  'vendor.tencent-trro.callback.vodFailed': '312 VOD upload ended abnormally',

  'vendor.tencent-trro.error.FailedOperation': 'TRRO could not perform the operation.',
  'vendor.tencent-trro.error.InternalError': 'TRRO reported an internal error.',
  'vendor.tencent-trro.error.InvalidParameter': 'TRRO rejected a parameter.',
  'vendor.tencent-trro.error.InvalidParameterValue': 'TRRO rejected a parameter value (check project, device and task IDs).',
  'vendor.tencent-trro.error.MissingParameter': 'A required TRRO parameter is missing.',
  'vendor.tencent-trro.error.OperationDenied': 'TRRO denied the operation for this account or project.',
  'vendor.tencent-trro.error.OperationDenied.LicensesNotEnoughError': 'Not enough TRRO licenses.',
  'vendor.tencent-trro.error.ResourceNotFound': 'TRRO does not know this resource.',
  'vendor.tencent-trro.issue.storageProvider': 'TRRO uploads only to Tencent COS or AWS S3.',
  'vendor.tencent-trro.issue.bucketAndRegion': 'The storage target needs a bucket and a region.',
  'vendor.tencent-trro.error.noTaskId': 'TRRO accepted the start but returned no TaskId.',
  'vendor.tencent-trro.error.callbackUrlRefused': 'TRRO did not accept the callback URL.',
  'vendor.tencent-trro.error.storageRequired': 'TRRO uploads to a storage target: choose one.',
} as const;

const ZH_CN: Record<keyof typeof EN, string> = {
  'vendor.tencent-trro.issue.deviceRequired': '设备 ID 为必填项。',
  'vendor.tencent-trro.issue.storageRequired': 'TRRO 需要指定存储目标（COS 或 AWS S3）。',
  'vendor.tencent-trro.issue.formats': 'TRRO 仅支持 hls、hls+mp4、hls+aac、mp4 或 aac。',
  'vendor.tencent-trro.issue.hlsNotSplit': 'HLS 格式不会切分文件，此设置无效。',
  'vendor.tencent-trro.issue.prefixSegment': '只能包含字母、数字、下划线和连字符。',
  'vendor.tencent-trro.issue.singleOnly': 'TRRO 只录制单路设备流，不支持混流。',
  'vendor.tencent-trro.issue.noStreamList': 'TRRO 通过视频流号指定录制的流。',
  'vendor.tencent-trro.issue.noWhiteboard': 'TRRO 不支持白板。',
  'vendor.tencent-trro.issue.wholeStream': 'TRRO 录制整路流；仅需音频请选择 aac 格式。',
  'vendor.tencent-trro.issue.noMaxRecord': 'TRRO 不支持最长录制时长，此设置将被忽略。',

  'vendor.tencent-trro.secret.signKey.label': '回调签名密钥 SignKey（可选）',
  'vendor.tencent-trro.secret.signKey.help': '仅用于回调接收：调用 ModifyCallbackUrl 时设置的 SignKey，用于校验回调签名。',
  'vendor.tencent-trro.form.projectId.label': '项目 ID（ProjectId）',
  'vendor.tencent-trro.form.projectId.help': 'TRRO 项目 ID，例如 m82k5408n123phvb。',
  'vendor.tencent-trro.form.region.help': 'TRRO 可不填（X-TC-Region）。',
  'vendor.tencent-trro.name': '腾讯云实时互动-工业能源版云端录制',
  'vendor.tencent-trro.note': 'TRRO 没有状态查询接口：启动后任务状态只能通过回调获得。请开启回调接收以跟踪任务。',
  'vendor.tencent-trro.form.projectId.alphabet': '只能包含字母、数字、_ 和 -',

  'vendor.tencent-trro.leaveCode.0': '正常停止',
  'vendor.tencent-trro.leaveCode.1': '被客户端踢出',
  'vendor.tencent-trro.leaveCode.2': '房间被客户端解散',
  'vendor.tencent-trro.leaveCode.3': '被服务端踢出',
  'vendor.tencent-trro.leaveCode.4': '房间被服务端解散',
  'vendor.tencent-trro.leaveCode.99': '空闲期内房间没有其他用户',
  'vendor.tencent-trro.leaveCode.100': '超时',
  'vendor.tencent-trro.leaveCode.101': '同一用户重新进房',
  'vendor.tencent-trro.leaveCode.none': '无 LeaveCode',
  'vendor.tencent-trro.leaveCode.other': 'LeaveCode {code}',
  'vendor.tencent-trro.finishReason.startFailed': '录制机启动失败',
  'vendor.tencent-trro.finishReason.stranded': '部分文件滞留在云端',
  'vendor.tencent-trro.finishReason.vodFailed': '点播上传异常结束',
  'vendor.tencent-trro.uploadStatus.ok': '成功',
  'vendor.tencent-trro.uploadStatus.failed': '失败',
  'vendor.tencent-trro.uploadStatus.partial': '部分失败',
  'vendor.tencent-trro.uploadStatus.other': '状态 {status}',
  'vendor.tencent-trro.callback.startFailed': '301：录制机启动失败',
  'vendor.tencent-trro.callback.started': '301：录制机已启动',
  'vendor.tencent-trro.callback.stopped': '302：录制机已停止（{reason}）',
  'vendor.tencent-trro.callback.uploadStarted': '303：开始上传（{status}）',
  'vendor.tencent-trro.callback.firstPlaylist': '304：首个播放列表已上传',
  'vendor.tencent-trro.callback.firstPlaylistNamed': '304：首个播放列表已上传（{name}）',
  'vendor.tencent-trro.callback.uploadStranded': '305：上传结束，部分文件滞留在云端',
  'vendor.tencent-trro.callback.uploadEnded': '305：上传结束',
  'vendor.tencent-trro.callback.uploadRecovered': '305：上传结束（滞留文件已恢复）',
  'vendor.tencent-trro.callback.failedOver': '306：录制机已故障切换',
  'vendor.tencent-trro.callback.firstSlice': '307：首个切片',
  'vendor.tencent-trro.callback.firstSliceNamed': '307：首个切片 {name}',
  'vendor.tencent-trro.callback.uploadError': '308：上传出错',
  'vendor.tencent-trro.callback.imageFailed': '309：图片下载失败',
  'vendor.tencent-trro.callback.filesUploaded': '310：文件已上传（{status}），{count} 个文件',
  'vendor.tencent-trro.callback.vodCommit': '311：点播提交（{status}）',
  'vendor.tencent-trro.callback.vodFinished': '312：点播上传完成',
  'vendor.tencent-trro.callback.vodFailed': '312：点播上传异常结束',

  'vendor.tencent-trro.error.FailedOperation': 'TRRO 操作失败。',
  'vendor.tencent-trro.error.InternalError': 'TRRO 内部错误。',
  'vendor.tencent-trro.error.InvalidParameter': 'TRRO 参数错误。',
  'vendor.tencent-trro.error.InvalidParameterValue': 'TRRO 参数取值错误（请检查项目、设备和任务 ID）。',
  'vendor.tencent-trro.error.MissingParameter': '缺少 TRRO 必填参数。',
  'vendor.tencent-trro.error.OperationDenied': 'TRRO 拒绝了该操作。',
  'vendor.tencent-trro.error.OperationDenied.LicensesNotEnoughError': 'TRRO License 不足。',
  'vendor.tencent-trro.error.ResourceNotFound': 'TRRO 资源不存在。',
  'vendor.tencent-trro.issue.storageProvider': 'TRRO 仅支持上传到腾讯云 COS 或 AWS S3。',
  'vendor.tencent-trro.issue.bucketAndRegion': '存储目标缺少存储桶或地域。',
  'vendor.tencent-trro.error.noTaskId': 'TRRO 未返回 TaskId。',
  'vendor.tencent-trro.error.callbackUrlRefused': 'TRRO 未接受该回调地址。',
  'vendor.tencent-trro.error.storageRequired': 'TRRO 需要上传到存储目标，请选择一个。',
};

/** TRRO's block of each catalogue, with the texts it shares with the other Tencent API 3.0 vendor. */
export const TRRO_MESSAGES: VendorMessages = {
  en: { ...TENCENT_API3_MESSAGES.en, ...EN },
  'zh-CN': { ...TENCENT_API3_MESSAGES['zh-CN'], ...ZH_CN },
};

/** A message of TRRO's block. */
export const trroMsg = messageBuilder<typeof EN>();

/** Why TRRO stopped the recorder (`LeaveCode` of callback 302, docs/vendors/tencent-trro.md §5.2), in words. */
export function trroLeaveCode(code: number | null): Message {
  if (code === null) return trroMsg('vendor.tencent-trro.leaveCode.none');
  const key = `vendor.tencent-trro.leaveCode.${code}`;
  return key in EN ? { key } : trroMsg('vendor.tencent-trro.leaveCode.other', { code });
}

/** A stored TRRO finish reason (the English text of a leave code or finish reason) as a message, or null. */
export function trroFinishReason(reason: string): Message | null {
  return messageWithText(EN, 'vendor.tencent-trro.leaveCode.', reason) ?? messageWithText(EN, 'vendor.tencent-trro.finishReason.', reason);
}
