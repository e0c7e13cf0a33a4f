import type { FieldIssue, Locale, MixSettings, RecordingRequest } from '@contract';
import type { ZegoStorageShape } from '@contract/validate/zego';
import type { Component } from 'vue';

/** A vendor descriptor's `limits` as they arrive over IPC (JSON). */
export type RawLimits = Record<string, unknown> | null | undefined;

/** A storage target as the vendors' validators see it: fields, and only whether each key is set. */
export type StorageShape = ZegoStorageShape;

/** What the layout editor enforces while you drag, and which vendor-only mix fields it shows. */
export interface LayoutLimits {
  layoutModes: readonly string[];
  regionKinds: readonly string[];
  maxRegions: number;
  maxWhiteboardRegions: number;
  /** Largest canvas side; null = no such limit. */
  maxCanvasSide: number | null;
  maxCanvasPixels: number | null;
  minCanvasSide: number;
  /** The vendor takes the stream shown large in its built-in modes (`maxResolutionStreamId`). */
  bigStream: boolean;
  /** The vendor publishes the mix as a stream of its own (`outputStreamId`). */
  outputStream: boolean;
}

/** Vendor text: its short name, how it calls a room, and the labels of its own form parts. */
export interface VendorMessages {
  name: string;
  roomId: string;
  roomHelp: string;
  [key: string]: string | Record<string, string>;
}

/** A vendor folder's `messages.ts`: its text in every language RecDeck speaks. */
export type VendorText = Record<Locale, VendorMessages>;

/**
 * Everything the renderer knows about one vendor beyond its descriptor and its text: request
 * defaults, how to read its limits, its validator, and the form parts only it has. Generic code asks this,
 * never a vendor's name.
 */
export interface VendorUi {
  /** Values a new account of this vendor starts with, keyed like its account form. */
  accountDefaults: Readonly<Record<string, unknown>>;
  /** The output format a new request starts with. */
  defaultFormat: RecordingRequest['output']['format'];
  /** The vendor-specific part of the mix a new mixed recording starts with. */
  defaultMix(roomId: string): Pick<MixSettings, 'layoutMode' | 'outputStreamId'>;
  /** Output formats the vendor records. */
  outputFormats(limits: RawLimits): readonly string[];
  /** The layout rules; null when the vendor does not mix. */
  layout(limits: RawLimits): LayoutLimits | null;
  /** The vendor's own validator with the descriptor's limits. */
  validate(request: RecordingRequest, limits: RawLimits, storage: StorageShape | null): FieldIssue[];
  /** A legacy start body of this vendor can be pasted into New recording (`tasks:importLegacy`). */
  legacyImport: boolean;
  /** Request fields inside a section the descriptor lists that this vendor nevertheless does not take. */
  hiddenFields: readonly string[];
  /** Form parts only this vendor has; each edits the request through the form's request editor. */
  parts: { room?: Component; whiteboard?: Component; options?: Component };
}
