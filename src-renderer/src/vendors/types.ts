import type { Locale } from '@contract';
import type { Component } from 'vue';

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
 * What only the renderer knows about one vendor: the form parts no other vendor has. Everything
 * else (defaults, limits, formats, validation) is the contract's vendor module, which generic code
 * reads through `vendors/descriptors.ts`.
 */
export interface VendorUi {
  /** Form parts only this vendor has; each edits the request through the form's request editor. */
  parts: { room?: Component; whiteboard?: Component; options?: Component };
}
