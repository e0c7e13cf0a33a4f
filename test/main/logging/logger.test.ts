import { describe, expect, it } from 'vitest';
import { createLogger, type LogLine } from '../../../src-main/logging/logger';
import { manualClock } from '../events/manual-clock';

function setup() {
  const time = manualClock();
  const lines: LogLine[] = [];
  const log = createLogger((l) => lines.push(l), { repeatWindowMs: 60_000, timers: time.clock });
  const seen = () => lines.map((l) => [l.level, l.event, l.fields]);
  return { time, log, seen };
}

describe('the logger', () => {
  it('writes a repeated warning once per window, then once more with how many it held back; different ones each', async () => {
    const { time, log, seen } = setup();
    for (let i = 0; i < 1_000; i++) log.warn('callbacks.rejected', { reason: i % 4 === 0 ? 'stale' : 'bad-signature' });
    log.error('db.busy', { n: 1 });
    log.error('db.busy', { n: 2 });
    log.info('secrets.set', { entry: 'a' });
    log.info('secrets.set', { entry: 'b' });
    const during = seen();
    await time.advance(60_000);
    log.warn('callbacks.rejected', { reason: 'later' });
    expect({ during, after: seen().slice(during.length) }).toEqual({
      during: [
        ['warn', 'callbacks.rejected', { reason: 'stale' }],
        ['warn', 'callbacks.rejected', { reason: 'bad-signature' }],
        ['error', 'db.busy', { n: 1 }],
        ['error', 'db.busy', { n: 2 }],
        ['info', 'secrets.set', { entry: 'a' }],
        ['info', 'secrets.set', { entry: 'b' }],
      ],
      after: [
        ['warn', 'callbacks.rejected', { reason: 'stale', repeated: 249, windowMs: 60_000 }],
        ['warn', 'callbacks.rejected', { reason: 'bad-signature', repeated: 749, windowMs: 60_000 }],
        ['warn', 'callbacks.rejected', { reason: 'later' }],
      ],
    });
  });

  it('compares lines after redaction, so warnings that differ only in a secret count as repeats', async () => {
    const { time, log, seen } = setup();
    log.warn('vendor.retry', { token: 'T1' });
    log.warn('vendor.retry', { token: 'T2' });
    log.warn('vendor.retry', { token: 'T3' });
    await time.advance(60_000);
    expect(seen()).toEqual([
      ['warn', 'vendor.retry', { token: '••••' }],
      ['warn', 'vendor.retry', { token: '••••', repeated: 2, windowMs: 60_000 }],
    ]);
  });
});
