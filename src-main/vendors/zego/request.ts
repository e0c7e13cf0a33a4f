import { ZEGO_STORAGE, type LayoutRegion, type MixSettings, type RecordingRequest, type StorageSecretField, type StorageTargetDraft } from '@contract';
import { redactDeep } from '../shared/http';

/** A storage target as the ZEGO client needs it at send time (the non-secret fields of a stored target). */
export type ZegoStorageTarget = Pick<StorageTargetDraft, 'provider' | 'region' | 'bucket' | 'endpoint' | 'pathPrefix' | 'title' | 'storageLocation' | 'subAppId'>;

/** The target and its keys, injected only into the body that goes on the wire. */
export interface ZegoStorage {
  target: ZegoStorageTarget;
  keys: Partial<Record<StorageSecretField, string>>;
}

export type ZegoBody = Record<string, unknown>;

const SECRET_FIELDS = new Set(['AccessKeyId', 'AccessKeySecret', 'SecretId', 'SecretKey']);

/** A copy of a ZEGO body safe to store or show: every storage key is `***`. */
export function redactZegoBody<T>(body: T): T {
  return redactDeep(body, SECRET_FIELDS);
}

/** `#RRGGBB` → ZEGO's `0xRRGGBB00` integer. */
export function colorToZego(hex: string): number {
  return Number.parseInt(hex.slice(1), 16) * 256;
}

const STREAM_TYPES: Record<RecordingRequest['streamType'], number> = { audio: 1, video: 2, 'audio+video': 3, 'audio,video': 4 };
const MIX_MODES: Record<string, number> = { custom: 1, grid: 2, horizontal: 3, vertical: 4, floating: 5 };
const FRAME_FILL: Record<RecordingRequest['fill']['frame'], number> = { last: 1, color: 2, none: 3 };

function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** One layout region as a ZEGO MixInputList item (Right/Bottom are edges, not sizes). */
export function regionToZego(r: LayoutRegion): ZegoBody {
  return dropNulls({
    StreamId: r.streamId,
    ViewType: r.kind === 'whiteboard' ? 2 : 1,
    Top: r.top,
    Left: r.left,
    Bottom: r.top + r.height,
    Right: r.left + r.width,
    Layer: r.layer,
    FillMode: r.fillMode === 'fit' ? 2 : 1,
    BackgroundImage: r.backgroundImage,
  });
}

/** The UpdateLayout body fields (without TaskId) for a layout. Custom regions are sent only with MixMode 1. */
export function layoutToZego(mix: Pick<MixSettings, 'layoutMode' | 'regions' | 'maxResolutionStreamId'>): ZegoBody {
  const mode = MIX_MODES[mix.layoutMode] ?? 0;
  return dropNulls({
    MixMode: mode,
    MixInputList: mode === 1 ? mix.regions.map(regionToZego) : null,
    MixMaxResolutionStreamId: mode >= 3 ? mix.maxResolutionStreamId : null,
  });
}

function mixConfig(request: RecordingRequest, mix: MixSettings): ZegoBody {
  return dropNulls({
    ...layoutToZego(mix),
    FillMode: mix.layoutMode === 'custom' ? null : mix.fillMode === 'fit' ? 2 : 1,
    MixOutputStreamId: mix.outputStreamId ?? '',
    MixOutputVideoConfig:
      request.streamType === 'audio' ? null : { Width: mix.width, Height: mix.height, Fps: mix.fps, Bitrate: mix.bitrateBps },
    MixOutputAudioConfig: mix.audioBitrateBps === null ? null : { Bitrate: mix.audioBitrateBps },
    MixOutputBackgroundColor: mix.backgroundColor === null ? null : colorToZego(mix.backgroundColor),
    MixOutputBackgroundImage: mix.backgroundImage,
    IsAlwaysMix: mix.alwaysMix ? true : null,
  });
}

