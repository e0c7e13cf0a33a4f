import type { FieldIssue, MixSettings, RecordingRequestBase } from '../../request-parts';
import { STORAGE_PROVIDER_INFO, type StorageProvider, type StorageSecretField, type StorageTargetShape } from '../../storage-providers';
import { checkHttpUrl, checkRange, checkRegions, checkRequiredText, error, warning } from '../checks';
import { ZEGO_STORAGE, type ZegoLimits } from './limits';
import type { ZegoRequestOptions } from './request';

/** The parts of a storage target the ZEGO validator looks at. */
export type ZegoStorageShape = StorageTargetShape;

/** A normalized request as the ZEGO validator reads it: the shared fields and ZEGO's own options. */
export type ZegoRequest = RecordingRequestBase & { zego: ZegoRequestOptions };

const SECRET_LABELS: Record<StorageSecretField, [string, string]> = {
  accessKeyId: ['The access key ID is not set.', '未设置 AccessKey ID。'],
  accessKeySecret: ['The access key secret is not set.', '未设置 AccessKey Secret。'],
  secretId: ['The SecretId is not set.', '未设置 SecretId。'],
  secretKey: ['The SecretKey is not set.', '未设置 SecretKey。'],
};

/**
 * StorageParams rules per provider (docs/vendors/zego.md §4.1.3, as data in {@link STORAGE_PROVIDER_INFO}
 * and {@link ZEGO_STORAGE}): which fields and keys each ZEGO Vendor needs, and which formats the VOD
 * providers take.
 */
export function validateZegoStorage(storage: ZegoStorageShape, format: string, limits: ZegoLimits, prefix = 'storage'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const provider = storage.provider as StorageProvider;
  if (!limits.storageProviders.includes(provider) || !(provider in STORAGE_PROVIDER_INFO)) {
    issues.push(error(`${prefix}.provider`, `ZEGO cannot store to “${provider}”.`, `ZEGO 不支持存储到“${provider}”。`));
    return issues;
  }
  const info = STORAGE_PROVIDER_INFO[provider];
  for (const field of info.required) {
    const value = storage[field];
    if (value === null || value === undefined || value.trim() === '') {
      issues.push(error(`${prefix}.${field}`, 'Required for this provider.', '该存储服务商必填。'));
    }
  }
  for (const secret of info.secrets) {
    if (!storage.keys[secret]) issues.push(error(`${prefix}.keys.${secret}`, SECRET_LABELS[secret][0], SECRET_LABELS[secret][1]));
  }
  const formats: readonly string[] | null = ZEGO_STORAGE[provider].formats;
  if (formats && !formats.includes(format)) {
    issues.push(
      error(
        'output.format',
        `This provider takes only ${formats.join(', ')} files from ZEGO.`,
        `该存储服务仅支持 ${formats.join('、')} 格式。`,
      ),
    );
  }
  return issues;
}

function checkVideoConfig(issues: FieldIssue[], prefix: string, mix: MixSettings, limits: ZegoLimits): void {
  const side = { min: 1, max: limits.maxCanvasSide };
  checkRange(issues, `${prefix}.width`, mix.width, side);
  checkRange(issues, `${prefix}.height`, mix.height, side);
  if (mix.width * mix.height > limits.maxCanvasPixels) {
    issues.push(
      error(`${prefix}.height`, 'Width × height must not exceed 1920 × 1080 pixels.', '宽 × 高不能超过 1920 × 1080 像素。'),
    );
  }
  checkRange(issues, `${prefix}.fps`, mix.fps, limits.fps);
  if (!Number.isInteger(mix.bitrateBps) || mix.bitrateBps <= 0) {
    issues.push(error(`${prefix}.bitrateBps`, 'The bitrate must be more than 0 (bits per second).', '码率必须大于 0（单位 bps）。'));
  } else if (mix.bitrateBps < limits.kbpsWarningBelow) {
    issues.push(
      warning(
        `${prefix}.bitrateBps`,
        'This bitrate is in bits per second; it looks like kbps (1.5 Mbps = 1500000).',
        '码率单位为 bps，该值看起来像 kbps（1.5 Mbps 应填 1500000）。',
      ),
    );
  }
}

