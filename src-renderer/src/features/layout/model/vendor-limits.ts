import { RecordingRequestSchema, type FieldIssue, type MixSettings, type RecordingRequest, type VendorId } from '@contract';
import { TIW_LIMITS, validateTiwRequest, type TiwLimits } from '@contract/validate/tencent-tiw';
import { TRRO_LIMITS, validateTrroRequest, type TrroLimits } from '@contract/validate/tencent-trro';
import { ZEGO_LIMITS, validateZegoRequest, type ZegoLimits, type ZegoStorageShape } from '@contract/validate/zego';

/**
 * Vendor limits as the renderer uses them. The descriptor's `limits` arrive as JSON, so values JSON
 * cannot carry (TRRO's file-name RegExp) fall back to the contract's own constants; everything else
 * comes from the descriptor.
 */

/** Limits per vendor, typed. */
export interface LimitsByVendor {
  zego: ZegoLimits;
  'tencent-tiw': TiwLimits;
  'tencent-trro': TrroLimits;
}

const DEFAULTS: LimitsByVendor = { zego: ZEGO_LIMITS, 'tencent-tiw': TIW_LIMITS, 'tencent-trro': TRRO_LIMITS };

/** Descriptor limits over the contract defaults, key by key, where the kinds agree. */
export function mergeLimits<V extends VendorId>(vendor: V, raw: Record<string, unknown> | null | undefined): LimitsByVendor[V] {
  const base = DEFAULTS[vendor] as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(raw ?? {})) {
    const fallback = base[key];
    if (fallback instanceof RegExp) continue;
    if (fallback === undefined || typeof fallback === typeof value) out[key] = value;
  }
  return out as unknown as LimitsByVendor[V];
}

/** What the layout editor enforces while you drag. */
export interface LayoutLimits {
  layoutModes: readonly string[];
  regionKinds: readonly string[];
  maxRegions: number;
  maxWhiteboardRegions: number;
  /** Largest canvas side; null = no such limit. */
  maxCanvasSide: number | null;
  maxCanvasPixels: number | null;
  minCanvasSide: number;
}

/** The layout part of a vendor's limits. */
export function layoutLimitsOf(vendor: VendorId, raw: Record<string, unknown> | null | undefined): LayoutLimits {
  if (vendor === 'zego') {
    const l = mergeLimits('zego', raw);
    return {
      layoutModes: l.layoutModes,
      regionKinds: l.regionKinds,
      maxRegions: l.maxRegions,
      maxWhiteboardRegions: l.maxWhiteboardRegions,
      maxCanvasSide: l.maxCanvasSide,
      maxCanvasPixels: l.maxCanvasPixels,
      minCanvasSide: 1,
    };
  }
  if (vendor === 'tencent-tiw') {
    const l = mergeLimits('tencent-tiw', raw);
    return {
      layoutModes: l.layoutModes,
      regionKinds: l.layout.regionKinds,
      maxRegions: l.layout.maxRegions,
      maxWhiteboardRegions: l.layout.maxWhiteboardRegions,
      maxCanvasSide: l.layoutSize.max,
      maxCanvasPixels: null,
      minCanvasSide: l.layoutSize.min,
    };
  }
  return { layoutModes: [], regionKinds: [], maxRegions: 0, maxWhiteboardRegions: 0, maxCanvasSide: null, maxCanvasPixels: null, minCanvasSide: 1 };
}

/** Runs the vendor's own validator with the descriptor's limits. */
export function validateRequest(
  vendor: VendorId,
  request: RecordingRequest,
  raw: Record<string, unknown> | null | undefined,
  storage: ZegoStorageShape | null,
): FieldIssue[] {
  if (vendor === 'zego') return validateZegoRequest(request, storage, mergeLimits('zego', raw));
  if (vendor === 'tencent-tiw') return validateTiwRequest(request, mergeLimits('tencent-tiw', raw));
  return validateTrroRequest(request, mergeLimits('tencent-trro', raw));
}

let baseRequest: RecordingRequest | null = null;

/**
 * The vendor validator's verdict on a layout alone: the mix is put into an otherwise empty mixed
 * request and only the `mix…` issues are kept, so the editor shows the very messages a start or a
 * layout update would get.
 */
export function layoutIssues(
  vendor: VendorId,
  mix: MixSettings,
  raw: Record<string, unknown> | null | undefined,
  options: { whiteboard: boolean; audioOnly?: boolean } = { whiteboard: false },
): FieldIssue[] {
  if (vendor === 'tencent-trro') return [];
  baseRequest ??= RecordingRequestSchema.parse({ roomId: '1', mode: 'mixed' });
  const request: RecordingRequest = {
    ...baseRequest,
    mix,
    streamType: options.audioOnly ? 'audio' : 'audio+video',
    whiteboard: options.whiteboard
      ? { whiteboardId: null, horizontalRatio: 16, verticalRatio: 9, width: null, height: null, backgroundColor: null, pptAnimation: false, pptAnimationFps: null, initParam: null }
      : null,
  };
  return validateRequest(vendor, request, raw, null).filter((i) => i.path === 'mix' || i.path.startsWith('mix.'));
}
