import type { VendorDescriptor, VendorId } from '@contract';
import { validateTiwRequest } from '@contract/validate/tencent-tiw';
import { validateTrroRequest } from '@contract/validate/tencent-trro';
import { validateZegoRequest } from '@contract/validate/zego';
import type { AccountCredentials, StorageForSend } from './credentials';
import { tiwCallbackParser } from './tencent-tiw/callback-parser';
import { trroCallbackParser } from './tencent-trro/callback-parser';
import { zegoCallbackParser } from './zego/callback-parser';
import type { ConnectOptions, StorageShape, VendorAdapter, VendorConnection, VendorDeps, VendorTaskRef } from './adapter';
import { diffVendorStatus } from './shared/status-diff';
import type { Api3Exchange } from './shared/tencent-api3';
import { AppFailure } from '../errors/app-failure';
import { createTiwClient, diffTiwStatus, TIW_API, TIW_DESCRIPTOR, toStartOnlineRecordBody } from './tencent-tiw';
import { defaultRecordUserId } from './tencent-tiw/request';
import { createTrroClient, toCreateCloudRecordingBody, TRRO_API, TRRO_DESCRIPTOR, type TrroStorage } from './tencent-trro';
import { buildStartRecordBody, createZegoClient, diffStatus, redactZegoBody, ZEGO_DESCRIPTOR, zegoRate, type ZegoCallRecord, type ZegoStorage } from './zego';

/** How secrets appear in previews. */
export const PREVIEW_MASK = '••••';

const TENCENT_PING_FAILURES = {
  UnsupportedRegion: 'wrong-region',
  'InvalidParameterValue.Region': 'wrong-region',
  'AuthFailure.SecretIdNotFound': 'bad-credentials',
  'AuthFailure.SignatureFailure': 'bad-credentials',
} as const;

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

function zegoQuery(action: string, appId: unknown, isTest: boolean | null): string {
  const q = new URLSearchParams({ Action: action, AppId: String(appId) });
  if (isTest !== null) q.set('IsTest', String(isTest));
  return q.toString();
}

function maskedKeys(shape: StorageShape | null): Partial<Record<keyof StorageForSend['keys'], string>> {
  return Object.fromEntries(Object.entries(shape?.keysSet ?? {}).map(([k, set]) => [k, set ? PREVIEW_MASK : ''])) as Partial<Record<keyof StorageForSend['keys'], string>>;
}

function tencentExchange(vendor: VendorId, baseUrl: string, sink: ConnectOptions['onExchange']): ((e: Api3Exchange) => void) | undefined {
  if (!sink) return undefined;
  return (e) =>
    sink({
      vendor,
      action: e.action,
      at: e.at,
      durationMs: e.durationMs,
      requestId: e.requestId,
      request: { method: 'POST', url: `${trimBase(baseUrl)}/`, body: e.request },
      response: e.response,
      httpStatus: e.httpStatus,
      errorCode: e.errorCode,
    });
}

function tencentHeaders(api: { service: string; version: string }, action: string, region: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: '<TC3 AUTHORIZATION>',
    'Content-Type': 'application/json',
    'X-TC-Action': action,
    'X-TC-Version': api.version,
    'X-TC-Timestamp': '<TIMESTAMP>',
  };
  if (region) headers['X-TC-Region'] = region;
  return headers;
}