/**
 * Checks a layout change (UpdateLayout) or the layout part of a start request. `prefix` is the path
 * of the mix settings (`mix` in a start request, empty for UpdateLayout).
 */
export function validateZegoLayout(
  mix: MixSettings,
  whiteboardEnabled: boolean,
  limits: ZegoLimits,
  prefix = 'mix',
  canvas: { width: number; height: number } = { width: mix.width, height: mix.height },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (f: string): string => (prefix ? `${prefix}.${f}` : f);
  if (!limits.layoutModes.includes(mix.layoutMode)) {
    issues.push(error(at('layoutMode'), `ZEGO has no “${mix.layoutMode}” layout.`, `ZEGO 不支持“${mix.layoutMode}”布局。`));
  }
  if (mix.layoutMode === 'custom') {
    if (mix.regions.length === 0) {
      issues.push(error(at('regions'), 'A custom layout needs at least one region.', '自定义布局至少需要一个画面。'));
    } else if (mix.regions.length === 1) {
      issues.push(warning(at('regions'), 'A custom layout with one region records only one stream.', '只有一个画面的自定义布局只会录制一路流。'));
    }
    checkRegions(issues, at('regions'), mix.regions, canvas, limits, whiteboardEnabled);
    mix.regions.forEach((r, i) => {
      if (r.backgroundColor !== null) {
        issues.push(warning(at(`regions[${i}].backgroundColor`), 'ZEGO ignores region background colours.', 'ZEGO 不支持画面背景色，该设置将被忽略。'));
      }
    });
  }
  return issues;
}

/**
 * Every documented ZEGO constraint (docs/vendors/zego.md §11) on a normalized request, with field
 * paths of the normalized request. `storage` is null when no storage target is chosen.
 */
