import type { FieldIssue, RecordingRequestBase } from '../../request-parts';
import { checkHttpUrl, checkRange, checkRegions, error, warning, type IntRange } from '../checks';
import { msg } from '../../messages/message';
import { TIW_LIMITS, type TiwLimits } from './limits';
import { tiwMsg } from './messages';
import type { TiwRequestOptions } from './request';

/** A normalized request as the TIW validator reads it: the shared fields and TIW's own options. */
export type TiwRequest = RecordingRequestBase & { tiw: TiwRequestOptions };

/**
 * Every documented StartOnlineRecord constraint, checked on the normalized request before sending.
 * Pure: main calls it before a start, the renderer while the operator types.
 */
export function validateTiwRequest(request: TiwRequest, limits: TiwLimits = TIW_LIMITS): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const roomText = request.roomId.trim();
  const roomId = /^\d+$/.test(roomText) ? Number(roomText) : NaN;
  if (Number.isNaN(roomId)) {
    issues.push(error('roomId', tiwMsg('vendor.tencent-tiw.issue.roomIdWhole')));
  } else {
    checkRange(issues, 'roomId', roomId, limits.roomId);
  }
  const tiw = request.tiw;
  if (tiw.recordUserId !== null) {
    if (tiw.recordUserId.trim() === '') {
      issues.push(error('tiw.recordUserId', tiwMsg('vendor.tencent-tiw.issue.recordUserBlank')));
    } else if (new TextEncoder().encode(tiw.recordUserId).length > limits.recordUserIdMaxBytes) {
      issues.push(
        error('tiw.recordUserId', tiwMsg('vendor.tencent-tiw.issue.recordUserBytes', { max: limits.recordUserIdMaxBytes })),
      );
    } else if (!tiw.recordUserId.startsWith(`tic_record_user_${roomText}_`)) {
      issues.push(
        warning('tiw.recordUserId', tiwMsg('vendor.tencent-tiw.issue.recordUserForm', { room: roomText })),
      );
    }
  }
  checkRange(issues, 'maxIdleSec', request.maxIdleSec, limits.autoStopTimeoutSec);
  if (tiw.trtcRoomId !== null && /^\d+$/.test(tiw.trtcRoomId)) checkRange(issues, 'tiw.trtcRoomId', Number(tiw.trtcRoomId), limits.roomId);
  if (tiw.chatGroupId !== null && tiw.recordMode !== 'VIDEO_GENERATION_MODE') {
    issues.push(error('tiw.chatGroupId', tiwMsg('vendor.tencent-tiw.issue.chatGroupMode')));
  }
  if (tiw.concat?.image) checkHttpUrl(issues, 'tiw.concat.image', tiw.concat.image);
  checkHttpUrl(issues, 'callbackUrl', request.callbackUrl === '' ? null : request.callbackUrl);
  if (request.whiteboard) {
    for (const k of ['width', 'height'] as const) {
      const v = request.whiteboard[k];
      if (v !== null && v < limits.whiteboardMinSize) {
        issues.push(error(`whiteboard.${k}`, tiwMsg('vendor.tencent-tiw.issue.whiteboardMinSize', { min: limits.whiteboardMinSize })));
      }
    }
  }
  if (request.output.format !== 'mp4') {
    issues.push(error('output.format', tiwMsg('vendor.tencent-tiw.issue.mp4Only')));
  }
  if (request.streamType !== 'audio+video') {
    issues.push(
      error('streamType', tiwMsg('vendor.tencent-tiw.issue.audioVideoOnly')),
    );
  }
  if (request.storageTargetId !== null) {
    issues.push(error('storageTargetId', tiwMsg('vendor.tencent-tiw.issue.noStorageTarget')));
  }
  if (request.mode === 'mixed') validateMix(request, limits, issues);
  else if (tiw.teacherId !== null) {
    issues.push(warning('tiw.teacherId', tiwMsg('vendor.tencent-tiw.issue.teacherBuiltInOnly')));
  }
  return issues;
}

function validateMix(request: TiwRequest, limits: TiwLimits, issues: FieldIssue[]): void {
  const mix = request.mix;
  if (!mix) {
    issues.push(error('mix', msg('issue.mixRequired')));
    return;
  }
  if (!(limits.layoutModes as readonly string[]).includes(mix.layoutMode)) {
    issues.push(
      error('mix.layoutMode', tiwMsg('vendor.tencent-tiw.issue.layoutModes')),
    );
    return;
  }
  if (mix.backgroundImage !== null) {
    issues.push(error('mix.backgroundImage', tiwMsg('vendor.tencent-tiw.issue.noBackgroundImage')));
  }
  if (mix.layoutMode !== 'custom') {
    if (mix.regions.length > 0) issues.push(warning('mix.regions', tiwMsg('vendor.tencent-tiw.issue.regionsIgnored')));
    return;
  }
  if (request.tiw.teacherId !== null) {
    issues.push(warning('tiw.teacherId', tiwMsg('vendor.tencent-tiw.issue.teacherIgnored')));
  }
  checkRange(issues, 'mix.width', mix.width, limits.layoutSize);
  checkRange(issues, 'mix.height', mix.height, limits.layoutSize);
  checkRegions(issues, 'mix.regions', mix.regions, { width: mix.width, height: mix.height }, limits.layout, true);
  // TIW's own rectangle limits, reported only where the shared canvas check found nothing at that path.
  const flagged = new Set(issues.map((i) => i.path));
  const ranged = (path: string, value: number, range: IntRange) => {
    if (!flagged.has(path)) checkRange(issues, path, value, range);
  };
  mix.regions.forEach((r, i) => {
    const p = `mix.regions[${i}]`;
    ranged(`${p}.left`, r.left, limits.layoutOffset);
    ranged(`${p}.top`, r.top, limits.layoutOffset);
    ranged(`${p}.width`, r.width, limits.layoutSize);
    ranged(`${p}.height`, r.height, limits.layoutSize);
    if (r.backgroundImage !== null) issues.push(error(`${p}.backgroundImage`, tiwMsg('vendor.tencent-tiw.issue.noBackgroundImage')));
  });
}
