import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLine } from './logger';

/** Appends JSON lines to `<dataDir>/logs/recdeck.log`; the hosts keep stdout for their one status line. */
export function fileSink(dataDir: string): (line: LogLine) => void {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'recdeck.log');
  return (line) => appendFileSync(file, `${JSON.stringify(line)}\n`);
}