export function validateZegoRequest(request: ZegoRequest, storage: ZegoStorageShape | null, limits: ZegoLimits): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const mixed = request.mode === 'mixed';
  const audioOnly = request.streamType === 'audio';
  const fmt = request.output.format;
  checkRequiredText(issues, 'roomId', request.roomId, 'Room ID', '房间 ID');

  if (!mixed && request.streams.length > limits.maxSingleStreams) {
    issues.push(
      warning('streams', `ZEGO records at most ${limits.maxSingleStreams} streams per task.`, `每个任务最多录制 ${limits.maxSingleStreams} 路流。`),
    );
  }
  if (mixed && request.streams.length > 0) {
    issues.push(warning('streams', 'The stream list applies to single-stream mode only.', '流列表仅在单流录制时生效。'));
  }
  request.streams.forEach((s, i) => {
    if (s.trim() === '') issues.push(error(`streams[${i}]`, 'Stream ID is empty.', '流 ID 为空。'));
  });

  if (mixed) {
    const mix = request.mix;
    if (!mix) {
      issues.push(error('mix', 'Mixed recording needs mix settings.', '混流录制需要设置混流参数。'));
    } else {
      checkRequiredText(issues, 'mix.outputStreamId', mix.outputStreamId, 'Mix output stream ID', '混流输出流 ID');
      if (!audioOnly) checkVideoConfig(issues, 'mix', mix, limits);
      if (mix.audioBitrateBps !== null && (!Number.isInteger(mix.audioBitrateBps) || mix.audioBitrateBps <= 0)) {
        issues.push(error('mix.audioBitrateBps', 'The audio bitrate must be more than 0.', '音频码率必须大于 0。'));
      }
      checkHttpUrl(issues, 'mix.backgroundImage', mix.backgroundImage);
      // Audio-only mixes send no video config, so ZEGO bounds the regions by the largest canvas side only.
      const canvas = audioOnly ? { width: limits.maxCanvasSide, height: limits.maxCanvasSide } : { width: mix.width, height: mix.height };
      issues.push(...validateZegoLayout(mix, request.whiteboard !== null, limits, 'mix', canvas));
    }
    if (audioOnly && request.whiteboard) {
      issues.push(error('whiteboard', 'An audio-only mixed recording cannot record a whiteboard.', '纯音频混流录制无法录制白板。'));
    }
  } else if (request.mix) {
    issues.push(warning('mix', 'Mix settings apply to mixed mode only.', '混流参数仅在混流录制时生效。'));
  }

  const wb = request.whiteboard;
  if (wb) {
    checkRange(issues, 'whiteboard.horizontalRatio', wb.horizontalRatio, { min: 1, max: Number.MAX_SAFE_INTEGER });
    checkRange(issues, 'whiteboard.verticalRatio', wb.verticalRatio, { min: 1, max: Number.MAX_SAFE_INTEGER });
    checkRange(issues, 'whiteboard.width', wb.width, { min: 1, max: Number.MAX_SAFE_INTEGER });
    checkRange(issues, 'whiteboard.height', wb.height, { min: 1, max: Number.MAX_SAFE_INTEGER });
    checkRange(issues, 'whiteboard.pptAnimationFps', wb.pptAnimationFps, limits.pptAnimationFps);
  }

  if (!mixed && request.fill.frame !== 'last') {
    issues.push(warning('fill.frame', 'The camera-off fill applies to mixed mode only.', '关闭摄像头填充仅在混流录制时生效。'));
  }
  checkRange(issues, 'maxIdleSec', request.maxIdleSec, limits.maxIdleSec);
  checkRange(issues, 'maxRecordSec', request.maxRecordSec, limits.maxRecordSec);

  if (!limits.formats.includes(fmt)) {
    issues.push(error('output.format', `ZEGO cannot write “${fmt}” files.`, `ZEGO 不支持输出“${fmt}”格式。`));
  }
  if (fmt === 'jpg' && audioOnly) {
    issues.push(error('output.format', 'Snapshots (jpg) need video.', '截图（jpg）需要录制视频。'));
  }
  if (fmt === 'jpg') checkRange(issues, 'output.snapshotIntervalSec', request.output.snapshotIntervalSec, limits.snapshotIntervalSec);
  else if (request.output.snapshotIntervalSec !== null) {
    issues.push(warning('output.snapshotIntervalSec', 'The snapshot interval applies to jpg output only.', '截图间隔仅在输出 jpg 时生效。'));
  }
  if (fmt === 'hls') checkRange(issues, 'output.fragmentSec', request.output.fragmentSec, limits.fragmentSec);
  else if (request.output.fragmentSec !== null) {
    issues.push(warning('output.fragmentSec', 'The fragment length applies to hls output only.', '分片时长仅在输出 hls 时生效。'));
  }
  if (request.zego.realtimeUploadFragment && fmt !== 'hls') {
    issues.push(warning('zego.realtimeUploadFragment', 'Real-time fragment upload applies to hls output only.', '实时上传分片仅在输出 hls 时生效。'));
  }
  if (request.output.fileNamePrefix.length > 0 || request.output.maxFileDurationMin !== null) {
    issues.push(warning('output', 'ZEGO ignores file-name prefixes and file splitting.', 'ZEGO 不支持文件名前缀与文件切分，该设置将被忽略。'));
  }
  if (request.zego.muteSplitThresholdSec !== null) {
    const applies = !mixed && audioOnly && fmt === 'mp3' && request.zego.recordMuteAudio === false;
    if (!applies) {
      issues.push(
        warning(
          'zego.muteSplitThresholdSec',
          'Silence splitting applies only to single-stream, audio-only mp3 recordings that skip muted audio.',
          '静音分片仅在单流、纯音频、mp3 且不录制静音帧时生效。',
        ),
      );
    }
  }
  checkHttpUrl(issues, 'callbackUrl', request.callbackUrl);

  if (storage) issues.push(...validateZegoStorage(storage, fmt, limits));
  else if (limits.storageRequired) issues.push(error('storageTargetId', 'Choose a storage target.', '请选择存储位置。'));
  return issues;
}
