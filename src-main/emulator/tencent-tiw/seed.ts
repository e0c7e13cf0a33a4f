import { randomBytes, randomInt } from 'node:crypto';
import type { SandboxSeed } from '../seed';

/** A Sandbox TIW app and the Tencent Cloud account that owns it: random per install. */
export interface TiwSandboxCredentials {
  sdkAppId: number;
  secretId: string;
  secretKey: string;
  sdkSecretKey: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** TIW's part of the Sandbox. */
export const tiwSeed: SandboxSeed<'tencent-tiw', TiwSandboxCredentials> = {
  generate: () => ({ sdkAppId: randomInt(1_400_000_000, 1_400_999_999), secretId: `AKIDsandbox${hex(10)}`, secretKey: hex(16), sdkSecretKey: hex(32) }),
  async register(control, creds) {
    await control('register-app', creds);
  },
  account: (creds, endpoint) => ({
    vendor: 'tencent-tiw',
    name: 'Sandbox · Tencent TIW',
    endpoint,
    fields: { sdkAppId: creds.sdkAppId, region: 'ap-singapore' },
    secrets: { secretId: creds.secretId, secretKey: creds.secretKey, sdkSecretKey: creds.sdkSecretKey },
  }),
  async restore(account, ensure, control) {
    const fresh = tiwSeed.generate({});
    await tiwSeed.register(control, {
      sdkAppId: account.fields.sdkAppId,
      secretId: await ensure('secretId', fresh.secretId),
      secretKey: await ensure('secretKey', fresh.secretKey),
      sdkSecretKey: await ensure('sdkSecretKey', fresh.sdkSecretKey),
    });
    await ensure('callbackKey', hex(12));
  },
  describe: (creds, endpoint) => [
    `  TIW endpoint:         ${endpoint}   SdkAppId ${creds.sdkAppId}`,
    `  TIW SecretId / Key:   ${creds.secretId} / ${creds.secretKey}`,
    `  TIW SDK secret key:   ${creds.sdkSecretKey}`,
  ],
};
