import { msg, taskStateText, tiwFinishReason, tiwMsg } from '@contract';
import { mapTiwVideo, tiwTaskState } from './map';
import { verifyTiwCallback } from './callback';
import { isObject, num, objects, parseObject, redact, str } from '../shared/callback-parse';
import type { CallbackDelivery, CallbackParser, ParseOutcome } from '../callbacks';

type Read = Pick<CallbackDelivery, 'message' | 'patch'>;

function readEvent(eventType: string, data: Record<string, unknown>): Read {
  switch (eventType) {
    case 'OnlineRecordStarted':
      return { message: tiwMsg('vendor.tencent-tiw.callback.started'), patch: { state: 'recording', rawStatus: 'RECORDING' } };
    case 'OnlineRecordStopped':
      return { message: tiwMsg('vendor.tencent-tiw.callback.stopped'), patch: { state: 'uploading', rawStatus: 'STOPPED' } };
    case 'OnlineRecordFinished': {
      const finishReason = str(data['FinishReason']);
      const error = isObject(data['Error']) ? str(data['Error']['Code']) : null;
      const files = objects(data['VideoInfos']).map(mapTiwVideo);
      // A FailedOperation.Record result is a failed task whatever FinishReason says (as DescribeOnlineRecord).
      const state = error !== null ? 'failed' : tiwTaskState('FINISHED', finishReason);
      const params = { state: taskStateText(state), reason: finishReason === null ? tiwMsg('vendor.tencent-tiw.finishReason.none') : tiwFinishReason(finishReason), count: files.length };
      return {
        message: error === null ? tiwMsg('vendor.tencent-tiw.callback.finished', params) : tiwMsg('vendor.tencent-tiw.callback.finishedWithError', { ...params, error }),
        patch: { state, rawStatus: 'FINISHED', ...(finishReason !== null ? { finishReason } : {}), files },
      };
    }
    default:
      return { message: msg('timeline.callbackUnknown', { event: eventType }), patch: {} };
  }
}

function taskIdOf(body: Record<string, unknown>): string | null {
  return isObject(body['EventData']) ? str(body['EventData']['TaskId']) : null;
}

/**
 * TIW event callbacks (docs/vendors/tencent-tiw.md §9): `Sign = md5(CallbackKey + ExpireTime)`. The
 * Sign covers neither the body nor the event: whoever saw one callback can write any body under its
 * Sign until ExpireTime. So the body is a hint, the body's SdkAppId must be the account's, and one Sign
 * with its ExpireTime is taken once (again only with the same body, as a retry).
 */
export const tiwCallbackParser: CallbackParser = {
  vendor: 'tencent-tiw',
  secretField: 'callbackKey',
  ack: '{"error_code":0}',
  contentType: 'application/json',
  bodySigned: false,
  appIdOf: (fields) => num(fields['sdkAppId']),
  envelope({ rawBody, nowMs }) {
    const body = parseObject(rawBody);
    const expireTime = body ? body['ExpireTime'] : undefined;
    const taskId = body && taskIdOf(body);
    if (!body || typeof expireTime !== 'number' || taskId === null) return { ok: false, reason: 'malformed' };
    return Math.floor(nowMs / 1000) > expireTime ? { ok: false, reason: 'expired' } : { ok: true, vendorTaskId: taskId };
  },
  parse({ rawBody, secret, appId, nowMs }): ParseOutcome {
    const body = parseObject(rawBody);
    if (!body) return { ok: false, reason: 'malformed' };
    const verdict = verifyTiwCallback({ callbackKey: secret, sign: body['Sign'], expireTime: body['ExpireTime'], nowSec: Math.floor(nowMs / 1000) });
    if (verdict !== 'ok') return { ok: false, reason: verdict };
    if (appId !== null && num(body['SdkAppId']) !== appId) return { ok: false, reason: 'wrong-app' };
    const eventType = str(body['EventType']);
    const data = isObject(body['EventData']) ? body['EventData'] : null;
    const taskId = taskIdOf(body);
    const timestamp = num(body['Timestamp']);
    if (eventType === null || data === null || taskId === null || timestamp === null) return { ok: false, reason: 'malformed' };
    const read = readEvent(eventType, data);
    const expireTime = body['ExpireTime'] as number;
    return {
      ok: true,
      delivery: {
        vendor: 'tencent-tiw',
        vendorTaskId: taskId,
        dedupeKey: `tiw:${eventType}:${timestamp}`,
        at: timestamp * 1000,
        message: read.message,
        patch: read.patch,
        raw: redact(body, ['Sign']),
      },
      replay: { token: `${String(body['Sign']).toLowerCase()}\n${expireTime}`, expiresAt: (expireTime + 1) * 1000 },
    };
  },
};
