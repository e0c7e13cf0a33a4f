import { afterEach, describe, expect, it } from 'vitest';
import type { SchedulerStatus } from '@contract';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../../src-main/scheduler/scheduler';
import type { PollOutcome, PollTarget, SweepStep } from '../../../src-main/scheduler/types';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import { manualClock } from '../events/manual-clock';

const LANE = 'zego:1:DescribeRecordStatus';
const HOUR = 3_600_000;

/** A task service stand-in that reads "status" through the real limiter, as the vendor clients do. */
function setup(n: number, extra: Partial<SchedulerOptions> = {}) {
  const time = manualClock();
  const limiter = createRateLimiter({ now: time.clock.now, setTimer: time.clock.setTimer });
  const targets: PollTarget[] = Array.from({ length: n }, (_, i) => ({
    id: `t${String(i).padStart(4, '0')}`,
    accountId: 'acc-1',
    laneKey: LANE,
    ratePerSecond: 10,
    state: 'recording' as const,
    lastSeenAt: null,
    changedAt: time.now() - HOUR,
  }));
  const polls: Array<{ id: string; at: number }> = [];
  const events: SchedulerStatus[] = [];
  let outcome: (id: string) => PollOutcome = () => 'unchanged';
  let listings = 0;
  const scheduler: Scheduler = createScheduler({
    source: {
      targets: () => {
        listings += 1;
        return targets.map((t) => ({ ...t }));
      },
      async poll(id) {
        const target = targets.find((t) => t.id === id);
        if (!target) throw new Error(`unknown ${id}`);
        await limiter.acquire(target.laneKey, target.ratePerSecond, 'background');
        const at = time.now();
        polls.push({ id, at });
        const o = outcome(id);
        if (o === 'changed' || o === 'unchanged') target.lastSeenAt = at;
        if (o === 'changed') target.changedAt = at;
        return o;
      },
    },
    limiter,
    clock: time.clock,
    events: { emit: (event, payload) => event === 'scheduler:changed' && events.push(payload as SchedulerStatus) },
    ...extra,
  });
  return {
    time,
    limiter,
    targets,
    polls,
    events,
    scheduler,
    setOutcome(fn: (id: string) => PollOutcome) {
      outcome = fn;
    },
    listings: () => listings,
    pollsOf: (id: string) => polls.filter((p) => p.id === id).map((p) => p.at),
  };
}

/** Most polls that fell in any one-second window. */
function peakPerSecond(times: readonly number[]): number {
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] as number));
}

