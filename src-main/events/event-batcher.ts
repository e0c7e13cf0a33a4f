import type { EventChannel, PayloadOf, TaskSummary } from '@contract';
import { systemClock, type Clock } from './clock';
import type { EventBus } from './event-bus';

export interface EventBatcherOptions {
  /** Messages the renderer receives per second at most, whatever the number of tasks. */
  maxPerSecond: number;
  clock?: Clock;
}

/** An {@link EventBus} in front of the real one that paces what reaches the renderer. */
export interface EventBatcher extends EventBus {
  /** Stops the timer and drops whatever is still waiting (shutdown). */
  close(): void;
}

const WINDOW_MS = 1000;
const TASKS: EventChannel = 'tasks:changed';
const ALERTS: EventChannel = 'tasks:alerted';

/**
 * What makes two waiting events the same, so the later replaces the earlier: by default the channel
 * (the latest status, ping or keychain state is all the renderer needs); `accounts:changed` per list.
 */
const COALESCE_KEY: Partial<{ [E in EventChannel]: (payload: PayloadOf<E>) => string }> = {
  'accounts:changed': (p) => p.kind,
  'tasks:alerted': (p) => `${p.taskId}\n${p.kind}`,
};

function keyOf(event: EventChannel, payload: unknown): string {
  const key = (COALESCE_KEY[event] as ((p: unknown) => string) | undefined)?.(payload);
  return key === undefined ? event : `${event}\n${key}`;
}

/**
 * Paces core → renderer events to at most `maxPerSecond` messages in any one-second window, with a
 * bounded backlog whatever the emitters do:
 * - `tasks:changed` is merged by task id into one batch (latest summary wins, a removal cancels a
 *   pending summary and the other way round), sent at most every `1000 / maxPerSecond` ms;
 * - every other routine event waits in one slot per channel and key (see {@link COALESCE_KEY}),
 *   the newest payload replacing the older in place, so a flood of one kind takes one slot and the
 *   slots are served in the order they were first filled;
 * - alerts (`tasks:alerted`) go ahead of everything routine, one slot per task and alert kind.
 */
export function createEventBatcher(bus: EventBus, options: EventBatcherOptions): EventBatcher {
  const clock = options.clock ?? systemClock();
  const max = Math.max(1, Math.floor(options.maxPerSecond));
  const spacing = WINDOW_MS / max;
  const sent: number[] = [];
  const tasks = new Map<string, TaskSummary>();
  const removed = new Set<string>();
  const alerts = new Map<string, unknown>();
  // The tasks batch holds its place here under TASKS; its content lives in `tasks` and `removed`.
  const routine = new Map<string, { event: EventChannel; payload: unknown }>();
  let lastBatchAt = Number.NEGATIVE_INFINITY;
  let timerAt = Number.POSITIVE_INFINITY;
  let cancelTimer: (() => void) | null = null;
  let closed = false;

  function send(event: EventChannel, payload: unknown, now: number): void {
    sent.push(now);
    (bus.emit as (e: EventChannel, p: unknown) => void)(event, payload);
  }

  function wakeAt(at: number): void {
    if (cancelTimer && timerAt <= at) return;
    cancelTimer?.();
    timerAt = at;
    cancelTimer = clock.setTimer(() => {
      cancelTimer = null;
      timerAt = Number.POSITIVE_INFINITY;
      pump();
    }, Math.max(0, at - clock.now()));
  }

  /** The next routine slot that may go now: the oldest, skipping the tasks batch until its spacing has passed. */
  function nextRoutine(now: number): string | null {
    for (const key of routine.keys()) if (key !== TASKS || now - lastBatchAt >= spacing) return key;
    return null;
  }

  function pump(): void {
    if (closed) return;
    for (;;) {
      const now = clock.now();
      while (sent.length > 0 && (sent[0] as number) <= now - WINDOW_MS) sent.shift();
      if (alerts.size === 0 && routine.size === 0) return;
      if (sent.length >= max) return wakeAt((sent[0] as number) + WINDOW_MS);
      const alert = alerts.entries().next();
      if (!alert.done) {
        alerts.delete(alert.value[0]);
        send(ALERTS, alert.value[1], now);
        continue;
      }
      const key = nextRoutine(now);
      if (key === null) return wakeAt(lastBatchAt + spacing);
      const slot = routine.get(key) as { event: EventChannel; payload: unknown };
      routine.delete(key);
      if (key !== TASKS) {
        send(slot.event, slot.payload, now);
        continue;
      }
      const payload = { tasks: [...tasks.values()], removed: [...removed] };
      tasks.clear();
      removed.clear();
      lastBatchAt = now;
      send(TASKS, payload, now);
    }
  }

  return {
    emit<E extends EventChannel>(event: E, payload: PayloadOf<E>) {
      if (closed) return;
      if (event === TASKS) {
        const change = payload as PayloadOf<'tasks:changed'>;
        for (const t of change.tasks) {
          removed.delete(t.id);
          tasks.set(t.id, t);
        }
        for (const id of change.removed) {
          tasks.delete(id);
          removed.add(id);
        }
        if (!routine.has(TASKS)) routine.set(TASKS, { event, payload: null });
      } else if (event === ALERTS) {
        alerts.set(keyOf(event, payload), payload);
      } else {
        routine.set(keyOf(event, payload), { event, payload });
      }
      pump();
    },
    subscribe(listener) {
      return bus.subscribe(listener);
    },
    close() {
      closed = true;
      cancelTimer?.();
      cancelTimer = null;
      tasks.clear();
      removed.clear();
      alerts.clear();
      routine.clear();
    },
  };
}