const zego: VendorAdapter<'zego'> = {
  id: 'zego',
  descriptor: ZEGO_DESCRIPTOR,
  defaultBaseUrl: (a) => `https://${a.fields.regionHost}`,
  pingSecrets: ['serverSecret'],
  callbacks: zegoCallbackParser,
  pingFailureKinds: { '100000000': 'wrong-region', '100000001': 'bad-credentials', '100000010': 'bad-credentials', '100000016': 'wrong-environment' },
  connect(a, baseUrl, deps, options = {}) {
    const isTest = a.environment === 'test' ? true : null;
    const sink = options.onExchange;
    const log = sink
      ? (r: ZegoCallRecord) =>
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
          })
      : undefined;
    const client = createZegoClient({
      baseUrl,
      appId: a.fields.appId,
      serverSecret: a.secrets.serverSecret ?? '',
      isTest,
      limiter: deps.limiter,
      skew: deps.skew,
      timeoutMs: deps.timeoutMs,
      ...(deps.now ? { now: deps.now } : {}),
      ...(log ? { log } : {}),
    });
    const op = (t: VendorTaskRef) => ({ priority: t.priority });
    return {
      ping: () => client.ping(),
      async start({ request, storage, clientTaskId, priority }) {
        const r = await client.startRecord(request, storage as ZegoStorage | null, { priority, clientTaskId });
        return { vendorTaskId: r.taskId, requestId: r.requestId, sentBody: r.sentBody, reconciled: r.reconciled };
      },
      stop: (t) => client.stopRecord(t.vendorTaskId, op(t)),
      pause: (t) => client.pauseRecord(t.vendorTaskId, op(t)),
      resume: (t) => client.resumeRecord(t.vendorTaskId, op(t)),
      snapshot: (t) => client.takeSnapshot(t.vendorTaskId, op(t)),
      updateWhiteboard: (t, whiteboardId) => client.updateWhiteboard(t.vendorTaskId, whiteboardId, op(t)),
      updateLayout: (t, mix) => client.updateLayout(t.vendorTaskId, mix, { ...op(t), whiteboardEnabled: t.request.whiteboard !== null }),
      async status(t) {
        const r = await client.describeRecordStatus(t.vendorTaskId, { ...op(t), mixOutputStreamId: t.request.mix?.outputStreamId ?? null });
        return { status: r.status, requestId: r.requestId, raw: r.raw };
      },
      reconcileStart: (input) => client.reconcileStart(input, { priority: input.priority }),
    };
  },
  pollLane: (a) => ({ laneKey: `zego:${String(a.fields['appId'])}:DescribeRecordStatus`, ratePerSecond: zegoRate('DescribeRecordStatus', a.environment === 'test') }),
  diff: diffStatus,
  validate(request, storage) {
    const shape = storage ? { ...storage.target, keys: storage.keysSet } : null;
    return validateZegoRequest(request, shape, ZEGO_DESCRIPTOR.limits as never);
  },
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
};

/** What both Tencent clients take from the process-wide vendor services. */
function tencentClientDeps<X>(deps: VendorDeps, onExchange: X | undefined) {
  return {
    limiter: deps.limiter,
    skew: deps.skew,
    timeoutMs: deps.timeoutMs,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(onExchange ? { onExchange } : {}),
  };
}

const tiw: VendorAdapter<'tencent-tiw'> = {
  id: 'tencent-tiw',
  descriptor: TIW_DESCRIPTOR,
  defaultBaseUrl: () => TIW_API.defaultBaseUrl,
  pingSecrets: ['secretId', 'secretKey'],
  callbacks: tiwCallbackParser,
  pingFailureKinds: TENCENT_PING_FAILURES,
  connect(a, baseUrl, deps, options = {}) {
    const onExchange = tencentExchange('tencent-tiw', baseUrl, options.onExchange);
    const client = createTiwClient({
      baseUrl,
      sdkAppId: a.fields.sdkAppId,
      region: a.fields.region,
      secretId: a.secrets.secretId ?? '',
      secretKey: a.secrets.secretKey ?? '',
      sdkSecretKey: a.secrets.sdkSecretKey ?? null,
      ...tencentClientDeps(deps, onExchange),
    });
    const op = (t: VendorTaskRef) => ({ priority: t.priority });
    return {
      ping: () => client.ping(),
      async start({ request, priority }) {
        const r = await client.startOnlineRecord(request, { priority });
        return { vendorTaskId: r.taskId, requestId: r.requestId, sentBody: r.sentBody, reconciled: false };
      },
      stop: (t) => client.stopOnlineRecord(t.vendorTaskId, op(t)),
      pause: (t) => client.pauseOnlineRecord(t.vendorTaskId, op(t)),
      resume: (t) => client.resumeOnlineRecord(t.vendorTaskId, op(t)),
      async directCallbacks(url) {
        await client.setOnlineRecordCallback(url, { priority: 'operator' });
        if (a.secrets.callbackKey) await client.setOnlineRecordCallbackKey(a.secrets.callbackKey, { priority: 'operator' });
      },
      async status(t) {
        const r = await client.describeOnlineRecord(t.vendorTaskId, op(t));
        return { status: r.status, requestId: r.requestId || null, raw: r.status };
      },
    };
  },
  pollLane: (a) => ({ laneKey: `tencent-tiw:${String(a.fields['sdkAppId'])}:DescribeOnlineRecord`, ratePerSecond: TIW_DESCRIPTOR.ratePerSecond['other'] ?? 20 }),
  diff: diffTiwStatus,
  validate: (request) => validateTiwRequest(request),
  previewStart(a, baseUrl, request) {
    const recordUserId = request.tiw.recordUserId ?? defaultRecordUserId(request.roomId, '<random>');
    const body = toStartOnlineRecordBody(request, { sdkAppId: Number(a.fields['sdkAppId']), recordUserId, recordUserSig: PREVIEW_MASK });
    const region = typeof a.fields['region'] === 'string' ? a.fields['region'] : null;
    return { method: 'POST', url: `${trimBase(baseUrl)}/`, headers: tencentHeaders(TIW_API, 'StartOnlineRecord', region), signatureQuery: {}, body };
  },
};

