import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from './app/data-dir';
import { startCluster } from './team/cluster';

/**
 * `npm run team-server -- --data-dir DIR [--port N]`: a PostgreSQL server for a studio that keeps
 * it on one desk. The first run makes the cluster (initdb) in DIR (default: `team-server` in the OS
 * data folder); every run prints the URL desks join with and the password, and stops the server on
 * SIGINT / SIGTERM.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 5433 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be 1–65535, got "${values.port}"`);
  const dir = values['data-dir'] ?? join(resolveDataDir(undefined), 'team-server');
  const cluster = await startCluster({ dataDir: dir, port });
  process.stdout.write(
    [
      `RecDeck team server listening on 127.0.0.1:${cluster.port} (data in ${dir})`,
      `  Join with:  npm run serve -- --team-url ${cluster.url} --desk-name NAME`,
      `  Password:   ${cluster.password}   (give it as PGPASSWORD, or in Settings → Team; kept in ${join(dir, '.recdeck-password')})`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    cluster.stop('fast');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The server runs in its own process; this one stays to stop it when the operator presses Ctrl-C.
  setInterval(() => undefined, 1 << 30);
}

main().catch((e: unknown) => {
  process.stderr.write(`RecDeck team server could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