let running: Scheduler | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('status scheduler', () => {
  it('polls never-read tasks first, then the least recently read, so every task is refreshed within N/8 s', async () => {
    const env = setup(100);
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(40_000);
    const first = env.polls.slice(0, 100).map((p) => p.id);
    expect(new Set(first).size).toBe(100);
    for (const t of env.targets) {
      const times = env.pollsOf(t.id);
      expect(times.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...gaps(times))).toBeLessThanOrEqual(100_000 / 8 + 250);
    }
  });

  it('goes to the task with the oldest lastSeenAt first', async () => {
    const env = setup(20);
    const order = [...env.targets].sort(() => Math.random() - 0.5);
    order.forEach((t, i) => (t.lastSeenAt = env.time.now() - HOUR + i * 1000));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(3_000);
    expect(env.polls.slice(0, 20).map((p) => p.id)).toEqual(order.slice(0, Math.min(20, env.polls.length)).map((t) => t.id));
  });

  it('keeps 20 % of the lane free: at most 8 of 10 req/s, and an operator request never waits', async () => {
    // The shared limiter counts operator requests in the background's 80 %: polling takes what is left.
    const env = setup(300);
    running = env.scheduler;
    env.scheduler.start();
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      await env.time.advance(700);
      const asked = env.time.now();
      let at = -1;
      void env.limiter.acquire(LANE, 10, 'operator').then(() => (at = env.time.now()));
      await env.time.advance(0);
      waits.push(at < 0 ? Number.POSITIVE_INFINITY : at - asked);
    }
    const times = env.polls.map((p) => p.at);
    expect(peakPerSecond(times)).toBeLessThanOrEqual(8);
    expect(env.polls.length / 28).toBeGreaterThan(8 - 1000 / 700 - 0.3);
    expect(Math.max(...waits)).toBe(0);
  });

  it('uses half the spare rate at gentle pace and follows a pace change at once', async () => {
    let pace: 'gentle' | 'normal' = 'gentle';
    const env = setup(300, { pace: () => pace });
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(20_000);
    const gentle = env.polls.map((p) => p.at);
    expect(peakPerSecond(gentle)).toBeLessThanOrEqual(4);
    expect(gentle.length / 20).toBeGreaterThan(3.5);
    pace = 'normal';
    await env.time.advance(10_000);
    expect(env.polls.length - gentle.length).toBeGreaterThan(70);
  });

  it('yields to operator traffic beyond the reserve instead of crowding it out', async () => {
    const env = setup(100);
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(5_000);
    const before = env.polls.length;
    // The operator uses 5 of 10 req/s for 10 s: polling must drop to the rest.
    for (let s = 0; s < 10; s++) {
      for (let k = 0; k < 5; k++) void env.limiter.acquire(LANE, 10, 'operator');
      await env.time.advance(1_000);
    }
    expect(env.polls.length - before).toBeLessThanOrEqual(55);
  });

  it('polls a recently changed task every 2 s and a stable one every 10 s', async () => {
    const env = setup(2);
    env.setOutcome((id) => (id === 't0000' ? 'changed' : 'unchanged'));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(60_000);
    const hot = gaps(env.pollsOf('t0000'));
    const cold = gaps(env.pollsOf('t0001'));
    expect(Math.max(...hot)).toBeLessThanOrEqual(2_200);
    expect(Math.min(...cold)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...cold)).toBeLessThanOrEqual(10_200);
  });

  it('polls a task in a passing state (stopping) fast even when it last changed long ago', async () => {
    const env = setup(1);
    (env.targets[0] as PollTarget).state = 'stopping';
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(20_000);
    expect(env.pollsOf('t0000').length).toBeGreaterThanOrEqual(10);
  });

  it('backs off exponentially on errors for that task only', async () => {
    const env = setup(3);
    env.setOutcome((id) => (id === 't0000' ? 'error' : 'unchanged'));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(70_000);
    const bad = gaps(env.pollsOf('t0000'));
    expect(bad.slice(0, 5).map((g) => Math.round(g / 1000))).toEqual([2, 4, 8, 16, 32]);
    expect(env.pollsOf('t0001').length).toBeGreaterThanOrEqual(7);
  });

  it('pauses an account that cannot be reached, says since when and its last success, probes gently and resumes when a poll succeeds', async () => {
    const env = setup(10);
    let up = true;
    env.setOutcome(() => (up ? 'unchanged' : 'unreachable'));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(5_000);
    up = false;
    const downAt = env.time.now();
    await env.time.advance(10_000);
    const down = env.events.map((e) => e.accounts[0]).find((a) => a?.state === 'unreachable');
    expect(down?.since).toBeGreaterThanOrEqual(downAt);
    expect(down?.since).toBeLessThanOrEqual(downAt + 10_000);
    expect(down?.lastOkAt).toBeLessThan(downAt);
    expect(env.scheduler.status().accounts).toEqual([expect.objectContaining({ accountId: 'acc-1', state: 'unreachable', since: down?.since, lastOkAt: down?.lastOkAt })]);
    const pollsWhenDown = env.polls.length;
    await env.time.advance(60_000);
    // Probes at 2, 4, 8, 16, 32 s: a handful, not 8 a second.
    expect(env.polls.length - pollsWhenDown).toBeLessThanOrEqual(6);
    up = true;
    await env.time.advance(61_000);
    expect(env.events.at(-1)?.accounts[0]).toMatchObject({ state: 'ok', since: null });
    const resumedAt = env.polls.filter((p) => p.at > downAt).find((p, i, all) => all[i + 1] !== undefined && (all[i + 1] as { at: number }).at - p.at < 2_000)?.at ?? Number.NaN;
    const after = env.polls.filter((p) => p.at >= resumedAt && p.at <= resumedAt + 2_000);
    expect(new Set(after.map((p) => p.id)).size).toBe(10);
  });

  it('keeps polling the accounts that answer while another cannot be reached', async () => {
    const env = setup(10);
    for (const t of env.targets.slice(5)) Object.assign(t, { accountId: 'acc-2', laneKey: 'zego:2:DescribeRecordStatus' });
    let acc2Up = true;
    env.setOutcome((id) => (acc2Up || env.targets.find((t) => t.id === id)?.accountId === 'acc-1' ? 'unchanged' : 'unreachable'));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(5_000);
    acc2Up = false;
    const downAt = env.time.now();
    await env.time.advance(30_000);
    const healthy = env.targets.slice(0, 5).map((t) => env.pollsOf(t.id).filter((at) => at > downAt + 5_000).length);
    expect(healthy.every((n) => n >= 2)).toBe(true);
    expect(env.scheduler.status().accounts.map((a) => [a.accountId, a.state, a.since !== null, a.tasks])).toEqual([
      ['acc-1', 'ok', false, 5],
      ['acc-2', 'unreachable', true, 5],
    ]);
  });

  it('says how close each account runs to its rate and when the vendor last throttled it', async () => {
    const env = setup(300);
    env.setOutcome((id) => (id === 't0007' ? 'rate-limited' : 'unchanged'));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(5_000);
    const [health] = env.scheduler.status().accounts;
    expect([health?.load, health?.throttledAt !== null, health?.state]).toEqual([0.8, true, 'ok']);
  });

  it('drops done and forgotten tasks from the poll set and reports the smaller count', async () => {
    const env = setup(3);
    env.setOutcome((id) => (id === 't0000' ? 'done' : id === 't0001' ? 'forgotten' : 'unchanged'));
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(30_000);
    expect(env.pollsOf('t0000')).toHaveLength(1);
    expect(env.pollsOf('t0001')).toHaveLength(1);
    expect(env.pollsOf('t0002').length).toBeGreaterThanOrEqual(3);
    expect(env.scheduler.status().activeTasks).toBe(1);
    expect(env.events.at(-1)?.activeTasks).toBe(1);
  });

  it('counts a poll that throws as an error and keeps going', async () => {
    const errors: string[] = [];
    const env = setup(2, { onPollError: (id) => errors.push(id) });
    env.setOutcome((id) => {
      if (id === 't0000') throw new Error('boom');
      return 'unchanged';
    });
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(8_000);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(gaps(env.pollsOf('t0000'))[0]).toBeGreaterThanOrEqual(2_000);
  });

  it('polls a task added later as soon as it is nudged', async () => {
    const env = setup(0);
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(30_000);
    env.targets.push({ id: 'new', accountId: 'acc-1', laneKey: LANE, ratePerSecond: 10, state: 'starting', lastSeenAt: null, changedAt: env.time.now() });
    env.scheduler.nudge();
    await env.time.advance(0);
    expect(env.pollsOf('new')).toEqual([env.time.now()]);
  });

  it('reads again a task the source asked about while a read of it was in flight: that read was sent before the question', async () => {
    const env = setup(0);
    const task: PollTarget = { id: 'swept', accountId: 'acc-1', laneKey: LANE, ratePerSecond: 10, state: 'recording', lastSeenAt: null, changedAt: env.time.now() - HOUR };
    let dueAt: number | null = env.time.now();
    const reads: number[] = [];
    let answer: (() => void) | null = null;
    const scheduler = createScheduler({
      source: {
        targets: () => [{ ...task, dueAt }],
        async poll() {
          reads.push(env.time.now());
          if (reads.length === 1) await new Promise<void>((resolve) => (answer = resolve));
          return 'unchanged';
        },
      },
      limiter: env.limiter,
      clock: env.time.clock,
    });
    running = scheduler;
    scheduler.start();
    await env.time.advance(100);
    expect(reads).toHaveLength(1);
    // The sweep finds the task missing from the list while its read is on the wire, and asks again.
    dueAt = env.time.now();
    scheduler.nudge();
    await env.time.advance(100);
    (answer as (() => void) | null)?.();
    await env.time.advance(1_000);
    expect(reads).toEqual([reads[0], expect.any(Number)]);
    expect(reads[1]).toBeGreaterThanOrEqual(dueAt);
  });

  it('reports how far the source reconciles its tasks, at most once a second, and stops saying so when it is done', async () => {
    const env = setup(0);
    let recovery: { checked: number; total: number } | null = { checked: 0, total: 400 };
    const scheduler = createScheduler({
      source: { targets: () => [], poll: async () => 'unchanged', recovery: () => recovery },
      limiter: env.limiter,
      clock: env.time.clock,
      events: { emit: (event, payload) => event === 'scheduler:changed' && env.events.push(payload as SchedulerStatus) },
    });
    running = scheduler;
    scheduler.start();
    for (let checked = 1; checked <= 400; checked++) {
      recovery = { checked, total: 400 };
      scheduler.nudge();
      await env.time.advance(10);
    }
    recovery = null;
    scheduler.nudge();
    await env.time.advance(1_000);
    const progress = env.events.map((e) => e.recovery?.checked ?? null);
    expect({ sent: progress.length <= 6, first: progress[0], partway: progress.some((c) => c !== null && c > 0 && c < 400), last: env.events.at(-1) }).toEqual({
      sent: true,
      first: 0,
      partway: true,
      last: { activeTasks: 0, accounts: [] },
    });
  });

  it('finds a task added without a nudge within the idle check', async () => {
    const env = setup(0);
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(1_000);
    env.targets.push({ id: 'quiet', accountId: 'acc-1', laneKey: LANE, ratePerSecond: 10, state: 'recording', lastSeenAt: null, changedAt: env.time.now() });
    await env.time.advance(5_000);
    expect(env.pollsOf('quiet')).toHaveLength(1);
  });

  it('asks the source for its list about once a second, not on every slot', async () => {
    const env = setup(500);
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(30_000);
    expect(env.polls.length).toBeGreaterThan(230);
    expect(env.listings()).toBeLessThanOrEqual(32);
  });

  it('paces each lane on its own rate', async () => {
    const env = setup(200);
    env.targets.forEach((t, i) => {
      if (i % 2 === 1) {
        t.laneKey = 'zego:2:DescribeRecordStatus';
        t.ratePerSecond = 5;
      }
    });
    running = env.scheduler;
    env.scheduler.start();
    await env.time.advance(10_000);
    const laneOf = new Map(env.targets.map((t) => [t.id, t.laneKey]));
    const one = env.polls.filter((p) => laneOf.get(p.id) === LANE).map((p) => p.at);
    const two = env.polls.filter((p) => laneOf.get(p.id) !== LANE).map((p) => p.at);
    expect(peakPerSecond(one)).toBeLessThanOrEqual(8);
    expect(peakPerSecond(two)).toBeLessThanOrEqual(4);
    expect(one.length).toBeGreaterThanOrEqual(78);
    expect(two.length).toBeGreaterThanOrEqual(38);
  });

  it('stops polling after stop()', async () => {
    const env = setup(5);
    env.scheduler.start();
    await env.time.advance(2_000);
    await env.scheduler.stop();
    const n = env.polls.length;
    await env.time.advance(30_000);
    expect(env.polls.length).toBe(n);
  });
});

