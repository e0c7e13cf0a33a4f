import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSink } from '../../../src-main/logging/file-sink';
import { createLogger } from '../../../src-main/logging/logger';

describe('the log file', () => {
  it('rotates at its size cap and keeps only a few files, each private', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recdeck-log-'));
    const log = createLogger(fileSink(dataDir, { maxBytes: 10_000, keep: 3 }));
    for (let i = 0; i < 2_000; i++) log.info('line', { i, pad: 'x'.repeat(40) });
    const dir = join(dataDir, 'logs');
    const files = readdirSync(dir).sort();
    const sizes = files.map((f) => statSync(join(dir, f)).size);
    const modes = files.map((f) => (statSync(join(dir, f)).mode & 0o777).toString(8));
    const last = readFileSync(join(dir, 'recdeck.log'), 'utf8').trim().split('\n').at(-1);
    expect({
      files,
      allUnderCap: sizes.every((s) => s <= 10_000),
      modes,
      newestLast: (JSON.parse(last ?? '{}') as { fields: { i: number } }).fields.i,
    }).toEqual({
      files: ['recdeck.log', 'recdeck.log.1', 'recdeck.log.2', 'recdeck.log.3'],
      allUnderCap: true,
      modes: ['600', '600', '600', '600'],
      newestLast: 1_999,
    });
  });
});
