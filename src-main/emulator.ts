import { randomBytes, randomInt } from 'node:crypto';
import { createZegoEmulator } from './emulator/zego';
import { createSandbox, type EmulatorFactory, type Sandbox } from './emulator/server';

/** The sandbox ZEGO app a standalone Sandbox registers. */
export interface SandboxZegoApp {
  appId: number;
  serverSecret: string;
  callbackSecret: string;
}

/**
 * Starts the Sandbox on its own (`npm run emulator [-- --port N]`) with the ZEGO emulator plus any
 * `extra` emulators, registers one sandbox ZEGO app and prints where to reach it. The ServerSecret
 * is random per run unless RECDECK_SANDBOX_ZEGO_SECRET is set.
 */
export async function startStandaloneSandbox(
  port = 0,
  options: { extra?: ReadonlyArray<EmulatorFactory>; print?: (line: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<{ sandbox: Sandbox; zego: SandboxZegoApp }> {
  const env = options.env ?? process.env;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sandbox = await createSandbox({ port, emulators: [createZegoEmulator(), ...(options.extra ?? [])] });
  const zego: SandboxZegoApp = {
    appId: randomInt(1_000_000_000, 2_000_000_000),
    serverSecret: env['RECDECK_SANDBOX_ZEGO_SECRET'] || randomBytes(16).toString('hex'),
    callbackSecret: randomBytes(8).toString('hex'),
  };
  await sandbox.control('zego', 'register-app', zego);
  print(`RecDeck Sandbox listening on ${sandbox.baseUrl}`);
  print(`  ZEGO endpoint:      ${sandbox.baseUrl}/zego`);
  print(`  ZEGO AppId:         ${zego.appId}`);
  print(`  ZEGO ServerSecret:  ${zego.serverSecret}`);
  print(`  ZEGO CallbackSecret: ${zego.callbackSecret}`);
  print(`  Control API:        POST ${sandbox.baseUrl}/control/<vendor>/<command>`);
  return { sandbox, zego };
}
