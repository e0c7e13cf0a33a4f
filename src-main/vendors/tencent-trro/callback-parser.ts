import { createHash } from 'node:crypto';
import type { RecordingFile, TrackType } from '@contract';
import { verifyTrtcCallback } from './callback';
import { isObject, num, objects, parseObject, REPLAY_WINDOW_MS, str } from '../shared/callback-parse';
import type { CallbackDelivery, CallbackParser, ParseOutcome } from '../callbacks';

const TRACKS: Record<string, TrackType> = { audio: 'audio', video: 'video', audio_video: 'audio+video' };

/** 302 RECORDER_STOP `LeaveCode` (spec §5.2). */
const LEAVE_CODES: Record<number, string> = {
  0: 'normal stop',
  1: 'kicked by the client',
  2: 'room dismissed by the client',
  3: 'kicked by the server',
  4: 'room dismissed by the server',
  99: 'no other user for the idle period',
  100: 'timeout',
  101: 'same user re-entered',
};

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

type Read = Pick<CallbackDelivery, 'summary' | 'patch'>;

function okOrFailed(status: number | null): string {
  return status === 0 ? 'ok' : status === 1 ? 'failed' : status === 2 ? 'partially failed' : `status ${status ?? '?'}`;
}

function readEvent(eventType: number, p: Record<string, unknown>): Read {
  const status = num(p['Status']);
  switch (eventType) {
    case 301:
      return status === 1
        ? { summary: '301 recorder failed to start', patch: { state: 'failed', rawStatus: '301', finishReason: 'recorder failed to start' } }
        : { summary: '301 recorder started', patch: { state: 'recording', rawStatus: '301' } };
    case 302: {
      const code = num(p['LeaveCode']);
      const text = code === null ? 'no LeaveCode' : (LEAVE_CODES[code] ?? `LeaveCode ${code}`);
      return { summary: `302 recorder stopped (${text})`, patch: { state: 'uploading', rawStatus: '302', finishReason: text } };
    }
    case 303:
      return { summary: `303 upload started (${okOrFailed(status)})`, patch: {} };
    case 304: {
      const name = str(p['FileList']);
      return { summary: `304 first playlist uploaded${name ? ` (${name})` : ''}`, patch: name ? { files: [file({ name })] } : {} };
    }
    case 305: {
      const code = num(p['LeaveCode']);
      // 1 = files stranded on the vendor's server/backup: they never reached the operator's storage.
      if (code === 1) return { summary: '305 upload ended, some files stranded on the vendor side', patch: { state: 'failed', rawStatus: '305', finishReason: 'some files stranded on the vendor side' } };
      return { summary: `305 upload ended${code === 2 ? ' (stranded files recovered)' : ''}`, patch: { state: 'finished', rawStatus: '305' } };
    }
    case 306:
      return { summary: '306 recorder failed over', patch: {} };
    case 307:
      return { summary: `307 first slice ${str(p['FileName']) ?? ''}`.trimEnd(), patch: {} };
    case 308:
      return { summary: '308 upload error', patch: {} };
    case 309:
      return { summary: '309 image download failed', patch: {} };
    case 310: {
      const messages = objects(p['FileMessage']);
      const files = messages.length > 0
        ? messages.filter((m) => str(m['FileName']) !== null).map((m) => file({ name: m['FileName'] as string, userId: m['UserId'], trackType: m['TrackType'], mediaId: m['MediaId'], start: m['StartTimeStamp'], end: m['EndTimeStamp'] }))
        : (Array.isArray(p['FileList']) ? p['FileList'] : []).filter((n): n is string => typeof n === 'string' && n !== '').map((name) => file({ name }));
      return { summary: `310 files uploaded (${okOrFailed(status)}), ${files.length} file(s)`, patch: { files } };
    }
    case 311: {
      const vod = isObject(p['TencentVod']) ? p['TencentVod'] : null;
      const name = vod ? (str(vod['CacheFile']) ?? str(vod['FileId'])) : null;
      const files = vod && name ? [file({ name, userId: vod['UserId'], trackType: vod['TrackType'], mediaId: vod['MediaId'], start: vod['StartTimeStamp'], end: vod['EndTimeStamp'], url: vod['VideoUrl'], videoId: vod['FileId'] })] : [];
      return { summary: `311 VOD commit (${okOrFailed(status)})`, patch: { files } };
    }
    case 312:
      return status === 0
        ? { summary: '312 VOD upload finished', patch: { state: 'finished', rawStatus: '312' } }
        : { summary: '312 VOD upload ended abnormally', patch: { state: 'failed', rawStatus: '312', finishReason: 'VOD upload ended abnormally' } };
    default:
      return { summary: `${eventType} (not known to RecDeck)`, patch: {} };
  }
}

/**
 * TRRO recording callbacks in the TRTC format (spec §5.2): the `Sign` header is base64 HMAC-SHA256 of
 * the raw body with the project's SignKey. The body is signed, so its CallbackTs bounds replays.
 */
export const trroCallbackParser: CallbackParser = {
  vendor: 'tencent-trro',
  secretField: 'signKey',
  ack: '{"code":0}',
  appIdOf: () => null,
  parse({ rawBody, headers, secret, nowMs }): ParseOutcome {
    if (!verifyTrtcCallback(secret, rawBody, headers['sign'])) return { ok: false, reason: 'bad-signature' };
    const body = parseObject(rawBody);
    if (!body) return { ok: false, reason: 'malformed' };
    const info = isObject(body['EventInfo']) ? body['EventInfo'] : null;
    const eventType = num(body['EventType']);
    if (info === null || eventType === null) return { ok: false, reason: 'malformed' };
    const eventSec = num(info['EventTs']);
    const eventMs = num(info['EventMsTs']) ?? (eventSec !== null ? eventSec * 1000 : null);
    const sentMs = num(body['CallbackTs']) ?? eventMs;
    if (eventMs === null || sentMs === null) return { ok: false, reason: 'malformed' };
    if (Math.abs(nowMs - sentMs) > REPLAY_WINDOW_MS) return { ok: false, reason: 'expired' };
    const taskId = str(info['TaskId']);
    if (taskId === null) return { ok: true, delivery: null };
    const payload = isObject(info['Payload']) ? info['Payload'] : {};
    const read = readEvent(eventType, payload);
    // 310 may fire several times for one task: its file list tells the deliveries apart.
    const variant = eventType === 310 || eventType === 311 ? `:${createHash('sha1').update(JSON.stringify(payload)).digest('hex').slice(0, 12)}` : '';
    return {
      ok: true,
      delivery: {
        vendor: 'tencent-trro',
        vendorTaskId: taskId,
        dedupeKey: `trtc:${eventType}:${eventMs}${variant}`,
        at: eventMs,
        summary: read.summary,
        patch: read.patch,
        // The signature travels in a header, so the body holds nothing to redact.
        raw: body,
      },
    };
  },
};
