import { generateSandboxCredentials, registerSandboxApps, type SandboxCredentials } from './credentials';
import { sandboxEmulators } from './index';
import { createSandbox, type Sandbox } from './server';

/**
 * Starts the Sandbox on its own (`npm run emulator [-- --port N]`) with all three emulators,
 * registers one sandbox app per vendor and prints where to reach them. Credentials are random per
 * run; RECDECK_SANDBOX_ZEGO_SECRET fixes the ZEGO ServerSecret for scripts.
 */
export async function startStandaloneSandbox(
  port = 0,
  options: { print?: (line: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<{ sandbox: Sandbox; credentials: SandboxCredentials }> {
  const env = options.env ?? process.env;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sandbox = await createSandbox({ port, emulators: sandboxEmulators() });
  const credentials = generateSandboxCredentials(env['RECDECK_SANDBOX_ZEGO_SECRET']);
  await registerSandboxApps(sandbox, credentials);
  const { zego, tiw, trro } = credentials;
  print(`RecDeck Sandbox listening on ${sandbox.baseUrl}`);
  print(`  ZEGO endpoint:        ${sandbox.baseUrl}/zego`);
  print(`  ZEGO AppId:           ${zego.appId}`);
  print(`  ZEGO ServerSecret:    ${zego.serverSecret}`);
  print(`  ZEGO CallbackSecret:  ${zego.callbackSecret}`);
  print(`  TIW endpoint:         ${sandbox.baseUrl}/tencent-tiw   SdkAppId ${tiw.sdkAppId}`);
  print(`  TIW SecretId / Key:   ${tiw.secretId} / ${tiw.secretKey}`);
  print(`  TIW SDK secret key:   ${tiw.sdkSecretKey}`);
  print(`  TRRO endpoint:        ${sandbox.baseUrl}/tencent-trro  ProjectId ${trro.projectId}`);
  print(`  TRRO SecretId / Key:  ${trro.secretId} / ${trro.secretKey}`);
  print(`  Control API:          POST ${sandbox.baseUrl}/control/<vendor>/<command>`);
  return { sandbox, credentials };
}
