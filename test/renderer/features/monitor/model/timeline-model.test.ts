import { describe, expect, it } from 'vitest';
import { buildTimeline, mergeGaps, MIN_VIEW_MS, panView, tickStep, zoomView } from '../../../../../src-renderer/src/features/monitor/model/timeline-model';
import { event, exchange, summary } from '../fixtures';

describe('buildTimeline', () => {
  it('draws one band per state between state changes, ending at the task end', () => {
    const task = summary({ state: 'finished', createdAt: 0, startedAt: 1000, endedAt: 10_000, lastSeenAt: 10_000, updatedAt: 10_000 });
    const events = [
      event(1000, { state: 'recording' }),
      event(4000, { source: 'operator', kind: 'action', summary: 'pause', state: 'paused' }),
      event(6000, { source: 'operator', kind: 'action', summary: 'resume', state: 'recording' }),
      event(9000, { state: 'uploading' }),
      event(10_000, { state: 'finished' }),
    ];
    const m = buildTimeline({ task, events, files: [] }, 99_999);
    expect(m.start).toBe(0);
    expect(m.end).toBe(10_000);
    expect(m.segments.map((s) => [s.state, s.from, s.to])).toEqual([
      ['starting', 0, 1000],
      ['recording', 1000, 4000],
      ['paused', 4000, 6000],
      ['recording', 6000, 9000],
      ['uploading', 9000, 10_000],
    ]);
    expect(m.markers.filter((x) => x.kind === 'operator').map((x) => x.at)).toEqual([4000, 6000]);
    expect(m.gaps).toEqual([]);
  });

  it('runs a live task to now and classifies markers by source and kind', () => {
    const task = summary({ createdAt: 0, startedAt: 500, lastSeenAt: 9000 });
    const events = [
      event(500, { state: 'recording' }),
      event(2000, { source: 'callback', kind: 'callback' }),
      event(3000, { kind: 'file-added', summary: 'mix.mp4' }),
      event(4000, { kind: 'error', summary: 'boom' }),
    ];
    const m = buildTimeline({ task, events, files: [] }, 10_000);
    expect(m.end).toBe(10_000);
    expect(m.segments.at(-1)).toEqual({ state: 'recording', from: 500, to: 10_000 });
    expect(m.markers.map((x) => x.kind)).toEqual(['status', 'callback', 'file', 'error']);
  });

  it('opens a gap at a failed read and closes it at the next confirmation', () => {
    const task = summary({ createdAt: 0, startedAt: 0, lastSeenAt: 20_000 });
    const m = buildTimeline(
      {
        task,
        events: [event(0, { state: 'recording' })],
        files: [],
        exchanges: [exchange(5000), exchange(8000, { errorCode: 'NETWORK', httpStatus: null }), exchange(11_000, { httpStatus: 503 }), exchange(15_000)],
      },
      21_000,
    );
    expect(m.gaps).toEqual([{ from: 8000, to: 15_000 }]);
  });

  it('marks a running task unconfirmed since lastSeenAt once that is stale, and wholly unknown when never read', () => {
    const stale = buildTimeline({ task: summary({ createdAt: 0, startedAt: 0, lastSeenAt: 10_000 }), events: [], files: [] }, 100_000);
    expect(stale.gaps).toEqual([{ from: 10_000, to: 100_000 }]);
    const fresh = buildTimeline({ task: summary({ createdAt: 0, startedAt: 0, lastSeenAt: 90_000 }), events: [], files: [] }, 100_000);
    expect(fresh.gaps).toEqual([]);
    const never = buildTimeline({ task: summary({ createdAt: 0, startedAt: null, lastSeenAt: null, state: 'starting' }), events: [], files: [] }, 5000);
    expect(never.gaps).toEqual([{ from: 0, to: 5000 }]);
  });

  it('adds a file marker for files without a file-added event', () => {
    const task = summary({ createdAt: 0, lastSeenAt: 9000 });
    const file = {
      fileId: 'f1.mp4', streamId: null, userId: null, userName: null, format: 'mp4', kind: 'mixed' as const, trackType: null, status: 'uploaded' as const,
      rawStatus: null, url: null, vendorVideoId: null, sizeBytes: null, durationMs: null, width: null, height: null, beginAt: 3000, playOffsetMs: null,
    };
    const m = buildTimeline({ task, events: [], files: [file] }, 10_000);
    expect(m.markers).toEqual([{ at: 3000, kind: 'file', label: 'f1.mp4', event: null }]);
  });

  it('merges overlapping gaps', () => {
    expect(mergeGaps([{ from: 5, to: 9 }, { from: 0, to: 6 }, { from: 20, to: 30 }, { from: 3, to: 3 }])).toEqual([{ from: 0, to: 9 }, { from: 20, to: 30 }]);
  });
});

describe('zoom and pan', () => {
  const bounds = { from: 0, to: 100_000 };

  it('zooms around the anchor, keeping its position on screen', () => {
    expect(zoomView(bounds, 0.5, 50_000, bounds)).toEqual({ from: 25_000, to: 75_000 });
    expect(zoomView(bounds, 0.5, 0, bounds)).toEqual({ from: 0, to: 50_000 });
  });

  it('never zooms past the whole task or below the minimum window', () => {
    expect(zoomView({ from: 10_000, to: 20_000 }, 100, 15_000, bounds)).toEqual(bounds);
    const v = zoomView({ from: 10_000, to: 12_000 }, 0.01, 11_000, bounds);
    expect(v.to - v.from).toBe(MIN_VIEW_MS);
  });

  it('pans within the bounds', () => {
    expect(panView({ from: 0, to: 10_000 }, -5000, bounds)).toEqual({ from: 0, to: 10_000 });
    expect(panView({ from: 0, to: 10_000 }, 95_000, bounds)).toEqual({ from: 90_000, to: 100_000 });
  });

  it('picks round tick steps', () => {
    expect(tickStep(60_000, 8)).toBe(10_000);
    expect(tickStep(3_600_000, 8)).toBe(600_000);
  });
});
