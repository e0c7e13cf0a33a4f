import type { FieldIssue, MixSettings, RecordingRequestBase } from '../../request-parts';
import { msg } from '../../messages/message';
import { STORAGE_PROVIDER_INFO, type StorageProvider, type StorageTargetShape } from '../../storage-providers';
import { checkHttpUrl, checkRange, checkRegions, checkRequiredText, error, warning } from '../checks';
import { ZEGO_STORAGE, type ZegoLimits } from './limits';
import { zegoMsg } from './messages';
import type { ZegoRequestOptions } from './request';

/** The parts of a storage target the ZEGO validator looks at. */
export type ZegoStorageShape = StorageTargetShape;

/** A normalized request as the ZEGO validator reads it: the shared fields and ZEGO's own options. */
export type ZegoRequest = RecordingRequestBase & { zego: ZegoRequestOptions };


/**
 * StorageParams rules per provider (docs/vendors/zego.md §4.1.3, as data in {@link STORAGE_PROVIDER_INFO}
 * and {@link ZEGO_STORAGE}): which fields and keys each ZEGO Vendor needs, and which formats the VOD
 * providers take.
 */
export function validateZegoStorage(storage: ZegoStorageShape, format: string, limits: ZegoLimits, prefix = 'storage'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const provider = storage.provider as StorageProvider;
  if (!limits.storageProviders.includes(provider) || !(provider in STORAGE_PROVIDER_INFO)) {
    issues.push(error(`${prefix}.provider`, zegoMsg('vendor.zego.issue.storageProvider', { provider })));
    return issues;
  }
  const info = STORAGE_PROVIDER_INFO[provider];
  for (const field of info.required) {
    const value = storage[field];
    if (value === null || value === undefined || value.trim() === '') {
      issues.push(error(`${prefix}.${field}`, msg('issue.requiredByProvider')));
    }
  }
  for (const secret of info.secrets) {
    if (!storage.keys[secret]) issues.push(error(`${prefix}.keys.${secret}`, zegoMsg(`vendor.zego.issue.keyMissing.${secret}`)));
  }
  const formats: readonly string[] | null = ZEGO_STORAGE[provider].formats;
  if (formats && !formats.includes(format)) {
    issues.push(
      error('output.format', zegoMsg('vendor.zego.issue.providerFormats', { formats: formats.join(', ') })),
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
      error(`${prefix}.height`, zegoMsg('vendor.zego.issue.canvasPixels')),
    );
  }
  checkRange(issues, `${prefix}.fps`, mix.fps, limits.fps);
  if (!Number.isInteger(mix.bitrateBps) || mix.bitrateBps <= 0) {
    issues.push(error(`${prefix}.bitrateBps`, zegoMsg('vendor.zego.issue.bitratePositive')));
  } else if (mix.bitrateBps < limits.kbpsWarningBelow) {
    issues.push(
      warning(`${prefix}.bitrateBps`, zegoMsg('vendor.zego.issue.bitrateKbps')),
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
    issues.push(error(at('layoutMode'), zegoMsg('vendor.zego.issue.layoutMode', { mode: mix.layoutMode })));
  }
  if (mix.layoutMode === 'custom') {
    if (mix.regions.length === 0) {
      issues.push(error(at('regions'), zegoMsg('vendor.zego.issue.customNeedsRegion')));
    } else if (mix.regions.length === 1) {
      issues.push(warning(at('regions'), zegoMsg('vendor.zego.issue.customOneRegion')));
    }
    checkRegions(issues, at('regions'), mix.regions, canvas, limits, whiteboardEnabled);
    mix.regions.forEach((r, i) => {
      if (r.backgroundColor !== null) {
        issues.push(warning(at(`regions[${i}].backgroundColor`), zegoMsg('vendor.zego.issue.regionBackgroundColor')));
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
  checkRequiredText(issues, 'roomId', request.roomId, zegoMsg('vendor.zego.field.roomId'));

  if (!mixed && request.streams.length > limits.maxSingleStreams) {
    issues.push(
      warning('streams', zegoMsg('vendor.zego.issue.maxStreams', { max: limits.maxSingleStreams })),
    );
  }
  if (mixed && request.streams.length > 0) {
    issues.push(warning('streams', zegoMsg('vendor.zego.issue.streamListSingleOnly')));
  }
  request.streams.forEach((s, i) => {
    if (s.trim() === '') issues.push(error(`streams[${i}]`, zegoMsg('vendor.zego.issue.streamIdEmpty')));
  });

  if (mixed) {
    const mix = request.mix;
    if (!mix) {
      issues.push(error('mix', msg('issue.mixRequired')));
    } else {
      checkRequiredText(issues, 'mix.outputStreamId', mix.outputStreamId, zegoMsg('vendor.zego.field.mixOutputStreamId'));
      if (!audioOnly) checkVideoConfig(issues, 'mix', mix, limits);
      if (mix.audioBitrateBps !== null && (!Number.isInteger(mix.audioBitrateBps) || mix.audioBitrateBps <= 0)) {
        issues.push(error('mix.audioBitrateBps', zegoMsg('vendor.zego.issue.audioBitratePositive')));
      }
      checkHttpUrl(issues, 'mix.backgroundImage', mix.backgroundImage);
      // Audio-only mixes send no video config, so ZEGO bounds the regions by the largest canvas side only.
      const canvas = audioOnly ? { width: limits.maxCanvasSide, height: limits.maxCanvasSide } : { width: mix.width, height: mix.height };
      issues.push(...validateZegoLayout(mix, request.whiteboard !== null, limits, 'mix', canvas));
    }
    if (audioOnly && request.whiteboard) {
      issues.push(error('whiteboard', zegoMsg('vendor.zego.issue.audioOnlyWhiteboard')));
    }
  } else if (request.mix) {
    issues.push(warning('mix', zegoMsg('vendor.zego.issue.mixIgnored')));
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
    issues.push(warning('fill.frame', zegoMsg('vendor.zego.issue.fillMixedOnly')));
  }
  checkRange(issues, 'maxIdleSec', request.maxIdleSec, limits.maxIdleSec);
  checkRange(issues, 'maxRecordSec', request.maxRecordSec, limits.maxRecordSec);

  if (!limits.formats.includes(fmt)) {
    issues.push(error('output.format', zegoMsg('vendor.zego.issue.format', { format: fmt })));
  }
  if (fmt === 'jpg' && audioOnly) {
    issues.push(error('output.format', zegoMsg('vendor.zego.issue.jpgNeedsVideo')));
  }
  if (fmt === 'jpg') checkRange(issues, 'output.snapshotIntervalSec', request.output.snapshotIntervalSec, limits.snapshotIntervalSec);
  else if (request.output.snapshotIntervalSec !== null) {
    issues.push(warning('output.snapshotIntervalSec', zegoMsg('vendor.zego.issue.snapshotJpgOnly')));
  }
  if (fmt === 'hls') checkRange(issues, 'output.fragmentSec', request.output.fragmentSec, limits.fragmentSec);
  else if (request.output.fragmentSec !== null) {
    issues.push(warning('output.fragmentSec', zegoMsg('vendor.zego.issue.fragmentHlsOnly')));
  }
  if (request.zego.realtimeUploadFragment && fmt !== 'hls') {
    issues.push(warning('zego.realtimeUploadFragment', zegoMsg('vendor.zego.issue.realtimeHlsOnly')));
  }
  if (request.output.fileNamePrefix.length > 0 || request.output.maxFileDurationMin !== null) {
    issues.push(warning('output', zegoMsg('vendor.zego.issue.outputIgnored')));
  }
  if (request.zego.muteSplitThresholdSec !== null) {
    const applies = !mixed && audioOnly && fmt === 'mp3' && request.zego.recordMuteAudio === false;
    if (!applies) {
      issues.push(
        warning('zego.muteSplitThresholdSec', zegoMsg('vendor.zego.issue.muteSplit')),
      );
    }
  }
  checkHttpUrl(issues, 'callbackUrl', request.callbackUrl);

  if (storage) issues.push(...validateZegoStorage(storage, fmt, limits));
  else if (limits.storageRequired) issues.push(error('storageTargetId', msg('issue.storageRequired')));
  return issues;
}
