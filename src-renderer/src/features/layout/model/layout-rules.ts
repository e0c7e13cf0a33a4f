import { RecordingRequestSchema, type FieldIssue, type MixSettings, type RecordingRequest, type VendorId } from '@contract';
import { vendorUi } from '../../../vendors/registry';
import type { LayoutLimits, RawLimits } from '../../../vendors/types';

export type { LayoutLimits } from '../../../vendors/types';

/** What a vendor that does not mix allows: nothing. */
const NO_LAYOUT: LayoutLimits = {
  layoutModes: [],
  regionKinds: [],
  maxRegions: 0,
  maxWhiteboardRegions: 0,
  maxCanvasSide: null,
  maxCanvasPixels: null,
  minCanvasSide: 1,
  bigStream: false,
  outputStream: false,
};

/** The layout part of a vendor's limits (the descriptor's `limits` over the contract's). */
export function layoutLimitsOf(vendor: VendorId, raw: RawLimits): LayoutLimits {
  return vendorUi(vendor).layout(raw) ?? NO_LAYOUT;
}

let baseRequest: RecordingRequest | null = null;

/**
 * The vendor validator's verdict on a layout alone: the mix is put into an otherwise empty mixed
 * request and only the `mix…` issues are kept, so the editor shows the very messages a start or a
 * layout update would get.
 */
export function layoutIssues(vendor: VendorId, mix: MixSettings, raw: RawLimits, options: { whiteboard: boolean; audioOnly?: boolean } = { whiteboard: false }): FieldIssue[] {
  const ui = vendorUi(vendor);
  if (ui.layout(raw) === null) return [];
  baseRequest ??= RecordingRequestSchema.parse({ roomId: '1', mode: 'mixed' });
  const request: RecordingRequest = {
    ...baseRequest,
    mix,
    streamType: options.audioOnly ? 'audio' : 'audio+video',
    whiteboard: options.whiteboard
      ? { whiteboardId: null, horizontalRatio: 16, verticalRatio: 9, width: null, height: null, backgroundColor: null, pptAnimation: false, pptAnimationFps: null, initParam: null }
      : null,
  };
  return ui.validate(request, raw, null).filter((i) => i.path === 'mix' || i.path.startsWith('mix.'));
}
