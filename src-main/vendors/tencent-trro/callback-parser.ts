import { createHash } from 'node:crypto';
import { formatMessage, msg, trroLeaveCode, trroMsg, type Message, type RecordingFile, type TrackType } from '@contract';
import { verifyTrtcCallback } from './callback';
import { isObject, num, objects, parseObject, REPLAY_WINDOW_MS, str } from '../shared/callback-parse';
import type { CallbackDelivery, CallbackParser, ParseOutcome } from '../callbacks';

const TRACKS: Record<string, TrackType> = { audio: 'audio', video: 'video', audio_video: 'audio+video' };

function formatOf(name: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? null;
  return ext === 'm3u8' ? 'hls' : ext;
}

function file(input: { name: string; userId?: unknown; trackType?: unknown; mediaId?: unknown; start?: unknown; end?: unknown; url?: unknown; videoId?: unknown }): RecordingFile {
  const track = typeof input.trackType === 'string' ? (TRACKS[input.trackType] ?? null) : null;
  const start = num(input.start);
  const end = num(input.end);
  const format = formatOf(input.name);
  return {
    fileId: input.name,
    streamId: null,
    userId: str(input.userId),
    userName: null,
    format,
    kind: input.mediaId === 'mix' ? 'mixed' : input.mediaId === 'aux' ? 'screen' : track === 'audio' || format === 'aac' ? 'audio' : 'stream',
    trackType: track,
    status: 'uploaded',
    rawStatus: null,
    url: str(input.url),
    vendorVideoId: str(input.videoId),
    sizeBytes: null,
    durationMs: start !== null && end !== null && end >= start ? end - start : null,
    width: null,
    height: null,
    beginAt: start,
    playOffsetMs: null,
  };
}

type Read = Pick<CallbackDelivery, 'message' | 'patch'>;

function okOrFailed(status: number | null): Message {
  if (status === 0) return trroMsg('vendor.tencent-trro.uploadStatus.ok');
  if (status === 1) return trroMsg('vendor.tencent-trro.uploadStatus.failed');
  if (status === 2) return trroMsg('vendor.tencent-trro.uploadStatus.partial');
  return trroMsg('vendor.tencent-trro.uploadStatus.other', { status: status ?? '?' });
}

/** A finish reason as stored: the English text of its message. */
function reasonOf(message: Message): string {
  return formatMessage('en', message);
}

function readEvent(eventType: number, p: Record<string, unknown>): Read {
  const status = num(p['Status']);
  switch (eventType) {
    case 301:
      return status === 1
        ? { message: trroMsg('vendor.tencent-trro.callback.startFailed'), patch: { state: 'failed', rawStatus: '301', finishReason: reasonOf(trroMsg('vendor.tencent-trro.finishReason.startFailed')) } }
        : { message: trroMsg('vendor.tencent-trro.callback.started'), patch: { state: 'recording', rawStatus: '301' } };
    case 302: {
      const code = num(p['LeaveCode']);
      const reason = trroLeaveCode(code);
      return { message: trroMsg('vendor.tencent-trro.callback.stopped', { reason }), patch: { state: 'uploading', rawStatus: '302', finishReason: reasonOf(reason) } };
    }
    case 303:
      return { message: trroMsg('vendor.tencent-trro.callback.uploadStarted', { status: okOrFailed(status) }), patch: {} };
    case 304: {
      const name = str(p['FileList']);
      if (!name) return { message: trroMsg('vendor.tencent-trro.callback.firstPlaylist'), patch: {} };
      return { message: trroMsg('vendor.tencent-trro.callback.firstPlaylistNamed', { name }), patch: { files: [file({ name })] } };
    }
    case 305: {
      const code = num(p['LeaveCode']);
      // 1 = files stranded on the vendor's server/backup: they never reached the operator's storage.
      if (code === 1) {
        const finishReason = reasonOf(trroMsg('vendor.tencent-trro.finishReason.stranded'));
        return { message: trroMsg('vendor.tencent-trro.callback.uploadStranded'), patch: { state: 'failed', rawStatus: '305', finishReason } };
      }
      return { message: trroMsg(code === 2 ? 'vendor.tencent-trro.callback.uploadRecovered' : 'vendor.tencent-trro.callback.uploadEnded'), patch: { state: 'finished', rawStatus: '305' } };
    }
    case 306:
      return { message: trroMsg('vendor.tencent-trro.callback.failedOver'), patch: {} };
    case 307: {
      const name = str(p['FileName']);
      return { message: name === null ? trroMsg('vendor.tencent-trro.callback.firstSlice') : trroMsg('vendor.tencent-trro.callback.firstSliceNamed', { name }), patch: {} };
    }
    case 308:
      return { message: trroMsg('vendor.tencent-trro.callback.uploadError'), patch: {} };
    case 309:
      return { message: trroMsg('vendor.tencent-trro.callback.imageFailed'), patch: {} };
    case 310: {
      const messages = objects(p['FileMessage']);
      const files = messages.length > 0
        ? messages.filter((m) => str(m['FileName']) !== null).map((m) => file({ name: m['FileName'] as string, userId: m['UserId'], trackType: m['TrackType'], mediaId: m['MediaId'], start: m['StartTimeStamp'], end: m['EndTimeStamp'] }))
        : (Array.isArray(p['FileList']) ? p['FileList'] : []).filter((n): n is string => typeof n === 'string' && n !== '').map((name) => file({ name }));
      return { message: trroMsg('vendor.tencent-trro.callback.filesUploaded', { status: okOrFailed(status), count: files.length }), patch: { files } };
    }
    case 311: {
      const vod = isObject(p['TencentVod']) ? p['TencentVod'] : null;
      const name = vod ? (str(vod['CacheFile']) ?? str(vod['FileId'])) : null;
      const files = vod && name ? [file({ name, userId: vod['UserId'], trackType: vod['TrackType'], mediaId: vod['MediaId'], start: vod['StartTimeStamp'], end: vod['EndTimeStamp'], url: vod['VideoUrl'], videoId: vod['FileId'] })] : [];
      return { message: trroMsg('vendor.tencent-trro.callback.vodCommit', { status: okOrFailed(status) }), patch: { files } };
    }
    case 312:
      return status === 0
        ? { message: trroMsg('vendor.tencent-trro.callback.vodFinished'), patch: { state: 'finished', rawStatus: '312' } }
        : { message: trroMsg('vendor.tencent-trro.callback.vodFailed'), patch: { state: 'failed', rawStatus: '312', finishReason: reasonOf(trroMsg('vendor.tencent-trro.finishReason.vodFailed')) } };
    default:
      return { message: msg('timeline.callbackUnknown', { event: eventType }), patch: {} };
  }
}

