import { timingSafeEqual } from 'node:crypto';
import type { RecordingFile } from '@contract';
import { mapZegoFile } from './map';
import { zegoCallbackSignature } from './sign';
import { REPLAY_WINDOW_MS, num, objects, parseObject, redact, str } from '../shared/callback-parse';
import type { CallbackDelivery, CallbackParser, ParseOutcome } from '../callbacks';

/** `quit_reason` of event 2 (spec §9.3). 3 and 4 are automatic ends of a healthy task. */
const QUIT_REASONS: Record<number, string> = {
  1: 'service failed to start',
  2: 'failed to log into the room',
  3: 'idle longer than MaxIdleTime',
  4: 'reached MaxRecordTime',
  5: 'engine failed to start',
  6: 'network disconnected',
  1001: 'unknown error',
  1002: 'file name too long',
  1003: 'file open failed',
  1004: 'out of disk',
  1005: 'engine init failed',
  1006: 'write header failed',
  1007: 'write EBADF',
  1008: 'write EIO',
  1009: 'internal channel error',
  1010: 'unsupported file format',
  1011: 'illegal state',
};

const IMAGE_TYPES: Record<number, string> = {
  1: 'MixOutputBackgroundImage',
  2: 'MixOutputWatermarkImage',
  3: 'DefaultMixStreamBackgroundImage',
  4: 'per-view BackgroundImage',
};

function signatureMatches(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const a = Buffer.from(actual.toLowerCase());
  const e = Buffer.from(expected);
  return a.length === e.length && timingSafeEqual(a, e);
}

function files(list: unknown): RecordingFile[] {
  return objects(list).map((f) => mapZegoFile(f, null));
}

type Read = Pick<CallbackDelivery, 'summary' | 'patch'>;

/** The v2 `event_type` / `detail` pairs of spec §9.3. */
function readV2(eventType: number, detail: Record<string, unknown>): Read {
  switch (eventType) {
    case 1: {
      const list = files(detail['file_info']);
      const partial = num(detail['upload_status']) === 2;
      return {
        summary: `callback 1 upload ${partial ? 'partially failed' : 'done'}, ${list.length} file(s)`,
        patch: { files: list },
      };
    }
    case 2: {
      const reason = num(detail['quit_reason']);
      const text = reason === null ? 'no reason given' : (QUIT_REASONS[reason] ?? 'unlisted reason');
      const finishReason = `quit_reason ${reason ?? '?'}: ${text}`;
      // Idle and max-duration ends are ZEGO status 3 (ended, uploading), not 4 (abnormal).
      if (reason === 3 || reason === 4) return { summary: `callback 2 ended (${text}), uploading`, patch: { state: 'uploading', rawStatus: '3', finishReason } };
      return { summary: `callback 2 ended abnormally (${text})`, patch: { state: 'failed', rawStatus: '4', finishReason } };
    }
    case 3: {
      const type = num(detail['image_type']);
      return { summary: `callback 3 image download failed (${type === null ? 'image' : (IMAGE_TYPES[type] ?? `image_type ${type}`)})`, patch: {} };
    }
    case 4:
      return { summary: 'callback 4 room has no streams', patch: {} };
    case 5:
      return { summary: 'callback 5 recording exited normally', patch: { state: 'finished', rawStatus: '3' } };
    case 6:
      return { summary: `callback 6 stream ${str(detail['stream_id']) ?? '?'} does not exist`, patch: {} };
    case 7:
      return { summary: 'callback 7 stopped, uploading', patch: { state: 'uploading', rawStatus: '3' } };
    case 102: {
      const hls: RecordingFile = { ...mapZegoFile({ ...detail, output_file_format: 'hls' }, null), status: 'recording', rawStatus: null };
      return { summary: `callback 102 HLS playlist for stream ${hls.streamId ?? '?'}`, patch: { files: [hls] } };
    }
    case 201:
      return { summary: 'callback 201 paused', patch: { state: 'paused', rawStatus: '5' } };
    case 202:
      return { summary: 'callback 202 resumed', patch: { state: 'recording', rawStatus: '2' } };
    default:
      return { summary: `callback ${eventType} (not known to RecDeck)`, patch: {} };
  }
}

/** The legacy end-of-recording callback (spec §9.6): top-level `file_info`, event 1/2/3. */
function readLegacy(eventType: number, body: Record<string, unknown>): Read {
  const list = files(body['file_info']);
  if (eventType === 2) {
    return { summary: 'legacy callback 2 ended, some uploads failed', patch: { state: 'finished', rawStatus: '3', finishReason: 'upload partially failed', files: list } };
  }
  const what = eventType === 3 ? 'ended, no files' : eventType === 1 ? 'ended, all files uploaded' : `event ${eventType}`;
  return { summary: `legacy callback ${eventType} ${what}`, patch: { state: 'finished', rawStatus: '3', files: list } };
}

/**
 * ZEGO recording callbacks (spec §9): SHA1 of the sorted CallbackSecret, timestamp and nonce. The
 * signature does not cover the body, so the timestamp must be recent and the receiver also refuses
 * a timestamp/nonce pair reused for a different body.
 */
export const zegoCallbackParser: CallbackParser = {
  vendor: 'zego',
  secretField: 'callbackSecret',
  ack: '{"code":0}',
  appIdOf: (fields) => num(fields['appId']),
  replayToken: (raw) => `${String(raw['timestamp'])}\n${String(raw['nonce'])}`,
  parse({ rawBody, secret, appId, nowMs }): ParseOutcome {
    const body = parseObject(rawBody);
    if (!body) return { ok: false, reason: 'malformed' };
    const timestamp = typeof body['timestamp'] === 'number' ? String(body['timestamp']) : body['timestamp'];
    const nonce = typeof body['nonce'] === 'number' ? String(body['nonce']) : body['nonce'];
    if (typeof timestamp !== 'string' || typeof nonce !== 'string') return { ok: false, reason: 'malformed' };
    if (!signatureMatches(zegoCallbackSignature(secret, timestamp, nonce), body['signature'])) return { ok: false, reason: 'bad-signature' };
    const sentSec = num(timestamp);
    if (sentSec === null || Math.abs(nowMs - sentSec * 1000) > REPLAY_WINDOW_MS) return { ok: false, reason: 'expired' };
    if (appId !== null && num(body['app_id']) !== null && num(body['app_id']) !== appId) return { ok: false, reason: 'wrong-app' };
    const taskId = str(body['task_id']);
    const eventType = num(body['event_type']);
    if (taskId === null || eventType === null) return { ok: false, reason: 'malformed' };
    const detail = body['detail'];
    const legacy = !('detail' in body) && Array.isArray(body['file_info']);
    const read = legacy ? readLegacy(eventType, body) : readV2(eventType, detail && typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : {});
    const sequence = num(body['sequence']);
    return {
      ok: true,
      delivery: {
        vendor: 'zego',
        vendorTaskId: taskId,
        // Retries resend the same body, so the sequence (or, without one, nonce and timestamp) repeats.
        dedupeKey: sequence !== null ? `zego:seq:${sequence}` : `zego:${eventType}:${timestamp}:${nonce}`,
        at: sentSec * 1000,
        summary: read.summary,
        patch: read.patch,
        raw: redact(body, ['signature']),
      },
    };
  },
};
