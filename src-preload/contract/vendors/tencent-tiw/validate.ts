import type { FieldIssue, RecordingRequestBase } from '../../request-parts';
import { checkHttpUrl, checkRange, checkRegions, error, warning, type IntRange } from '../checks';
import { TIW_LIMITS, type TiwLimits } from './limits';
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
    issues.push(error('roomId', 'The TIW room ID must be a whole number.', 'TIW 房间号必须是整数。'));
  } else {
    checkRange(issues, 'roomId', roomId, limits.roomId);
  }
  const tiw = request.tiw;
  if (tiw.recordUserId !== null) {
    if (tiw.recordUserId.trim() === '') {
      issues.push(error('tiw.recordUserId', 'The record user ID must not be blank.', '录制用户 ID 不能为空。'));
    } else if (new TextEncoder().encode(tiw.recordUserId).length > limits.recordUserIdMaxBytes) {
      issues.push(
        error('tiw.recordUserId', `At most ${limits.recordUserIdMaxBytes} bytes.`, `最多 ${limits.recordUserIdMaxBytes} 个字节。`),
      );
    } else if (!tiw.recordUserId.startsWith(`tic_record_user_${roomText}_`)) {
      issues.push(
        warning(
          'tiw.recordUserId',
          `TIW expects the form tic_record_user_${roomText}_<random>, and no app user may use it.`,
          `TIW 要求格式为 tic_record_user_${roomText}_<随机串>，且不能被任何客户端使用。`,
        ),
      );
    }
  }
  checkRange(issues, 'maxIdleSec', request.maxIdleSec, limits.autoStopTimeoutSec);
  if (tiw.trtcRoomId !== null && /^\d+$/.test(tiw.trtcRoomId)) checkRange(issues, 'tiw.trtcRoomId', Number(tiw.trtcRoomId), limits.roomId);
  if (tiw.chatGroupId !== null && tiw.recordMode !== 'VIDEO_GENERATION_MODE') {
    issues.push(error('tiw.chatGroupId', 'A chat group is recorded only in video-generation mode.', '仅视频生成模式下可录制聊天群组。'));
  }
  if (tiw.concat?.image) checkHttpUrl(issues, 'tiw.concat.image', tiw.concat.image);
  checkHttpUrl(issues, 'callbackUrl', request.callbackUrl === '' ? null : request.callbackUrl);
  if (request.whiteboard) {
    for (const k of ['width', 'height'] as const) {
      const v = request.whiteboard[k];
      if (v !== null && v < limits.whiteboardMinSize) {
        issues.push(error(`whiteboard.${k}`, `Must be at least ${limits.whiteboardMinSize}.`, `不能小于 ${limits.whiteboardMinSize}。`));
      }
    }
  }
  if (request.output.format !== 'mp4') {
    issues.push(error('output.format', 'TIW records mp4 files only.', 'TIW 仅生成 mp4 文件。'));
  }
  if (request.streamType !== 'audio+video') {
    issues.push(
      error('streamType', 'TIW records audio and video together (turn on audio files for mp3 copies).', 'TIW 只能录制音视频（如需 mp3 请开启音频文件）。'),
    );
  }
  if (request.storageTargetId !== null) {
    issues.push(error('storageTargetId', 'TIW uploads to its own storage; a storage target cannot be used.', 'TIW 录制文件存放在腾讯云点播，不能指定存储目标。'));
  }
  if (request.mode === 'mixed') validateMix(request, limits, issues);
  else if (tiw.teacherId !== null) {
    issues.push(warning('tiw.teacherId', 'The teacher is used only by a mixed built-in layout.', '老师 ID 仅在混流内置布局中生效。'));
  }
  return issues;
}

function validateMix(request: TiwRequest, limits: TiwLimits, issues: FieldIssue[]): void {
  const mix = request.mix;
  if (!mix) {
    issues.push(error('mix', 'Mixed recording needs mix settings.', '混流录制需要填写混流参数。'));
    return;
  }
  if (!(limits.layoutModes as readonly string[]).includes(mix.layoutMode)) {
    issues.push(
      error('mix.layoutMode', 'TIW offers built-in layouts 1 and 2, or a custom layout.', 'TIW 仅支持内置布局 1、2 或自定义布局。'),
    );
    return;
  }
  if (mix.backgroundImage !== null) {
    issues.push(error('mix.backgroundImage', 'TIW cannot show a background image.', 'TIW 不支持背景图。'));
  }
  if (mix.layoutMode !== 'custom') {
    if (mix.regions.length > 0) issues.push(warning('mix.regions', 'Regions are ignored by a built-in layout.', '内置布局会忽略自定义画面。'));
    return;
  }
  if (request.tiw.teacherId !== null) {
    issues.push(warning('tiw.teacherId', 'The teacher is ignored by a custom layout.', '自定义布局会忽略老师 ID。'));
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
    if (r.backgroundImage !== null) issues.push(error(`${p}.backgroundImage`, 'TIW cannot show a background image.', 'TIW 不支持背景图。'));
  });
}
