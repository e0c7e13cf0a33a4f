import { msg, TRRO_CONTRACT, TRRO_DESCRIPTOR, trroMsg, type FieldIssue } from '@contract';
import { AppFailure } from '../../errors/app-failure';
import type { VendorAdapter, VendorCall } from '../adapter';
import type { StorageForSend } from '../credentials';
import { diffVendorStatus } from '../shared/status-diff';
import { contractStorage, maskedKeys, trimBase } from '../shared/preview';
import { api3Call, TENCENT_PING_FAILURES, tencentClientDeps, tencentHeaders } from '../shared/tencent-adapter';
import { trroCallbackParser } from './callback-parser';
import { createTrroClient } from './client';
import { TRRO_API } from './api';
import { toCreateCloudRecordingBody, type TrroStorage } from './request';

const LABEL = 'TRRO';

function trroStorage(storage: StorageForSend | null): TrroStorage {
  if (!storage) {
    const issues: FieldIssue[] = [{ path: 'storageTargetId', severity: 'error', message: msg('issue.storageRequired') }];
    throw new AppFailure('VALIDATION', trroMsg('vendor.tencent-trro.error.storageRequired'), { details: { issues } });
  }
  return {
    target: { provider: storage.target.provider, region: storage.target.region ?? null, bucket: storage.target.bucket ?? null, pathPrefix: storage.target.pathPrefix ?? null },
    keys: { accessKeyId: storage.keys.accessKeyId ?? '', accessKeySecret: storage.keys.accessKeySecret ?? '' },
  };
}

/** TRRO cloud recording: TencentCloud API 3.0, no status query (state comes by callback), uploads to a storage target. */
export const trroAdapter: VendorAdapter<'tencent-trro'> = {
  id: 'tencent-trro',
  descriptor: TRRO_DESCRIPTOR,
  label: LABEL,
  defaultBaseUrl: () => TRRO_API.defaultBaseUrl,
  pingSecrets: ['secretId', 'secretKey'],
  callbacks: trroCallbackParser,
  pingFailureKinds: TENCENT_PING_FAILURES,
  connect(a, baseUrl, deps) {
    const client = createTrroClient({
      baseUrl,
      projectId: a.fields.projectId,
      region: a.fields.region ?? null,
      secretId: a.secrets.secretId ?? '',
      secretKey: a.secrets.secretKey ?? '',
      ...tencentClientDeps(deps),
    });
    const op = (call: VendorCall) => api3Call('tencent-trro', baseUrl, call);
    return {
      ping: (call) => client.ping(op(call)),
      async start({ request, storage }, call) {
        const r = await client.createCloudRecording(request, trroStorage(storage), op(call));
        return { vendorTaskId: r.taskId, requestId: r.requestId, sentBody: r.sentBody, reconciled: false };
      },
      stop: (t, call) => client.deleteCloudRecording(t.vendorTaskId, op(call)),
      async directCallbacks(url, call) {
        await client.modifyCallbackUrl(url, a.secrets.signKey ?? null, op(call));
      },
    };
  },
  // Its rate lanes are per project; the SecretId is a keychain secret and never names a key on the team server.
  accountKey: (a) => `tencent-trro:${String(a.fields['projectId'])}`,
  pollLane: () => null,
  diff: (prev, next, source, at) => diffVendorStatus(prev, next, source, at, { vendor: TRRO_DESCRIPTOR.id, label: LABEL }),
  validate: (request, storage) => TRRO_CONTRACT.validate(request, contractStorage(storage)),
  curlPlaceholders: (a, action) => ({ signatureQuery: {}, headers: tencentHeaders(TRRO_API, action, typeof a.fields['region'] === 'string' ? a.fields['region'] : null) }),
  readActions: [],
  previewStart(a, baseUrl, request, storage) {
    const region = typeof a.fields['region'] === 'string' ? a.fields['region'] : null;
    let body: unknown = null;
    if (storage) {
      try {
        body = toCreateCloudRecordingBody(request, String(a.fields['projectId']), trroStorage({ target: storage.target, keys: maskedKeys(storage) }));
      } catch {
        body = null;
      }
    }
    return { method: 'POST', url: `${trimBase(baseUrl)}/`, headers: tencentHeaders(TRRO_API, 'CreateCloudRecording', region), signatureQuery: {}, body };
  },
};
