import { z } from 'zod';
import { AppInfoSchema, PingInputSchema, PingOutputSchema, PingedEventSchema } from './app';
import type { EventChannel, InvokeChannel } from './channel-names';

/** An empty input: channels that take nothing still take exactly one object. */
export const EmptyInputSchema = z.strictObject({});

/** The schemas of one invoke channel. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * Input and output schema per invoke channel. Every call takes exactly one object argument so
 * each input is a schema with room to grow. `satisfies` makes a missing or extra channel a type error.
 */
export const INVOKE_SCHEMAS = {
  'app:info': { input: EmptyInputSchema, output: AppInfoSchema },
  'app:ping': { input: PingInputSchema, output: PingOutputSchema },
} as const satisfies Record<InvokeChannel, ChannelSpec>;

/** Payload schema per event channel. */
export const EVENT_SCHEMAS = {
  'app:pinged': PingedEventSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

/** Parsed input type of channel `C`. */
export type InputOf<C extends InvokeChannel> = z.infer<(typeof INVOKE_SCHEMAS)[C]['input']>;
/** Input type of channel `C` as a caller may write it (defaults optional). */
export type RawInputOf<C extends InvokeChannel> = z.input<(typeof INVOKE_SCHEMAS)[C]['input']>;
/** Output type of channel `C`. */
export type OutputOf<C extends InvokeChannel> = z.infer<(typeof INVOKE_SCHEMAS)[C]['output']>;
/** Payload type of event `E`. */
export type PayloadOf<E extends EventChannel> = z.infer<(typeof EVENT_SCHEMAS)[E]>;
