import type { FieldIssue, RecordingRequestBase } from '../../request-parts';
import { checkHttpUrl, checkRange, error, warning } from '../checks';
import { TRRO_LIMITS, type TrroLimits } from './limits';

/**
 * Every documented CreateCloudRecording constraint that the normalized request carries. The storage
 * target itself (Vendor, Bucket, Region, keys) is checked where it is resolved, since its keys live in
 * the vault.
 */
export function validateTrroRequest(request: RecordingRequestBase, limits: TrroLimits = TRRO_LIMITS): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (request.roomId.trim() === '') issues.push(error('roomId', 'The device ID is required.', '设备 ID 为必填项。'));
  if (request.storageTargetId === null) {
    issues.push(error('storageTargetId', 'TRRO needs a storage target (COS or AWS S3).', 'TRRO 需要指定存储目标（COS 或 AWS S3）。'));
  }
  const format = request.output.format;
  if (!(format in limits.outputFormats)) {
    issues.push(error('output.format', 'TRRO writes hls, hls+mp4, hls+aac, mp4 or aac.', 'TRRO 仅支持 hls、hls+mp4、hls+aac、mp4 或 aac。'));
  }
  checkRange(issues, 'output.maxFileDurationMin', request.output.maxFileDurationMin, limits.maxMediaFileDurationMin);
  if (request.output.maxFileDurationMin !== null && format === 'hls') {
    issues.push(warning('output.maxFileDurationMin', 'HLS recordings are not split; this has no effect.', 'HLS 格式不会切分文件，此设置无效。'));
  }
  checkRange(issues, 'maxIdleSec', request.maxIdleSec, limits.maxIdleTimeSec);
  request.output.fileNamePrefix.forEach((segment, i) => {
    if (!limits.fileNamePrefixSegment.test(segment)) {
      issues.push(
        error(`output.fileNamePrefix[${i}]`, 'Use only letters, digits, _ and -.', '只能包含字母、数字、下划线和连字符。'),
      );
    }
  });
  if (request.mode !== 'single') issues.push(error('mode', 'TRRO records one device stream; it cannot mix.', 'TRRO 只录制单路设备流，不支持混流。'));
  if (request.streams.length > 0) issues.push(error('streams', 'TRRO records the device stream given by the stream number.', 'TRRO 通过视频流号指定录制的流。'));
  if (request.whiteboard !== null) issues.push(error('whiteboard', 'TRRO has no whiteboard.', 'TRRO 不支持白板。'));
  if (request.streamType !== 'audio+video') {
    issues.push(error('streamType', 'TRRO always records the whole stream; pick aac output for audio only.', 'TRRO 录制整路流；仅需音频请选择 aac 格式。'));
  }
  if (request.maxRecordSec !== null) issues.push(warning('maxRecordSec', 'TRRO has no maximum recording length; this is ignored.', 'TRRO 不支持最长录制时长，此设置将被忽略。'));
  checkHttpUrl(issues, 'callbackUrl', request.callbackUrl === '' ? null : request.callbackUrl);
  return issues;
}
