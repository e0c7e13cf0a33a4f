import type { FieldIssue, RecordingRequestBase } from '../../request-parts';
import { checkHttpUrl, checkRange, error, warning } from '../checks';
import { TRRO_LIMITS, type TrroLimits } from './limits';
import { trroMsg } from './messages';

/**
 * Every documented CreateCloudRecording constraint that the normalized request carries. The storage
 * target itself (Vendor, Bucket, Region, keys) is checked where it is resolved, since its keys live in
 * the vault.
 */
export function validateTrroRequest(request: RecordingRequestBase, limits: TrroLimits = TRRO_LIMITS): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (request.roomId.trim() === '') issues.push(error('roomId', trroMsg('vendor.tencent-trro.issue.deviceRequired')));
  if (request.storageTargetId === null) {
    issues.push(error('storageTargetId', trroMsg('vendor.tencent-trro.issue.storageRequired')));
  }
  const format = request.output.format;
  if (!(format in limits.outputFormats)) {
    issues.push(error('output.format', trroMsg('vendor.tencent-trro.issue.formats')));
  }
  checkRange(issues, 'output.maxFileDurationMin', request.output.maxFileDurationMin, limits.maxMediaFileDurationMin);
  if (request.output.maxFileDurationMin !== null && format === 'hls') {
    issues.push(warning('output.maxFileDurationMin', trroMsg('vendor.tencent-trro.issue.hlsNotSplit')));
  }
  checkRange(issues, 'maxIdleSec', request.maxIdleSec, limits.maxIdleTimeSec);
  request.output.fileNamePrefix.forEach((segment, i) => {
    if (!limits.fileNamePrefixSegment.test(segment)) {
      issues.push(
        error(`output.fileNamePrefix[${i}]`, trroMsg('vendor.tencent-trro.issue.prefixSegment')),
      );
    }
  });
  if (request.mode !== 'single') issues.push(error('mode', trroMsg('vendor.tencent-trro.issue.singleOnly')));
  if (request.streams.length > 0) issues.push(error('streams', trroMsg('vendor.tencent-trro.issue.noStreamList')));
  if (request.whiteboard !== null) issues.push(error('whiteboard', trroMsg('vendor.tencent-trro.issue.noWhiteboard')));
  if (request.streamType !== 'audio+video') {
    issues.push(error('streamType', trroMsg('vendor.tencent-trro.issue.wholeStream')));
  }
  if (request.maxRecordSec !== null) issues.push(warning('maxRecordSec', trroMsg('vendor.tencent-trro.issue.noMaxRecord')));
  checkHttpUrl(issues, 'callbackUrl', request.callbackUrl === '' ? null : request.callbackUrl);
  return issues;
}
