import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The OS data dir RecDeck uses when neither `--data-dir` nor `RECDECK_DATA_DIR` is given. It is the
 * same folder Electron's `userData` resolves to for an app named RecDeck, so both hosts share one
 * database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'RecDeck');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'RecDeck');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'RecDeck');
}

/** `--data-dir` wins, then `RECDECK_DATA_DIR`, then the OS data dir. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.RECDECK_DATA_DIR ?? defaultDataDir(env);
}
