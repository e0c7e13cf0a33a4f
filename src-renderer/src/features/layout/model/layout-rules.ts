import { RecordingRequestSchema, type FieldIssue, type MixLayoutLimits, type MixSettings, type RecordingRequest, type VendorId } from '@contract';
import { descriptorOf } from '../../../vendors/descriptors';
import { validateFor } from '../../../vendors/validate';
import { showsField } from '../../recording/model/recording-request';

/** What the layout editor enforces while you drag, and which vendor-only mix fields it shows. */
export interface LayoutLimits extends MixLayoutLimits {
  /** The vendor takes the stream shown large in its built-in modes (`maxResolutionStreamId`). */
  bigStream: boolean;
  /** The vendor publishes the mix as a stream of its own (`outputStreamId`). */
  outputStream: boolean;
}

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

/** The layout rules of a vendor's descriptor, and which of the mix's vendor-only fields its request takes. */
export function layoutLimitsOf(vendor: VendorId): LayoutLimits {
  const descriptor = descriptorOf(vendor);
  if (!descriptor?.layout) return NO_LAYOUT;
  return {
    ...descriptor.layout,
    bigStream: showsField(descriptor, 'mix.maxResolutionStreamId'),
    outputStream: showsField(descriptor, 'mix.outputStreamId'),
  };
}

let baseRequest: RecordingRequest | null = null;

/**
 * The vendor validator's verdict on a layout alone: the mix is put into an otherwise empty mixed
 * request and only the `mix…` issues are kept, so the editor shows the very messages a start or a
 * layout update would get.
 */
export function layoutIssues(vendor: VendorId, mix: MixSettings, options: { whiteboard: boolean; audioOnly?: boolean } = { whiteboard: false }): FieldIssue[] {
  if (!descriptorOf(vendor)?.layout) return [];
  baseRequest ??= RecordingRequestSchema.parse({ roomId: '1', mode: 'mixed' });
  const request: RecordingRequest = {
    ...baseRequest,
    mix,
    streamType: options.audioOnly ? 'audio' : 'audio+video',
    whiteboard: options.whiteboard
      ? { whiteboardId: null, horizontalRatio: 16, verticalRatio: 9, width: null, height: null, backgroundColor: null, pptAnimation: false, pptAnimationFps: null, initParam: null }
      : null,
  };
  return validateFor(vendor, request, null).filter((i) => i.path === 'mix' || i.path.startsWith('mix.'));
}
