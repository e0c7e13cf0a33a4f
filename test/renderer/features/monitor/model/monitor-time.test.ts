import { ZEGO_DESCRIPTOR } from '@contract';
import { describe, expect, it } from 'vitest';
import { actionsFor, countdownsOf, elapsedOf, formatAge, formatBytes, formatClock, freshnessOf, shortcutFor } from '../../../../../src-renderer/src/features/monitor/model/monitor-time';
import { summary } from '../fixtures';

const caps = { pause: true, resume: true, updateLayout: true };
const ZEGO_DEFAULTS = ZEGO_DESCRIPTOR.defaults;
const NO_MAX = { maxIdleSec: 300, maxRecordSec: null };
const noMods = { ctrl: false, meta: false, alt: false };

describe('formatting', () => {
  it('formats a REC timer as hh:mm:ss and clamps negatives', () => {
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(3_723_999)).toBe('01:02:03');
    expect(formatClock(-5000)).toBe('00:00:00');
    expect(formatClock(100 * 3600_000)).toBe('100:00:00');
  });

  it('formats ages and sizes in short units', () => {
    expect(formatAge(12_400)).toBe('12 s');
    expect(formatAge(4 * 60_000)).toBe('4 min');
    expect(formatAge(3 * 3600_000)).toBe('3 h');
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MiB');
  });
});

describe('freshnessOf', () => {
  it('is fresh within 30 s, stale after, unknown when never read, final once ended', () => {
    expect(freshnessOf(summary({ lastSeenAt: 1000 }), 20_000)).toEqual({ freshness: 'fresh', ageMs: 19_000 });
    expect(freshnessOf(summary({ lastSeenAt: 1000 }), 40_000).freshness).toBe('stale');
    expect(freshnessOf(summary({ lastSeenAt: null }), 40_000)).toEqual({ freshness: 'unknown', ageMs: null });
    expect(freshnessOf(summary({ state: 'finished', lastSeenAt: 1000 }), 900_000).freshness).toBe('final');
  });

  it('is stale when the vendor forgot the task even if recently read', () => {
    expect(freshnessOf(summary({ lastSeenAt: 1000, forgotten: true }), 2000).freshness).toBe('stale');
  });
});

describe('countdownsOf', () => {
  it('counts down to the max duration from the vendor start', () => {
    const task = summary({ startedAt: 10_000, maxIdleSec: 10, maxRecordSec: 60 });
    expect(countdownsOf(task, 40_000, ZEGO_DEFAULTS)).toEqual([{ kind: 'max-duration', byDefault: false, at: 70_000, remainingMs: 30_000 }]);
  });

  it('shows the idle countdown only while it can still fire from the start', () => {
    const task = summary({ startedAt: 10_000, maxIdleSec: 30, maxRecordSec: null });
    expect(countdownsOf(task, 20_000, NO_MAX)).toEqual([{ kind: 'idle', byDefault: false, at: 40_000, remainingMs: 20_000 }]);
    expect(countdownsOf(task, 50_000, NO_MAX)).toEqual([]);
  });

  it('counts down to the vendor\'s own idle and duration limits when the request left them empty', () => {
    const task = summary({ startedAt: 10_000, maxIdleSec: null, maxRecordSec: null });
    expect(countdownsOf(task, 20_000, ZEGO_DEFAULTS)).toEqual([
      { kind: 'idle', byDefault: true, at: 40_000, remainingMs: 20_000 },
      { kind: 'max-duration', byDefault: true, at: 10_000 + 86_400_000, remainingMs: 86_390_000 },
    ]);
  });

  it('counts from creation before the vendor confirms the start, and not at all once stopping', () => {
    expect(countdownsOf(summary({ startedAt: null, createdAt: 0, state: 'starting', maxIdleSec: 1, maxRecordSec: 10 }), 4000, NO_MAX)[0]?.remainingMs).toBe(6000);
    expect(countdownsOf(summary({ state: 'stopping', maxRecordSec: 10 }), 0, ZEGO_DEFAULTS)).toEqual([]);
  });

  it('measures elapsed time to the end, or to now while running', () => {
    expect(elapsedOf(summary({ startedAt: 1000, endedAt: 4000 }), 99_000)).toBe(3000);
    expect(elapsedOf(summary({ startedAt: 1000, endedAt: null }), 5000)).toBe(4000);
    expect(elapsedOf(summary({ startedAt: null }), 5000)).toBeNull();
  });
});

describe('actionsFor and shortcuts', () => {
  it('offers pause only while recording and resume only while paused, where the vendor can', () => {
    expect(actionsFor(summary({ state: 'recording' }), caps)).toEqual({ pause: true, resume: false, stop: true, layout: true });
    expect(actionsFor(summary({ state: 'paused' }), caps)).toEqual({ pause: false, resume: true, stop: true, layout: true });
    expect(actionsFor(summary({ state: 'recording' }), { pause: false, resume: false, updateLayout: false })).toEqual({ pause: false, resume: false, stop: true, layout: false });
  });

  it('offers no layout for single-stream tasks and nothing for ended or orphaned ones', () => {
    expect(actionsFor(summary({ mode: 'single' }), caps).layout).toBe(false);
    expect(actionsFor(summary({ state: 'uploading' }), caps)).toEqual({ pause: false, resume: false, stop: false, layout: false });
    expect(actionsFor(summary({ accountId: null }), caps)).toEqual({ pause: false, resume: false, stop: false, layout: false });
  });

  it('maps S to stop and P to pause or resume, ignoring modified keys and unavailable actions', () => {
    const rec = actionsFor(summary({ state: 'recording' }), caps);
    const paused = actionsFor(summary({ state: 'paused' }), caps);
    expect(shortcutFor('s', noMods, rec)).toBe('stop');
    expect(shortcutFor('P', noMods, rec)).toBe('pause');
    expect(shortcutFor('p', noMods, paused)).toBe('resume');
    expect(shortcutFor('s', { ...noMods, ctrl: true }, rec)).toBeNull();
    expect(shortcutFor('p', noMods, actionsFor(summary(), { pause: false, resume: false, updateLayout: false }))).toBeNull();
    expect(shortcutFor('x', noMods, rec)).toBeNull();
  });
});
