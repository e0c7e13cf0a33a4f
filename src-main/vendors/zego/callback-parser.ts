import { timingSafeEqual } from 'node:crypto';
import { formatMessage, ZEGO_UPLOAD_PARTIAL_REASON, zegoImageType, zegoMsg, zegoQuitFinishReason, zegoQuitReason, type RecordingFile } from '@contract';
import { mapZegoFile } from './map';
import { zegoCallbackSignature } from './sign';
import { REPLAY_WINDOW_MS, num, objects, parseObject, redact, str } from '../shared/callback-parse';
import type { CallbackDelivery, CallbackParser, ParseOutcome } from '../callbacks';

function signatureMatches(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const a = Buffer.from(actual.toLowerCase());
  const e = Buffer.from(expected);
  return a.length === e.length && timingSafeEqual(a, e);
}

function files(list: unknown): RecordingFile[] {
  return objects(list).map((f) => mapZegoFile(f, null));
}

type Read = Pick<CallbackDelivery, 'message' | 'patch'>;

/** The v2 `event_type` / `detail` pairs of docs/vendors/zego.md §9.3. */
function readV2(eventType: number, detail: Record<string, unknown>): Read {
  switch (eventType) {
    case 1: {
      const list = files(detail['file_info']);
      const partial = num(detail['upload_status']) === 2;
      return { message: zegoMsg(partial ? 'vendor.zego.callback.uploadPartial' : 'vendor.zego.callback.uploadDone', { count: list.length }), patch: { files: list } };
    }
    case 2: {
      const reason = num(detail['quit_reason']);
      const text = zegoQuitReason(reason);
      const finishReason = formatMessage('en', zegoQuitFinishReason(reason));
      // Idle and max-duration ends are ZEGO status 3 (ended, uploading), not 4 (abnormal).
      if (reason === 3 || reason === 4) return { message: zegoMsg('vendor.zego.callback.ended', { reason: text }), patch: { state: 'uploading', rawStatus: '3', finishReason } };
      return { message: zegoMsg('vendor.zego.callback.endedAbnormally', { reason: text }), patch: { state: 'failed', rawStatus: '4', finishReason } };
    }
    case 3: {
      const type = num(detail['image_type']);
      return { message: zegoMsg('vendor.zego.callback.imageFailed', { image: zegoImageType(type) }), patch: {} };
    }
    case 4:
      return { message: zegoMsg('vendor.zego.callback.noStreams'), patch: {} };
    case 5:
      return { message: zegoMsg('vendor.zego.callback.exited'), patch: { state: 'finished', rawStatus: '3' } };
    case 6:
      return { message: zegoMsg('vendor.zego.callback.noSuchStream', { stream: str(detail['stream_id']) ?? '?' }), patch: {} };
    case 7:
      return { message: zegoMsg('vendor.zego.callback.stopped'), patch: { state: 'uploading', rawStatus: '3' } };
    case 102: {
      const hls: RecordingFile = { ...mapZegoFile({ ...detail, output_file_format: 'hls' }, null), status: 'recording', rawStatus: null };
      return { message: zegoMsg('vendor.zego.callback.hlsPlaylist', { stream: hls.streamId ?? '?' }), patch: { files: [hls] } };
    }
    case 201:
      return { message: zegoMsg('vendor.zego.callback.paused'), patch: { state: 'paused', rawStatus: '5' } };
    case 202:
      return { message: zegoMsg('vendor.zego.callback.resumed'), patch: { state: 'recording', rawStatus: '2' } };
    default:
      return { message: zegoMsg('vendor.zego.callback.unknown', { event: eventType }), patch: {} };
  }
}

/** The legacy end-of-recording callback (docs/vendors/zego.md §9.6): top-level `file_info`, event 1/2/3. */
function readLegacy(eventType: number, body: Record<string, unknown>): Read {
  const list = files(body['file_info']);
  if (eventType === 2) {
    return { message: zegoMsg('vendor.zego.callback.legacyPartial'), patch: { state: 'finished', rawStatus: '3', finishReason: ZEGO_UPLOAD_PARTIAL_REASON, files: list } };
  }
  const message =
    eventType === 3
      ? zegoMsg('vendor.zego.callback.legacyNoFiles')
      : eventType === 1
        ? zegoMsg('vendor.zego.callback.legacyUploaded')
        : zegoMsg('vendor.zego.callback.legacyOther', { event: eventType });
  return { message, patch: { state: 'finished', rawStatus: '3', files: list } };
}

/** The signed envelope fields: `timestamp` (seconds, a string as documented or a number) and `nonce`. */
function stamp(body: Record<string, unknown>): { timestamp: string; nonce: string; sentSec: number | null } | null {
  const timestamp = typeof body['timestamp'] === 'number' ? String(body['timestamp']) : body['timestamp'];
  const nonce = typeof body['nonce'] === 'number' ? String(body['nonce']) : body['nonce'];
  if (typeof timestamp !== 'string' || typeof nonce !== 'string') return null;
  return { timestamp, nonce, sentSec: num(timestamp) };
}

function fresh(sentSec: number | null, nowMs: number): sentSec is number {
  return sentSec !== null && Math.abs(nowMs - sentSec * 1000) <= REPLAY_WINDOW_MS;
}

/**
 * ZEGO recording callbacks (docs/vendors/zego.md §9.4): SHA1 of the sorted CallbackSecret, timestamp
 * and nonce. The signature does not cover the body, so the body is a hint, the timestamp must be
 * recent, and the timestamp/nonce pair may come again only with the same body.
 */
export const zegoCallbackParser: CallbackParser = {
  vendor: 'zego',
  secretField: 'callbackSecret',
  ack: '{"code":0}',
  contentType: 'application/json',
  bodySigned: false,
  appIdOf: (fields) => num(fields['appId']),
  envelope({ rawBody, nowMs }) {
    const body = parseObject(rawBody);
    const signed = body && stamp(body);
    const taskId = body && str(body['task_id']);
    if (!body || !signed || taskId === null) return { ok: false, reason: 'malformed' };
    return fresh(signed.sentSec, nowMs) ? { ok: true, vendorTaskId: taskId } : { ok: false, reason: 'expired' };
  },
  parse({ rawBody, secret, appId, nowMs }): ParseOutcome {
    const body = parseObject(rawBody);
    const signed = body && stamp(body);
    if (!body || !signed) return { ok: false, reason: 'malformed' };
    const { timestamp, nonce, sentSec } = signed;
    if (!signatureMatches(zegoCallbackSignature(secret, timestamp, nonce), body['signature'])) return { ok: false, reason: 'bad-signature' };
    if (!fresh(sentSec, nowMs)) return { ok: false, reason: 'expired' };
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
        message: read.message,
        patch: read.patch,
        raw: redact(body, ['signature']),
      },
      replay: { token: `${timestamp}\n${nonce}`, expiresAt: sentSec * 1000 + REPLAY_WINDOW_MS },
    };
  },
};
