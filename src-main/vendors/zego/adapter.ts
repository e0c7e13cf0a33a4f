import { validateZegoLayout, ZEGO_CONTRACT, ZEGO_DESCRIPTOR, ZEGO_LIMITS } from '@contract';
import type { VendorAdapter, VendorCall } from '../adapter';
import { contractStorage, maskedKeys, trimBase } from '../shared/preview';
import { zegoCallbackParser } from './callback-parser';
import { createZegoClient, type ZegoCallOptions } from './client';
import { importLegacyStartBody } from './legacy';
import { diffStatus } from './map';
import { zegoLane } from './rates';
import { buildStartRecordBody, redactZegoBody, type ZegoStorage } from './request';

function zegoQuery(action: string, appId: unknown, isTest: boolean | null): string {
  const q = new URLSearchParams({ Action: action, AppId: String(appId) });
  if (isTest !== null) q.set('IsTest', String(isTest));
  return q.toString();
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
      reconcileStart: (input, call) => client.reconcileStart(input, op(call)),
    };
  },
  pollLane: (a) => zegoLane(String(a.fields['appId']), 'DescribeRecordStatus', a.environment === 'test'),
  diff: diffStatus,
  validate: (request, storage) => ZEGO_CONTRACT.validate(request, contractStorage(storage)),
  validateLayout: (mix, request) => validateZegoLayout(mix, request.whiteboard !== null, ZEGO_LIMITS, ''),
  previewStart(a, baseUrl, request, storage, clientTaskId) {
    const isTest = a.environment === 'test' ? true : null;
    const body = buildStartRecordBody(request, storage ? { target: storage.target, keys: maskedKeys(storage) } : null, clientTaskId);
    return {
      method: 'POST',
      url: `${trimBase(baseUrl)}/?${zegoQuery('StartRecord', a.fields['appId'], isTest)}`,
      headers: { 'Content-Type': 'application/json;charset=utf-8' },
      signatureQuery: { SignatureNonce: '<NONCE>', Timestamp: '<TIMESTAMP>', SignatureVersion: '2.0', Signature: '<SIGNATURE>' },
      body,
    };
  },
  importLegacyStart: (text) => importLegacyStartBody(text),
};