/** StorageParams for a target; the keys land only here. */
export function storageToZego(storage: ZegoStorage): ZegoBody {
  const { target, keys } = storage;
  const vendor = ZEGO_STORAGE[target.provider].vendor;
  if (target.provider === 'aliyun-vod') {
    return {
      Vendor: vendor,
      AlibabaCloudVodParams: dropNulls({
        Region: target.region,
        AccessKeyId: keys.accessKeyId,
        AccessKeySecret: keys.accessKeySecret,
        Title: target.title,
        StorageLocation: target.storageLocation,
      }),
    };
  }
  if (target.provider === 'tencent-vod') {
    return {
      Vendor: vendor,
      TencentCloudVodParams: dropNulls({ SecretId: keys.secretId, SecretKey: keys.secretKey, Region: target.region, SubAppId: target.subAppId }),
    };
  }
  return dropNulls({
    Vendor: vendor,
    Region: target.region,
    Bucket: target.bucket,
    AccessKeyId: keys.accessKeyId,
    AccessKeySecret: keys.accessKeySecret,
    EndPoint: target.provider === 's3-compatible' ? target.endpoint : null,
  });
}

/**
 * The StartRecord body for a normalized request. It assumes the request passed
 * `validateZegoRequest`; fields that do not apply to the chosen mode or format are left out.
 */
export function buildStartRecordBody(request: RecordingRequest, storage: ZegoStorage | null, clientTaskId: string | null): ZegoBody {
  const mixed = request.mode === 'mixed';
  const wb = request.whiteboard;
  const fmt = request.output.format;
  const input = dropNulls({
    RecordMode: mixed ? 2 : 1,
    StreamType: STREAM_TYPES[request.streamType],
    RecordStreamList: !mixed && request.streams.length > 0 ? request.streams.map((s) => ({ StreamId: s })) : null,
    FillBlank: request.fill.blank,
    FillFrame: mixed
      ? dropNulls({
          FrameFillMode: FRAME_FILL[request.fill.frame],
          FrameFillColor: request.fill.frame === 'color' && request.fill.frameColor ? colorToZego(request.fill.frameColor) : null,
        })
      : null,
    RecordMuteAudio: request.zego.recordMuteAudio === null ? null : request.zego.recordMuteAudio ? 1 : 2,
    RecordMuteAudioSplitThreshold: request.zego.muteSplitThresholdSec,
    HasWhiteboard: wb !== null,
    Whiteboard: wb
      ? [
          dropNulls({
            HorizontalRatio: wb.horizontalRatio,
            VerticalRatio: wb.verticalRatio,
            Width: wb.width,
            Height: wb.height,
            WhiteboardId: wb.whiteboardId,
            BackgroundColor: wb.backgroundColor === null ? null : colorToZego(wb.backgroundColor),
            IsPPTAnimation: wb.pptAnimation ? true : null,
            PPTAnimationFps: wb.pptAnimationFps,
          }),
        ]
      : null,
    MaxIdleTime: request.maxIdleSec,
    MaxRecordTime: request.maxRecordSec,
    MixConfig: mixed && request.mix ? mixConfig(request, request.mix) : null,
  });
  const output = dropNulls({
    OutputFileFormat: fmt,
    OutputFolder: request.output.folder ?? storage?.target.pathPrefix ?? null,
    OutputFileRule: 1,
    SnapshotInterval: fmt === 'jpg' ? request.output.snapshotIntervalSec : null,
    CallbackUrl: request.callbackUrl,
    FragmentSeconds: fmt === 'hls' ? request.output.fragmentSec : null,
    RealtimeUploadFragment: fmt === 'hls' && request.zego.realtimeUploadFragment ? true : null,
  });
  return dropNulls({
    RoomId: request.roomId,
    RecordInputParams: input,
    RecordOutputParams: output,
    StorageParams: storage ? storageToZego(storage) : null,
    ClientTaskId: clientTaskId,
  });
}
