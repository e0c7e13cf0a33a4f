import { z } from 'zod';
import { MessageSchema } from './common';
import { OUTPUT_FORMATS } from './output-formats';

export * from './output-formats';

/**
 * The parts of RecDeck's normalized recording request that every vendor shares: layout, whiteboard,
 * output and the request without the vendors' own options. `recording.ts` adds those options (each
 * vendor module defines its own) to make the full request; the vendor validators take this part
 * plus their own options, so they never depend on another vendor.
 */

/** `#RRGGBB`. Vendors that want `0xRRGGBB00` integers convert at the edge. */
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #RRGGBB');

/** What a layout region shows. `whiteboard` and `screen` exist only where the vendor has them. */
export const LAYOUT_REGION_KINDS = ['stream', 'whiteboard', 'screen'] as const;
/** One of {@link LAYOUT_REGION_KINDS}. */
export type LayoutRegionKind = (typeof LAYOUT_REGION_KINDS)[number];

/** One region of a mixed layout, in output-canvas pixels, origin top-left. */
export const LayoutRegionSchema = z.object({
  /** Stable id for the editor (drag, undo). */
  id: z.string().min(1).max(64),
  left: z.number().int(),
  top: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  /** z-order; higher is drawn on top. */
  layer: z.number().int(),
  kind: z.enum(LAYOUT_REGION_KINDS).default('stream'),
  /** Bound stream (ZEGO StreamId, TIW user id); null = the next stream to join. */
  streamId: z.string().max(256).nullable().default(null),
  fillMode: z.enum(['crop', 'fit']).default('crop'),
  backgroundColor: ColorSchema.nullable().default(null),
  /** Shown while the bound stream is absent (http/https URL). */
  backgroundImage: z.string().max(2048).nullable().default(null),
});
/** See {@link LayoutRegionSchema}. */
export type LayoutRegion = z.infer<typeof LayoutRegionSchema>;

/**
 * How the vendor arranges streams. `custom` uses `regions`; the others are the vendors' built-in
 * templates (ZEGO MixMode 2–5, TIW MixStream ModelId 1–2).
 */
export const MIX_LAYOUT_MODES = ['custom', 'grid', 'horizontal', 'vertical', 'floating', 'tiw-model-1', 'tiw-model-2'] as const;
/** See {@link MIX_LAYOUT_MODES}. */
export const MixLayoutModeSchema = z.enum(MIX_LAYOUT_MODES);
/** One of {@link MIX_LAYOUT_MODES}. */
export type MixLayoutMode = z.infer<typeof MixLayoutModeSchema>;

/** The mixed picture: canvas, encoding and layout. */
export const MixSettingsSchema = z.object({
  layoutMode: MixLayoutModeSchema.default('grid'),
  regions: z.array(LayoutRegionSchema).default([]),
  width: z.number().int(),
  height: z.number().int(),
  fps: z.number().int(),
  /** Video bitrate in bits per second (1.5 Mbps = 1500000). */
  bitrateBps: z.number().int(),
  audioBitrateBps: z.number().int().nullable().default(null),
  backgroundColor: ColorSchema.nullable().default(null),
  backgroundImage: z.string().max(2048).nullable().default(null),
  /** Output stream id of the mix (ZEGO MixOutputStreamId). */
  outputStreamId: z.string().max(256).nullable().default(null),
  /** Stream in the big view for the built-in templates. */
  maxResolutionStreamId: z.string().max(256).nullable().default(null),
  /** Fill for the built-in templates. */
  fillMode: z.enum(['crop', 'fit']).default('crop'),
  /** Start mixing before anyone publishes (ZEGO IsAlwaysMix). */
  alwaysMix: z.boolean().default(false),
});
/** See {@link MixSettingsSchema}. */
export type MixSettings = z.infer<typeof MixSettingsSchema>;

/** Whiteboard capture (ZEGO whiteboard recording; TIW's whiteboard canvas). */
export const WhiteboardSettingsSchema = z.object({
  whiteboardId: z.string().max(256).nullable().default(null),
  horizontalRatio: z.number().int(),
  verticalRatio: z.number().int(),
  width: z.number().int().nullable().default(null),
  height: z.number().int().nullable().default(null),
  backgroundColor: ColorSchema.nullable().default(null),
  pptAnimation: z.boolean().default(false),
  pptAnimationFps: z.number().int().nullable().default(null),
  /** TIW whiteboard SDK init parameters, passed through (e.g. `{"ratio":"16:9"}`). */
  initParam: z.string().max(4096).nullable().default(null),
});
/** See {@link WhiteboardSettingsSchema}. */
export type WhiteboardSettings = z.infer<typeof WhiteboardSettingsSchema>;

/** One of {@link OUTPUT_FORMATS}. */
export const OutputFormatSchema = z.enum(OUTPUT_FORMATS);

/** Where and how files are written. */
export const OutputSettingsSchema = z.object({
  format: OutputFormatSchema.default('mp4'),
  folder: z.string().max(1024).nullable().default(null),
  /** Path segments (TRRO FileNamePrefix). */
  fileNamePrefix: z.array(z.string().max(128)).max(16).default([]),
  snapshotIntervalSec: z.number().int().nullable().default(null),
  /** HLS segment length (ZEGO FragmentSeconds). */
  fragmentSec: z.number().int().nullable().default(null),
  /** Split files after this many minutes (TRRO MaxMediaFileDuration). */
  maxFileDurationMin: z.number().int().nullable().default(null),
});

/**
 * The normalized request without the vendors' own options: what the operator fills in, whatever the
 * vendor. Each vendor adapter maps it to its own body; fields a vendor has no use for are ignored
 * there, and the vendor's descriptor (`requestFields`) tells the renderer which fields to show.
 */
export const RecordingRequestBaseSchema = z.object({
  /** Room to record. TIW: the integer room number as text. TRRO: the device id. */
  roomId: z.string().min(1).max(256),
  mode: z.enum(['single', 'mixed']).default('single'),
  /** `audio+video` in one file, or `audio,video` as separate files (ZEGO StreamType 4). */
  streamType: z.enum(['audio', 'video', 'audio+video', 'audio,video']).default('audio+video'),
  /** Streams to record in single mode; empty = every stream in the room. */
  streams: z.array(z.string().min(1).max(256)).default([]),
  mix: MixSettingsSchema.nullable().default(null),
  whiteboard: WhiteboardSettingsSchema.nullable().default(null),
  fill: z
    .object({
      blank: z.boolean().default(false),
      frame: z.enum(['last', 'color', 'none']).default('last'),
      frameColor: ColorSchema.nullable().default(null),
    })
    .prefault({}),
  output: OutputSettingsSchema.prefault({}),
  maxIdleSec: z.number().int().nullable().default(null),
  maxRecordSec: z.number().int().nullable().default(null),
  /** Storage target by id; its keys are injected only when the request is sent. */
  storageTargetId: z.string().nullable().default(null),
  callbackUrl: z.string().max(2048).nullable().default(null),
});
/** See {@link RecordingRequestBaseSchema}. */
export type RecordingRequestBase = z.infer<typeof RecordingRequestBaseSchema>;

/** One problem with a request, at a field path. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  /** `warning` = allowed but probably a mistake (e.g. a bitrate that looks like kbps). */
  severity: z.enum(['error', 'warning']).default('error'),
  message: MessageSchema,
});
/** See {@link FieldIssueSchema}. */
export type FieldIssue = z.infer<typeof FieldIssueSchema>;
