import { parseArgs } from 'node:util';
import { startStandaloneSandbox } from './emulator/standalone';

/** Standalone Sandbox entry: `npm run emulator [-- --port N]`. Stops cleanly on SIGINT / SIGTERM. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const { sandbox } = await startStandaloneSandbox(port);
  const stop = (): void => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`RecDeck Sandbox could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
