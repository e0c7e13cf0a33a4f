import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { createCore } from './app/core';
import { resolveDataDir } from './app/data-dir';
import { launchNote } from './app/launch-note';
import { startWebHost } from './hosts/web/server';
import { fileSink } from './logging/file-sink';
import { createLogger } from './logging/logger';
import { createVault } from './secrets/vault';

/**
 * Browser-host entry (`npm run serve [-- --port N --data-dir DIR --team-url URL --desk-name NAME]`;
 * the team server's password comes from PGPASSWORD or the keychain). Prints
 * `RecDeck listening on http://127.0.0.1:PORT/#token=CODE` (CODE opens one tab, once), then where the
 * data lives and where secrets go, and shuts down cleanly on SIGINT / SIGTERM. `RECDECK_API_TOKEN` (43+ URL-safe characters) is the scripts' bearer.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'team-url': { type: 'string' }, 'desk-name': { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const apiToken = process.env.RECDECK_API_TOKEN;
  if (apiToken !== undefined && !/^[A-Za-z0-9_-]{43,256}$/.test(apiToken)) {
    throw new Error('RECDECK_API_TOKEN must be 43 to 256 characters of A-Z, a-z, 0-9, _ and - (e.g. 32 random bytes in base64url)');
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const log = createLogger(fileSink(dataDir));
  const vault = await createVault({ log });
  const team = { ...(values['team-url'] ? { url: values['team-url'] } : {}), ...(values['desk-name'] ? { deskName: values['desk-name'] } : {}) };
  const core = await createCore({ host: 'web', dataDir, version, log, vault, team });
  const host = await startWebHost({ core, staticDir: join(__dirname, '..', 'renderer'), port, log, ...(apiToken === undefined ? {} : { apiToken }) });
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log.info('web.shutdown', { signal });
    void host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.stdout.write(`RecDeck listening on ${host.launchUrl()}\n${launchNote(dataDir, vault.status())}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`RecDeck could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
