import { RecordingRequestSchema, validateZegoLayout, ZEGO_CONTRACT, ZEGO_DESCRIPTOR, ZEGO_LIMITS, type TaskState } from '@contract';
import type { OpenTaskRow, VendorAdapter, VendorCall } from '../adapter';
import { contractStorage, maskedKeys, trimBase } from '../shared/preview';
import { zegoCallbackParser } from './callback-parser';
import { createZegoClient, LIST_PAGE_SIZE, type ZegoCallOptions, type ZegoTaskSummary } from './client';
import { importLegacyStartBody } from './legacy';
import { diffStatus } from './map';
import { zegoLane } from './rates';
import { buildStartRecordBody, redactZegoBody, type ZegoStorage } from './request';
import { signZegoRequest, ZEGO_SIGNATURE_WINDOW_SEC } from './sign';

function zegoQuery(action: string, appId: unknown, isTest: boolean | null): string {
  const q = new URLSearchParams({ Action: action, AppId: String(appId) });
  if (isTest !== null) q.set('IsTest', String(isTest));
  return q.toString();
}

/** Task `Status` values a DescribeTasks row can settle alone; 3 and 4 need the files (docs/vendors/zego.md §5.1). */
const LISTED_STATES: Readonly<Record<number, TaskState>> = { 1: 'starting', 2: 'recording', 5: 'paused' };

function openTaskRow(t: ZegoTaskSummary): OpenTaskRow {
  return { vendorTaskId: t.taskId, roomId: t.roomId, startedAt: t.startedAt, rawStatus: String(t.status), state: LISTED_STATES[t.status] ?? null };
}

/** ZEGO Cloud Recording v2: MD5-signed query, per-AppId rates, every action, a task list for reconciliation. */
export const zegoAdapter: VendorAdapter<'zego'> = {
  id: 'zego',
  descriptor: ZEGO_DESCRIPTOR,
  label: 'ZEGO',
  defaultBaseUrl: (a) => `https://${a.fields.regionHost}`,
  pingSecrets: ['serverSecret'],
  callbacks: zegoCallbackParser,
  pingFailureKinds: { '100000000': 'wrong-region', '100000001': 'bad-credentials', '100000010': 'bad-credentials', '100000016': 'wrong-environment' },
  connect(a, baseUrl, deps) {
    const isTest = a.environment === 'test' ? true : null;
    const client = createZegoClient({
      baseUrl,
      appId: a.fields.appId,
      serverSecret: a.secrets.serverSecret ?? '',
      isTest,
      limiter: deps.limiter,
      skew: deps.skew,
      timeoutMs: deps.timeoutMs,
      ...(deps.now ? { now: deps.now } : {}),
    });
    const op = (call: VendorCall): ZegoCallOptions => {
      const sink = call.onExchange;
      if (!sink) return { priority: call.priority };
      return {
        priority: call.priority,
        onExchange: (r) =>
          sink({
            vendor: 'zego',
            action: r.action,
            at: r.at,
            durationMs: r.durationMs,
            requestId: r.requestId,
            request: { method: 'POST', url: `${trimBase(baseUrl)}/?${zegoQuery(r.action, a.fields.appId, isTest)}`, body: r.request },
            response: r.response ? redactZegoBody(r.response) : null,
            httpStatus: null,
            errorCode: r.errorCode,
          }),
      };
    };
    return {
      ping: (call) => client.ping(op(call)),
      async start({ request, storage, clientTaskId }, call) {
        const r = await client.startRecord(request, storage as ZegoStorage | null, { ...op(call), clientTaskId });
        return { vendorTaskId: r.taskId, requestId: r.requestId, sentBody: r.sentBody, reconciled: r.reconciled };
      },
      stop: (t, call) => client.stopRecord(t.vendorTaskId, op(call)),
      pause: (t, call) => client.pauseRecord(t.vendorTaskId, op(call)),
      resume: (t, call) => client.resumeRecord(t.vendorTaskId, op(call)),
      snapshot: (t, call) => client.takeSnapshot(t.vendorTaskId, op(call)),
      updateWhiteboard: (t, whiteboardId, call) => client.updateWhiteboard(t.vendorTaskId, whiteboardId, op(call)),
      updateLayout: (t, mix, call) => client.updateLayout(t.vendorTaskId, mix, op(call)),
      async status(t, call) {
        const r = await client.describeRecordStatus(t.vendorTaskId, { ...op(call), mixOutputStreamId: t.request.mix?.outputStreamId ?? null });
        return { status: r.status, requestId: r.requestId, raw: r.raw };
      },
      async listOpenTasks(query, call) {
        const page = await client.listOpenTasks(query, op(call));
        return { tasks: page.tasks.map(openTaskRow), total: page.totalCount, pageSize: LIST_PAGE_SIZE };
      },
      reconcileStart: (input, call) => client.reconcileStart(input, op(call)),
    };
  },
  accountKey: (a) => `zego:${String(a.fields['appId'])}`,
  pollLane: (a) => zegoLane(String(a.fields['appId']), 'DescribeRecordStatus', a.environment === 'test'),
  sweepLane: (a) => zegoLane(String(a.fields['appId']), 'DescribeTasks', a.environment === 'test'),
  // RecordMode 2 is a mixed task; its mix settings stay unknown (the files are told apart by RecordMode).
  adoptedRequest: (roomId, status) => RecordingRequestSchema.parse({ roomId, mode: status.extra['recordMode'] === 2 ? 'mixed' : 'single' }),
  diff: diffStatus,
  validate: (request, storage) => ZEGO_CONTRACT.validate(request, contractStorage(storage)),
  validateLayout: (mix, request) => validateZegoLayout(mix, request.whiteboard !== null, ZEGO_LIMITS, ''),
  curlPlaceholders: () => ({
    headers: { 'Content-Type': 'application/json;charset=utf-8' },
    signatureQuery: { SignatureNonce: '<NONCE>', Timestamp: '<TIMESTAMP>', SignatureVersion: '2.0', Signature: '<SIGNATURE>' },
  }),
  readActions: ['DescribeRecordStatus', 'DescribeTasks'],
  previewStart(a, baseUrl, request, storage, clientTaskId) {
    const isTest = a.environment === 'test' ? true : null;
    const body = buildStartRecordBody(request, storage ? { target: storage.target, keys: maskedKeys(storage) } : null, clientTaskId);
    return { method: 'POST', url: `${trimBase(baseUrl)}/?${zegoQuery('StartRecord', a.fields['appId'], isTest)}`, ...zegoAdapter.curlPlaceholders(a, 'StartRecord'), body };
  },
  signForCurl(a, baseUrl, target, nowMs, skewSec) {
    const timestamp = Math.floor(nowMs / 1000) + skewSec;
    const storage = target.kind === 'start' && target.storage ? { target: target.storage.target, keys: maskedKeys(target.storage) } : null;
    const [action, body] = target.kind === 'start' ? ['StartRecord', buildStartRecordBody(target.request, storage, null)] : ['DescribeRecordStatus', { TaskId: target.task.vendorTaskId }];
    const query = new URLSearchParams({ Action: action, ...signZegoRequest(a.fields.appId, a.secrets.serverSecret ?? '', timestamp) });
    if (a.environment === 'test') query.set('IsTest', 'true');
    return {
      method: 'POST',
      url: `${trimBase(baseUrl)}/?${query.toString()}`,
      headers: { 'Content-Type': 'application/json;charset=utf-8' },
      body,
      expiresAt: (timestamp - skewSec + ZEGO_SIGNATURE_WINDOW_SEC) * 1000,
    };
  },
  importLegacyStart: (text) => importLegacyStartBody(text),
};
