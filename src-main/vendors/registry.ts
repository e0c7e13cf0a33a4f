import type { VendorId } from '@contract';
import type { AccountCredentials } from '../accounts';
import type { VendorAdapter, VendorConnection, VendorDeps } from './adapter';
import { createTiwClient } from './tencent-tiw';
import { createTrroClient } from './tencent-trro';
import { createZegoClient } from './zego';

const TENCENT_PING_FAILURES = {
  UnsupportedRegion: 'wrong-region',
  'InvalidParameterValue.Region': 'wrong-region',
  'AuthFailure.SecretIdNotFound': 'bad-credentials',
  'AuthFailure.SignatureFailure': 'bad-credentials',
} as const;

const zego: VendorAdapter<'zego'> = {
  id: 'zego',
  defaultBaseUrl: (a) => `https://${a.fields.regionHost}`,
  pingSecrets: ['serverSecret'],
  pingFailureKinds: { '100000000': 'wrong-region', '100000001': 'bad-credentials', '100000010': 'bad-credentials', '100000016': 'wrong-environment' },
  connect: (a, baseUrl, deps) =>
    createZegoClient({
      baseUrl,
      appId: a.fields.appId,
      serverSecret: a.secrets.serverSecret ?? '',
      isTest: a.environment === 'test' ? true : null,
      ...deps,
    }),
};

const tiw: VendorAdapter<'tencent-tiw'> = {
  id: 'tencent-tiw',
  defaultBaseUrl: () => 'https://tiw.tencentcloudapi.com',
  pingSecrets: ['secretId', 'secretKey'],
  pingFailureKinds: TENCENT_PING_FAILURES,
  connect: (a, baseUrl, deps) =>
    createTiwClient({
      baseUrl,
      sdkAppId: a.fields.sdkAppId,
      region: a.fields.region,
      secretId: a.secrets.secretId ?? '',
      secretKey: a.secrets.secretKey ?? '',
      sdkSecretKey: a.secrets.sdkSecretKey ?? null,
      ...deps,
    }),
};

const trro: VendorAdapter<'tencent-trro'> = {
  id: 'tencent-trro',
  defaultBaseUrl: () => 'https://trro.tencentcloudapi.com',
  pingSecrets: ['secretId', 'secretKey'],
  pingFailureKinds: TENCENT_PING_FAILURES,
  connect: (a, baseUrl, deps) =>
    createTrroClient({
      baseUrl,
      projectId: a.fields.projectId,
      region: a.fields.region ?? null,
      secretId: a.secrets.secretId ?? '',
      secretKey: a.secrets.secretKey ?? '',
      ...deps,
    }),
};

/** Every vendor RecDeck speaks; a vendor id without an adapter is a type error. */
export const VENDOR_ADAPTERS = { zego, 'tencent-tiw': tiw, 'tencent-trro': trro } satisfies { [V in VendorId]: VendorAdapter<V> };

/** The adapter for an account's vendor, typed to that account. */
export function connectAccount(account: AccountCredentials, deps: VendorDeps): VendorConnection {
  const adapter = VENDOR_ADAPTERS[account.vendor] as VendorAdapter;
  return adapter.connect(account as never, account.endpoint ?? adapter.defaultBaseUrl(account as never), deps);
}

/** The adapter of one vendor, untyped by account. */
export function adapterOf(vendor: VendorId): VendorAdapter {
  return VENDOR_ADAPTERS[vendor] as VendorAdapter;
}
