import { appendFileSync, chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLine } from './logger';

/**
 * Appends JSON lines to `<dataDir>/logs/recdeck.log`; the hosts keep stdout for their one status
 * line. The folder is created 0700 (the data dir too, when it does not exist yet) and the file 0600;
 * looser ones left by an earlier version are tightened.
 */
export function fileSink(dataDir: string): (line: LogLine) => void {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'recdeck.log');
  tighten(dir, 0o700);
  if (existsSync(file)) tighten(file, 0o600);
  return (line) => appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
}

function tighten(path: string, mode: number): void {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, mode);
}
