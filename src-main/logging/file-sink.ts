import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLine } from './logger';

/** Size cap and rotation depth of the log file. */
export interface FileSinkOptions {
  /** Size at which `recdeck.log` is rotated; 5 MiB by default. */
  maxBytes?: number;
  /** Rotated files kept (`recdeck.log.1` newest … `.keep` oldest); 3 by default. */
  keep?: number;
}

/**
 * Appends JSON lines to `<dataDir>/logs/recdeck.log`; the hosts keep stdout for their one status
 * line. A line that would take the file past `maxBytes` first rotates it (`.1` → `.2` …, the oldest
 * dropped), so the logs never hold more than `(keep + 1) × maxBytes`. The folder is created 0700 (the
 * data dir too, when it does not exist yet) and the files 0600; looser ones left by an earlier version
 * are tightened.
 */
export function fileSink(dataDir: string, options: FileSinkOptions = {}): (line: LogLine) => void {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'recdeck.log');
  tighten(dir, 0o700);
  let size = 0;
  if (existsSync(file)) {
    tighten(file, 0o600);
    size = statSync(file).size;
  }
  return (line) => {
    const text = `${JSON.stringify(line)}\n`;
    const bytes = Buffer.byteLength(text);
    if (size > 0 && size + bytes > maxBytes) {
      rotate(file, keep);
      size = 0;
    }
    appendFileSync(file, text, { mode: 0o600 });
    size += bytes;
  };
}

function rotate(file: string, keep: number): void {
  for (let i = keep; i >= 1; i--) {
    const from = i === 1 ? file : `${file}.${i - 1}`;
    if (existsSync(from)) renameSync(from, `${file}.${i}`);
  }
}

function tighten(path: string, mode: number): void {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, mode);
}