function trroStorage(storage: StorageForSend | null): TrroStorage {
  if (!storage) {
    throw new AppFailure(
      'VALIDATION',
      { en: 'TRRO uploads to a storage target: choose one.', 'zh-CN': 'TRRO 需要上传到存储目标，请选择一个。' },
      { details: { issues: [{ path: 'storageTargetId', en: 'Choose a storage target.', 'zh-CN': '请选择存储目标。', severity: 'error' }] } },
    );
  }
  return {
    target: { provider: storage.target.provider, region: storage.target.region ?? null, bucket: storage.target.bucket ?? null, pathPrefix: storage.target.pathPrefix ?? null },
    keys: { accessKeyId: storage.keys.accessKeyId ?? '', accessKeySecret: storage.keys.accessKeySecret ?? '' },
  };
}

const trro: VendorAdapter<'tencent-trro'> = {
  id: 'tencent-trro',
  descriptor: TRRO_DESCRIPTOR,
  defaultBaseUrl: () => TRRO_API.defaultBaseUrl,
  pingSecrets: ['secretId', 'secretKey'],
  callbacks: trroCallbackParser,
  pingFailureKinds: TENCENT_PING_FAILURES,
  connect(a, baseUrl, deps, options = {}) {
    const onExchange = tencentExchange('tencent-trro', baseUrl, options.onExchange);
    const client = createTrroClient({
      baseUrl,
      projectId: a.fields.projectId,
      region: a.fields.region ?? null,
      secretId: a.secrets.secretId ?? '',
      secretKey: a.secrets.secretKey ?? '',
      ...tencentClientDeps(deps, onExchange),
    });
    return {
      ping: () => client.ping(),
      async start({ request, storage, priority }) {
        const r = await client.createCloudRecording(request, trroStorage(storage), { priority });
        return { vendorTaskId: r.taskId, requestId: r.requestId, sentBody: r.sentBody, reconciled: false };
      },
      stop: (t) => client.deleteCloudRecording(t.vendorTaskId, { priority: t.priority }),
      async directCallbacks(url) {
        await client.modifyCallbackUrl(url, a.secrets.signKey ?? null, { priority: 'operator' });
      },
    };
  },
  pollLane: () => null,
  diff: (prev, next, source, at) => diffVendorStatus(prev, next, source, at, { label: 'TRRO' }),
  validate(request, storage) {
    const issues = validateTrroRequest(request);
    if (!storage) issues.push({ path: 'storageTargetId', en: 'Choose a storage target.', 'zh-CN': '请选择存储目标。', severity: 'error' });
    return issues;
  },
  previewStart(a, baseUrl, request, storage) {
    const region = typeof a.fields['region'] === 'string' ? a.fields['region'] : null;
    let body: unknown = null;
    if (storage) {
      const keys = maskedKeys(storage);
      try {
        body = toCreateCloudRecordingBody(request, String(a.fields['projectId']), trroStorage({ target: storage.target, keys }));
      } catch {
        body = null;
      }
    }
    return { method: 'POST', url: `${trimBase(baseUrl)}/`, headers: tencentHeaders(TRRO_API, 'CreateCloudRecording', region), signatureQuery: {}, body };
  },
};

/** Every vendor RecDeck speaks; a vendor id without an adapter is a type error. */
export const VENDOR_ADAPTERS = { zego, 'tencent-tiw': tiw, 'tencent-trro': trro } satisfies { [V in VendorId]: VendorAdapter<V> };

/** Every vendor's descriptor, in registry order (`vendors:list`). */
export function vendorDescriptors(): VendorDescriptor[] {
  return Object.values(VENDOR_ADAPTERS).map((a) => a.descriptor);
}

/** The adapter for an account's vendor, typed to that account. */
export function connectAccount(account: AccountCredentials, deps: VendorDeps, options: ConnectOptions = {}): VendorConnection {
  const adapter = VENDOR_ADAPTERS[account.vendor] as VendorAdapter;
  return adapter.connect(account as never, account.endpoint ?? adapter.defaultBaseUrl(account as never), deps, options);
}

/** The adapter of one vendor, untyped by account. */
export function adapterOf(vendor: VendorId): VendorAdapter {
  return VENDOR_ADAPTERS[vendor] as VendorAdapter;
}

/** A vendor action the descriptor does not offer, as the error every caller sees. */
export function unsupportedAction(what: { en: string; 'zh-CN': string }): AppFailure {
  return new AppFailure('UNSUPPORTED', { en: `${what.en} is not offered by this vendor.`, 'zh-CN': `该厂商不支持${what['zh-CN']}。` });
}
