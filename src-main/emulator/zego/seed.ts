import { randomBytes, randomInt } from 'node:crypto';
import type { SandboxSeed } from '../seed';

/** A Sandbox ZEGO app: random per install, never a real vendor key. */
export interface ZegoSandboxCredentials {
  appId: number;
  serverSecret: string;
  callbackSecret: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** ZEGO's part of the Sandbox; RECDECK_SANDBOX_ZEGO_SECRET fixes the ServerSecret for scripts. */
export const zegoSeed: SandboxSeed<'zego', ZegoSandboxCredentials> = {
  generate: (env) => ({ appId: randomInt(1_000_000_000, 2_000_000_000), serverSecret: env['RECDECK_SANDBOX_ZEGO_SECRET'] || hex(16), callbackSecret: hex(8) }),
  async register(control, creds) {
    await control('register-app', creds);
  },
  account: (creds, endpoint) => ({
    vendor: 'zego',
    name: 'Sandbox · ZEGO',
    environment: 'production',
    endpoint,
    fields: { appId: creds.appId, regionHost: 'cloudrecord-api.zego.im' },
    secrets: { serverSecret: creds.serverSecret },
  }),
  async restore(account, ensure, control) {
    const fresh = zegoSeed.generate({});
    const serverSecret = await ensure('serverSecret', fresh.serverSecret);
    const callbackSecret = await ensure('callbackSecret', fresh.callbackSecret);
    await zegoSeed.register(control, { appId: account.fields.appId, serverSecret, callbackSecret });
  },
  describe: (creds, endpoint) => [
    `  ZEGO endpoint:        ${endpoint}`,
    `  ZEGO AppId:           ${creds.appId}`,
    `  ZEGO ServerSecret:    ${creds.serverSecret}`,
    `  ZEGO CallbackSecret:  ${creds.callbackSecret}`,
  ],
};
