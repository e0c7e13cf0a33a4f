import { randomBytes, randomInt } from 'node:crypto';
import type { SandboxSeed } from '../seed';

/** A Sandbox TRRO project and the Tencent Cloud account that owns it: random per install. */
export interface TrroSandboxCredentials {
  projectId: string;
  secretId: string;
  secretKey: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const lowerAlnum = (length: number): string =>
  Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');

/** TRRO's part of the Sandbox. */
export const trroSeed: SandboxSeed<'tencent-trro', TrroSandboxCredentials> = {
  generate: () => ({ projectId: lowerAlnum(16), secretId: `AKIDsandbox${hex(10)}`, secretKey: hex(16) }),
  async register(control, creds) {
    await control('register-project', creds);
  },
  account: (creds, endpoint) => ({
    vendor: 'tencent-trro',
    name: 'Sandbox · Tencent TRRO',
    endpoint,
    fields: { projectId: creds.projectId },
    secrets: { secretId: creds.secretId, secretKey: creds.secretKey },
  }),
  async restore(account, ensure, control) {
    const fresh = trroSeed.generate({});
    await trroSeed.register(control, {
      projectId: account.fields.projectId,
      secretId: await ensure('secretId', fresh.secretId),
      secretKey: await ensure('secretKey', fresh.secretKey),
    });
    await ensure('signKey', hex(12));
  },
  describe: (creds, endpoint) => [
    `  TRRO endpoint:        ${endpoint}  ProjectId ${creds.projectId}`,
    `  TRRO SecretId / Key:  ${creds.secretId} / ${creds.secretKey}`,
  ],
};
