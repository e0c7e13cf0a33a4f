import { describeSandboxCredentials, generateSandboxCredentials, registerSandboxApps, type SandboxCredentials } from './credentials';
import { sandboxEmulators } from './index';
import { createSandbox, type Sandbox } from './server';

/**
 * Starts the Sandbox on its own (`npm run emulator [-- --port N]`) with every emulator, registers
 * one sandbox app per vendor and prints where to reach them, and the control API's token.
 * Credentials are random per run except what `env` fixes for scripts (see each vendor's seed).
 */
export async function startStandaloneSandbox(
  port = 0,
  options: { print?: (line: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<{ sandbox: Sandbox; credentials: SandboxCredentials }> {
  const env = options.env ?? process.env;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sandbox = await createSandbox({ port, emulators: sandboxEmulators() });
  const credentials = generateSandboxCredentials(env);
  await registerSandboxApps(sandbox, credentials);
  print(`RecDeck Sandbox listening on ${sandbox.baseUrl}`);
  for (const line of describeSandboxCredentials(sandbox.baseUrl, credentials)) print(line);
  print(`  Control API:          POST ${sandbox.baseUrl}/control/<vendor>/<command>`);
  print(`  Control token:        Authorization: Bearer ${sandbox.controlToken}   (new at every launch)`);
  return { sandbox, credentials };
}
