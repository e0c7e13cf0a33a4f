import { chmodSync, mkdirSync, statSync } from 'node:fs';
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

/**
 * Makes the data dir private to the user: creates it (and missing parents) 0700, or tightens an
 * existing one that lets group or others in, as versions before issue 11 created it 0755. Answers
 * the mode it had when it was tightened (e.g. `0755`) so the caller can log it, else null. The
 * files inside are created 0600 by their owners (database, log).
 */
export function securePrivateDir(dir: string): string | null {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  chmodSync(dir, 0o700);
  return mode.toString(8).padStart(4, '0');
}
