import { z } from 'zod';
import type { SecretFieldInfo } from '../account-parts';
import { MessageSchema, StorageProviderSchema, TaskStateSchema, type FormField } from '../common';
import type { Locale } from '../messages/locales';
import type { Catalogue, Message } from '../messages/message';
import { LAYOUT_REGION_KINDS, MixLayoutModeSchema, OutputFormatSchema, type FieldIssue, type RecordingRequestBase } from '../request-parts';
import type { StorageTargetShape } from '../storage-providers';

/**
 * The shape every vendor module fills in. Generic code (forms, validation, the task service, the
 * poller) asks these fields and capabilities, never a vendor's name; `vendors/index.ts` lists the
 * modules and narrows the ids.
 */

/** What a vendor can do. An action a vendor lacks is never offered. */
export const CapabilitiesSchema = z.object({
  query: z.boolean(),
  listTasks: z.boolean(),
  pause: z.boolean(),
  resume: z.boolean(),
  updateLayout: z.boolean(),
  updateWhiteboard: z.boolean(),
  snapshot: z.boolean(),
  callbacks: z.boolean(),
  storageTarget: z.boolean(),
  mix: z.boolean(),
  whiteboard: z.boolean(),
  idempotencyKey: z.boolean(),
  /** A pasted start body of the vendor's legacy API can be turned into a request (`tasks:importLegacy`). */
  legacyImport: z.boolean(),
  /**
   * A request can be copied as a command line signed by RecDeck (`tasks:signedCurl`): the signature
   * names no secret (ZEGO's names only the public AppId; Tencent's names the SecretId).
   */
  signedCurl: z.boolean(),
});
/** See {@link CapabilitiesSchema}. */
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** What the layout editor enforces while the operator drags; null on a vendor that cannot mix. */
export const MixLayoutLimitsSchema = z.object({
  layoutModes: z.array(MixLayoutModeSchema),
  regionKinds: z.array(z.enum(LAYOUT_REGION_KINDS)),
  maxRegions: z.number().int(),
  maxWhiteboardRegions: z.number().int(),
  /** Largest canvas side, px; null = no such limit. */
  maxCanvasSide: z.number().int().nullable(),
  /** Largest width × height, px; null = no such limit. */
  maxCanvasPixels: z.number().int().nullable(),
  minCanvasSide: z.number().int(),
});
/** See {@link MixLayoutLimitsSchema}. */
export type MixLayoutLimits = z.infer<typeof MixLayoutLimitsSchema>;

/** What a new request on the New-recording form starts with, and what the vendor does with an empty field. */
export const RequestDefaultsSchema = z.object({
  outputFormat: OutputFormatSchema,
  /** Layout mode of a new mixed request: the vendor's usual built-in template; null = the vendor cannot mix. */
  mixLayoutMode: MixLayoutModeSchema.nullable(),
  /** A new mixed request's output stream id is this prefix + the room id; null = the vendor takes no output stream id. */
  mixOutputStreamPrefix: z.string().nullable(),
  /** The idle stop the vendor applies when `maxIdleSec` is left empty, seconds. */
  maxIdleSec: z.number().int(),
  /** The maximum duration the vendor applies when `maxRecordSec` is left empty, seconds; null = none in the request. */
  maxRecordSec: z.number().int().nullable(),
});
/** See {@link RequestDefaultsSchema}. */
export type RequestDefaults = z.infer<typeof RequestDefaultsSchema>;

/**
 * What the ledger records once the vendor accepted a start. A vendor with a status query stays
 * `starting` until the first read; one without (no read will ever come) is `recording` from here,
 * with this raw status, a start time of now, and its `note` on the task's timeline when asked.
 */
export const AfterStartSchema = z.object({
  state: TaskStateSchema.extract(['starting', 'recording']),
  /** The raw status to store; null = leave it as the vendor last reported (nothing yet). */
  rawStatus: z.string().nullable(),
  /** Add the descriptor's `note` to the timeline, so the operator reads the caveat where the task is. */
  noteOnTimeline: z.boolean(),
});
/** See {@link AfterStartSchema}. */
export type AfterStart = z.infer<typeof AfterStartSchema>;

