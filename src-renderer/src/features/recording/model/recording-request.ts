import {
  issueMessage,
  RecordingRequestSchema,
  type FieldIssue,
  type MixSettings,
  type RecordingRequest,
  type StorageTarget,
  type StorageTargetShape,
  type VendorDescriptor,
  type WhiteboardSettings,
} from '@contract';
import type { z } from 'zod';

/** Pure helpers of the New-recording form: defaults per vendor, which fields show, issue paths. */

/** A request with every default filled and an empty room. */
export function emptyRequest(): RecordingRequest {
  return { ...RecordingRequestSchema.parse({ roomId: '-' }), roomId: '' };
}

/** Storage targets a vendor can upload to. */
export function usableStorage(descriptor: VendorDescriptor, targets: readonly StorageTarget[]): StorageTarget[] {
  const providers: readonly string[] = descriptor.storageProviders;
  return targets.filter((t) => providers.includes(t.provider));
}

/** A fresh request for a vendor: its usual output format and, where it uploads to a target, the first usable one. */
export function defaultRequest(descriptor: VendorDescriptor, targets: readonly StorageTarget[]): RecordingRequest {
  const r = emptyRequest();
  const storage = descriptor.capabilities.storageTarget ? usableStorage(descriptor, targets) : [];
  r.output.format = descriptor.defaults.outputFormat;
  r.storageTargetId = storage[0]?.id ?? null;
  return r;
}

/** Mix settings a new mixed recording starts with: 1280×720 at 15 fps, 1.5 Mbps, the vendor's usual mode. */
export function defaultMix(descriptor: VendorDescriptor, roomId: string): MixSettings {
  const prefix = descriptor.defaults.mixOutputStreamPrefix;
  return {
    layoutMode: descriptor.defaults.mixLayoutMode ?? 'grid',
    // A vendor that publishes the mix as a stream gets one named after the room, so it stays recognisable.
    outputStreamId: prefix === null ? null : `${prefix}${roomId.trim() || 'room'}`,
    regions: [],
    width: 1280,
    height: 720,
    fps: 15,
    bitrateBps: 1_500_000,
    audioBitrateBps: null,
    backgroundColor: null,
    backgroundImage: null,
    maxResolutionStreamId: null,
    fillMode: 'crop',
    alwaysMix: false,
  };
}

/** Whiteboard capture at 16:9 with the vendor's default size. */
export function defaultWhiteboard(): WhiteboardSettings {
  return { whiteboardId: null, horizontalRatio: 16, verticalRatio: 9, width: null, height: null, backgroundColor: null, pptAnimation: false, pptAnimationFps: null, initParam: null };
}

/**
 * Whether the form shows a request field: the descriptor lists it, one of its parents (`output`
 * covers `output.format`) or one of its children (`output.format` makes the `output` section show),
 * and the vendor does not leave it out of a section it otherwise takes.
 */
export function showsField(descriptor: VendorDescriptor | null, path: string): boolean {
  if (!descriptor) return false;
  return descriptor.requestFields.some((f) => f === path || path.startsWith(`${f}.`) || f.startsWith(`${path}.`));
}

/** A storage target as the vendors' validators see it: fields, and only whether each key is set. */
export function storageShape(target: StorageTarget | null | undefined): StorageTargetShape | null {
  if (!target) return null;
  return {
    provider: target.provider,
    region: target.region,
    bucket: target.bucket,
    endpoint: target.endpoint,
    title: target.title,
    storageLocation: target.storageLocation,
    keys: Object.fromEntries(target.secrets.map((s) => [s.field, s.configured])),
  };
}

/** A zod path in the validators' notation: `mix.regions[0].width`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Schema problems (a field of the wrong type) as field issues, so they show where the validators' do. */
export function schemaIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => ({ path: pathText(i.path), severity: 'error' as const, message: issueMessage(i) }));
}

/** The issues at `path`, errors first. */
export function issuesAt(issues: readonly FieldIssue[], path: string): FieldIssue[] {
  return issues.filter((i) => i.path === path).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Deep copy of plain request data (what the form edits is never the preset or task it came from). */
export function cloneRequest(request: RecordingRequest): RecordingRequest {
  return JSON.parse(JSON.stringify(request)) as RecordingRequest;
}