/** The event's times: when it happened and when it was sent (ms), or null when the body has neither. */
function timesOf(info: Record<string, unknown>, body: Record<string, unknown>): { eventMs: number; sentMs: number } | null {
  const eventSec = num(info['EventTs']);
  const eventMs = num(info['EventMsTs']) ?? (eventSec !== null ? eventSec * 1000 : null);
  const sentMs = num(body['CallbackTs']) ?? eventMs;
  return eventMs === null || sentMs === null ? null : { eventMs, sentMs };
}

/**
 * TRRO recording callbacks in the TRTC format (docs/vendors/tencent-trro.md §7.1): the `Sign` header
 * is base64 HMAC-SHA256 of the raw body with the project's SignKey. The body is signed, so what it says
 * is a fact, and its CallbackTs bounds replays.
 */
export const trroCallbackParser: CallbackParser = {
  vendor: 'tencent-trro',
  secretField: 'signKey',
  ack: '{"code":0}',
  contentType: 'application/json',
  bodySigned: true,
  appIdOf: () => null,
  envelope({ rawBody, nowMs }) {
    const body = parseObject(rawBody);
    const info = body && isObject(body['EventInfo']) ? body['EventInfo'] : null;
    const times = body && info ? timesOf(info, body) : null;
    if (!body || !info || !times) return { ok: false, reason: 'malformed' };
    if (Math.abs(nowMs - times.sentMs) > REPLAY_WINDOW_MS) return { ok: false, reason: 'expired' };
    return { ok: true, vendorTaskId: str(info['TaskId']) };
  },
  parse({ rawBody, headers, secret, nowMs }): ParseOutcome {
    if (!verifyTrtcCallback(secret, rawBody, headers['sign'])) return { ok: false, reason: 'bad-signature' };
    const body = parseObject(rawBody);
    if (!body) return { ok: false, reason: 'malformed' };
    const info = isObject(body['EventInfo']) ? body['EventInfo'] : null;
    const eventType = num(body['EventType']);
    const times = info ? timesOf(info, body) : null;
    if (info === null || eventType === null || times === null) return { ok: false, reason: 'malformed' };
    if (Math.abs(nowMs - times.sentMs) > REPLAY_WINDOW_MS) return { ok: false, reason: 'expired' };
    const taskId = str(info['TaskId']);
    if (taskId === null) return { ok: true, delivery: null, replay: null };
    const payload = isObject(info['Payload']) ? info['Payload'] : {};
    const read = readEvent(eventType, payload);
    // 310 may fire several times for one task: its file list tells the deliveries apart.
    const variant = eventType === 310 || eventType === 311 ? `:${createHash('sha1').update(JSON.stringify(payload)).digest('hex').slice(0, 12)}` : '';
    return {
      ok: true,
      delivery: {
        vendor: 'tencent-trro',
        vendorTaskId: taskId,
        dedupeKey: `trtc:${eventType}:${times.eventMs}${variant}`,
        at: times.eventMs,
        message: read.message,
        patch: read.patch,
        // The signature travels in a header, so the body holds nothing to redact.
        raw: body,
      },
      replay: null,
    };
  },
};
