import type { LayoutRegionKind, MixLayoutMode, OutputFormat } from '../../request-parts';
import { STORAGE_PROVIDERS, type StorageProvider } from '../../storage-providers';
import type { IntRange } from '../checks';

/** The files ZEGO writes (`OutputFileFormat`). */
export const ZEGO_OUTPUT_FORMATS = ['mp4', 'flv', 'hls', 'jpg', 'mp3'] as const satisfies readonly OutputFormat[];

/** MixMode 1 (custom) and the built-in templates 2–5. */
export const ZEGO_LAYOUT_MODES = ['custom', 'grid', 'horizontal', 'vertical', 'floating'] as const satisfies readonly MixLayoutMode[];

/** ViewType 1 (a stream) and 2 (the whiteboard). */
export const ZEGO_REGION_KINDS = ['stream', 'whiteboard'] as const satisfies readonly LayoutRegionKind[];

/** ZEGO storage providers: every provider, StorageParams `Vendor` 1–10 in that order. */
export const ZEGO_STORAGE_PROVIDERS = STORAGE_PROVIDERS;

/** How ZEGO takes one storage provider (docs/vendors/zego.md §4.1.3). */
export interface ZegoStorageRule {
  /** StorageParams `Vendor`. */
  vendor: number;
  /** Output formats ZEGO can upload to it; null = any. */
  formats: readonly string[] | null;
}

/** StorageParams `Vendor` and the accepted formats of each provider. */
export const ZEGO_STORAGE = {
  'amazon-s3': { vendor: 1, formats: null },
  'aliyun-oss': { vendor: 2, formats: null },
  'tencent-cos': { vendor: 3, formats: null },
  'qiniu-kodo': { vendor: 4, formats: null },
  'aliyun-vod': { vendor: 5, formats: ['mp4', 'flv'] },
  'tencent-vod': { vendor: 6, formats: ['mp4', 'flv', 'jpg', 'mp3'] },
  'huawei-obs': { vendor: 7, formats: null },
  'google-gcs': { vendor: 8, formats: null },
  'china-mobile-eos': { vendor: 9, formats: null },
  's3-compatible': { vendor: 10, formats: null },
} as const satisfies Record<StorageProvider, ZegoStorageRule>;

/** ZEGO Cloud Recording limits (docs/vendors/zego.md §4, §11), passed to the validator as data. */
export interface ZegoLimits {
  maxCanvasSide: number;
  maxCanvasPixels: number;
  fps: IntRange;
  /** Video bitrates below this (bps) probably were meant as kbps. */
  kbpsWarningBelow: number;
  maxIdleSec: IntRange;
  maxRecordSec: IntRange;
  snapshotIntervalSec: IntRange;
  fragmentSec: IntRange;
  pptAnimationFps: IntRange;
  maxRegions: number;
  maxWhiteboardRegions: number;
  /** Streams one single-stream task records; more are ignored by ZEGO. */
  maxSingleStreams: number;
  formats: readonly string[];
  layoutModes: readonly string[];
  regionKinds: readonly string[];
  storageProviders: readonly string[];
  /** ZEGO documents StorageParams as required (one revision says the console default applies). */
  storageRequired: boolean;
}

/** ZEGO's documented limits. MaxRecordTime's upper bound may be raised (48 h) per account. */
export const ZEGO_LIMITS: ZegoLimits = {
  maxCanvasSide: 1920,
  maxCanvasPixels: 1920 * 1080,
  fps: { min: 5, max: 30 },
  kbpsWarningBelow: 10_000,
  maxIdleSec: { min: 5, max: 86_400 },
  maxRecordSec: { min: 300, max: 86_400 },
  snapshotIntervalSec: { min: 5, max: 3600 },
  fragmentSec: { min: 2, max: 60 },
  pptAnimationFps: { min: 1, max: 30 },
  maxRegions: 25,
  maxWhiteboardRegions: 1,
  maxSingleStreams: 36,
  formats: ZEGO_OUTPUT_FORMATS,
  layoutModes: ZEGO_LAYOUT_MODES,
  regionKinds: ZEGO_REGION_KINDS,
  storageProviders: ZEGO_STORAGE_PROVIDERS,
  storageRequired: true,
};