/** A vendor's descriptor as data, from which forms are drawn; `vendors/index.ts` narrows `id` to a vendor id. */
export const VendorDescriptorBaseSchema = z.object({
  id: z.string(),
  name: MessageSchema,
  capabilities: CapabilitiesSchema,
  /**
   * Normalized request fields the vendor uses, hence the form shows. A path names a field and all
   * below it (`fill`, the vendor's own options), so a section the vendor uses only in part lists its
   * fields one by one (`output.format`, `whiteboard.initParam`).
   */
  requestFields: z.array(z.string()),
  /** Storage providers the vendor uploads to (empty: the vendor stores files itself). */
  storageProviders: z.array(StorageProviderSchema),
  /** A start needs a storage target (the vendor has no default storage of its own). */
  storageRequired: z.boolean(),
  /** Output formats the vendor writes, in the order of `OUTPUT_FORMATS` (the form's order). */
  outputFormats: z.array(OutputFormatSchema),
  layout: MixLayoutLimitsSchema.nullable(),
  defaults: RequestDefaultsSchema,
  afterStart: AfterStartSchema,
  /** Days back the vendor's status query reaches; null = no documented window (or no query: see `capabilities.query`). */
  queryWindowDays: z.number().nullable(),
  /** Requests per second per app, by action (`other` for the rest). */
  ratePerSecond: z.record(z.string(), z.number()),
  /** The vendor's limits, passed to the contract's validators (`ZEGO_LIMITS` …). */
  limits: z.record(z.string(), z.unknown()),
  /** Plain-language caveat shown on the vendor's forms and task cards (e.g. TRRO: status only from callbacks). */
  note: MessageSchema.nullable(),
});

/** The descriptor of the vendor whose id is `Id`. */
export type VendorDescriptorOf<Id extends string> = Omit<z.infer<typeof VendorDescriptorBaseSchema>, 'id'> & { id: Id };

/** The account side of a vendor module. */
export interface VendorAccountContract {
  /** The vendor's own account fields (`fields` of the draft). */
  fields: z.ZodObject;
  /** See `accountSchemas` in `account-parts.ts`. */
  draft: z.ZodObject;
  createInput: z.ZodObject;
  stored: z.ZodObject;
  /** Every secret field, in form order; the optional ones are the profile's `optionalSecretFields`. */
  secretFields: readonly [string, ...string[]];
  secretInfo: readonly SecretFieldInfo[];
  /** The account form: keys are input paths (`fields.appId`); `secret` keys are secret field names. */
  form: readonly FormField[];
}

/** A vendor's own texts in every language (keys `vendor.<vendor id>.…`), merged into the catalogues by `messages/index.ts`. */
export type VendorMessages = Readonly<Record<Locale, Catalogue>>;

/**
 * What a vendor is and how it speaks, as data and pure functions that need no validator: its
 * descriptor, its texts, how to read its finish reasons and which secrets an account may lack. The
 * vendor registry (`vendors/index.ts`) holds these, so the renderer's first paint (the Live view, the
 * catalogues) reads every vendor without loading zod; `VendorContract` adds the schemas and validator.
 */
export interface VendorProfile<Id extends string = string> {
  id: Id;
  descriptor: VendorDescriptorOf<Id>;
  messages: VendorMessages;
  /** A finish reason this vendor's tasks store, as a message; null when it is not one RecDeck knows. */
  finishReason(reason: string): Message | null;
  /**
   * Finish reasons that do not mean the task ended on its own: a stop the operator asked for (TIW
   * `USER_CALL`) or what became of the files after any end (ZEGO `upload partially failed`). Any other
   * reason on an ended task is an end nobody asked for.
   */
  expectedFinishReasons: readonly string[];
  /** Secret fields an account works without (they only verify callbacks). */
  optionalSecretFields: readonly string[];
}

/** A vendor module of the contract: everything the three processes know about one vendor, as data and pure functions. */
export interface VendorContract<Id extends string = string> extends VendorProfile<Id> {
  account: VendorAccountContract;
  /** The vendor's own request options: their key in the normalized request and their schema (every field defaulted). */
  request: { key: string; options: z.ZodType };
  /** The vendor's documented limits, typed (the descriptor carries them as JSON). */
  limits: object;
  /**
   * Every documented constraint on a normalized request, with its field paths. `storage` is the chosen
   * target (null when none); `limits` default to the module's own. Main runs it before a start, the
   * renderer while the operator types.
   */
  validate(request: RecordingRequestBase, storage: StorageTargetShape | null, limits?: object): FieldIssue[];
}