describe('sweeps', () => {
  const SWEEP_LANE = 'zego:1:DescribeTasks';

  /** One sweep of `pages` pages a pass (a pass at most once a second) beside the task set of `setup`. */
  function withSweep(pages: number, step: (page: number) => SweepStep['outcome'] = () => 'unchanged') {
    const pageTimes: number[] = [];
    let page = 0;
    let passStart = Number.NEGATIVE_INFINITY;
    const env = setup(0, {});
    const source = {
      targets: () => env.targets.map((t) => ({ ...t })),
      poll: async (id: string): Promise<PollOutcome> => {
        env.polls.push({ id, at: env.time.now() });
        return 'unchanged';
      },
      sweeps: () => [{ key: 'z1', accountId: 'acc-1', laneKey: SWEEP_LANE, ratePerSecond: 10 }],
      async sweep(): Promise<SweepStep> {
        await env.limiter.acquire(SWEEP_LANE, 10, 'background');
        const now = env.time.now();
        if (page === 0) passStart = now;
        page += 1;
        pageTimes.push(now);
        const outcome = step(page);
        if (page < pages) return { outcome, nextAt: now };
        page = 0;
        return { outcome, nextAt: Math.max(now, passStart + 1_000) };
      },
    };
    const scheduler = createScheduler({ source, limiter: env.limiter, clock: env.time.clock });
    return { env, scheduler, pageTimes };
  }

  it('pages through a sweep on its own lane at 80 % of its rate and starts the next pass when the step says', async () => {
    const many = withSweep(40);
    running = many.scheduler;
    many.scheduler.start();
    await many.env.time.advance(20_000);
    expect(peakPerSecond(many.pageTimes)).toBe(8);
    expect(many.pageTimes.length).toBeGreaterThanOrEqual(158);
    await many.scheduler.stop();
    const few = withSweep(2);
    running = few.scheduler;
    few.scheduler.start();
    await few.env.time.advance(10_000);
    expect(few.pageTimes.length).toBeGreaterThanOrEqual(19);
    expect(few.pageTimes.length).toBeLessThanOrEqual(21);
  });

  it('lists the targets again right after a step that asked for reads, so they go out in the next slot', async () => {
    const w = withSweep(40, (page) => (page === 5 ? 'changed' : 'unchanged'));
    running = w.scheduler;
    w.scheduler.start();
    await w.env.time.advance(400);
    w.env.targets.push({ id: 'vanished', accountId: 'acc-1', laneKey: LANE, ratePerSecond: 10, state: 'recording', lastSeenAt: w.env.time.now(), changedAt: 0, dueAt: w.env.time.now() });
    await w.env.time.advance(600);
    expect(w.env.pollsOf('vanished')).toEqual([w.pageTimes[4]]);
  });

  it('backs a failing sweep off and pauses its account when the vendor cannot be reached', async () => {
    let outcome: SweepStep['outcome'] = 'error';
    const w = withSweep(40, () => outcome);
    running = w.scheduler;
    w.scheduler.start();
    await w.env.time.advance(15_000);
    expect(gaps(w.pageTimes).map((g) => Math.round(g / 1000))).toEqual([2, 4, 8]);
    outcome = 'unreachable';
    await w.env.time.advance(20_000);
    expect(w.scheduler.status().accounts.map((a) => a.state)).toEqual(['unreachable']);
    outcome = 'unchanged';
    await w.env.time.advance(60_000);
    expect(w.scheduler.status().accounts.map((a) => a.state)).toEqual(['ok']);
  });
});
