import { TIW_CONTRACT, TIW_DESCRIPTOR } from '@contract';
import type { VendorAdapter, VendorCall } from '../adapter';
import { PREVIEW_MASK, trimBase } from '../shared/preview';
import { api3Call, TENCENT_PING_FAILURES, tencentClientDeps, tencentHeaders } from '../shared/tencent-adapter';
import { tiwCallbackParser } from './callback-parser';
import { createTiwClient } from './client';
import { TIW_API } from './api';
import { diffTiwStatus } from './map';
import { tiwLane } from './rates';
import { defaultRecordUserId, toStartOnlineRecordBody } from './request';

/** TIW online recording: TencentCloud API 3.0, a status query, pause and resume, no storage target. */
export const tiwAdapter: VendorAdapter<'tencent-tiw'> = {
  id: 'tencent-tiw',
  descriptor: TIW_DESCRIPTOR,
  label: 'TIW',
  defaultBaseUrl: () => TIW_API.defaultBaseUrl,
  pingSecrets: ['secretId', 'secretKey'],
  callbacks: tiwCallbackParser,
  pingFailureKinds: TENCENT_PING_FAILURES,
  connect(a, baseUrl, deps) {
    const client = createTiwClient({
      baseUrl,
      sdkAppId: a.fields.sdkAppId,
      region: a.fields.region,
      secretId: a.secrets.secretId ?? '',
      secretKey: a.secrets.secretKey ?? '',
      sdkSecretKey: a.secrets.sdkSecretKey ?? null,
      ...tencentClientDeps(deps),
    });
    const op = (call: VendorCall) => api3Call('tencent-tiw', baseUrl, call);
    return {
      ping: (call) => client.ping(op(call)),
      async start({ request }, call) {
        const r = await client.startOnlineRecord(request, op(call));
        return { vendorTaskId: r.taskId, requestId: r.requestId, sentBody: r.sentBody, reconciled: false };
      },
      stop: (t, call) => client.stopOnlineRecord(t.vendorTaskId, op(call)),
      pause: (t, call) => client.pauseOnlineRecord(t.vendorTaskId, op(call)),
      resume: (t, call) => client.resumeOnlineRecord(t.vendorTaskId, op(call)),
      async directCallbacks(url, call) {
        await client.setOnlineRecordCallback(url, op(call));
        if (a.secrets.callbackKey) await client.setOnlineRecordCallbackKey(a.secrets.callbackKey, op(call));
      },
      async status(t, call) {
        const r = await client.describeOnlineRecord(t.vendorTaskId, op(call));
        return { status: r.status, requestId: r.requestId || null, raw: r.status };
      },
    };
  },
  accountKey: (a) => `tencent-tiw:${String(a.fields['sdkAppId'])}`,
  pollLane: (a) => tiwLane(String(a.fields['sdkAppId']), 'DescribeOnlineRecord'),
  diff: diffTiwStatus,
  validate: (request) => TIW_CONTRACT.validate(request, null),
  curlPlaceholders: (a, action) => ({ signatureQuery: {}, headers: tencentHeaders(TIW_API, action, typeof a.fields['region'] === 'string' ? a.fields['region'] : null) }),
  readActions: ['DescribeOnlineRecord', 'DescribeOnlineRecordCallback'],
  previewStart(a, baseUrl, request) {
    const recordUserId = request.tiw.recordUserId ?? defaultRecordUserId(request.roomId, '<random>');
    const body = toStartOnlineRecordBody(request, { sdkAppId: Number(a.fields['sdkAppId']), recordUserId, recordUserSig: PREVIEW_MASK });
    const region = typeof a.fields['region'] === 'string' ? a.fields['region'] : null;
    return { method: 'POST', url: `${trimBase(baseUrl)}/`, headers: tencentHeaders(TIW_API, 'StartOnlineRecord', region), signatureQuery: {}, body };
  },
};
