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
/** Events that describe a state: only the latest one matters. */
const LATEST_WINS: ReadonlySet<EventChannel> = new Set<EventChannel>(['scheduler:changed']);

/**
 * Batches `tasks:changed` by task id (latest summary wins, a removal cancels a pending summary and
 * the other way round) into one message at most every `1000 / maxPerSecond` ms. Alerts and other
 * one-off events take the next free slot ahead of a waiting batch, and everything counts toward
 * the same sliding one-second window, so the renderer never gets more than `maxPerSecond`.
 */
export function createEventBatcher(bus: EventBus, options: EventBatcherOptions): EventBatcher {
  const clock = options.clock ?? systemClock();
  const max = Math.max(1, Math.floor(options.maxPerSecond));
  const spacing = WINDOW_MS / max;
  const sent: number[] = [];
  const tasks = new Map<string, TaskSummary>();
  const removed = new Set<string>();
  const latest = new Map<EventChannel, unknown>();
  const oneOff: Array<{ event: EventChannel; payload: unknown }> = [];
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

  function pump(): void {
    if (closed) return;
    for (;;) {
      const now = clock.now();
      while (sent.length > 0 && (sent[0] as number) <= now - WINDOW_MS) sent.shift();
      const batchWaiting = tasks.size > 0 || removed.size > 0;
      if (oneOff.length === 0 && latest.size === 0 && !batchWaiting) return;
      if (sent.length >= max) {
        wakeAt((sent[0] as number) + WINDOW_MS);
        return;
      }
      const next = oneOff.shift();
      if (next) {
        send(next.event, next.payload, now);
        continue;
      }
      const first = latest.entries().next();
      if (!first.done) {
        const [event, payload] = first.value;
        latest.delete(event);
        send(event, payload, now);
        continue;
      }
      if (now - lastBatchAt < spacing) {
        wakeAt(lastBatchAt + spacing);
        return;
      }
      const payload = { tasks: [...tasks.values()], removed: [...removed] };
      tasks.clear();
      removed.clear();
      lastBatchAt = now;
      send('tasks:changed', payload, now);
    }
  }

  return {
    emit<E extends EventChannel>(event: E, payload: PayloadOf<E>) {
      if (closed) return;
      if (event === 'tasks:changed') {
        const change = payload as PayloadOf<'tasks:changed'>;
        for (const t of change.tasks) {
          removed.delete(t.id);
          tasks.set(t.id, t);
        }
        for (const id of change.removed) {
          tasks.delete(id);
          removed.add(id);
        }
      } else if (LATEST_WINS.has(event)) {
        latest.set(event, payload);
      } else {
        oneOff.push({ event, payload });
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
      latest.clear();
      oneOff.length = 0;
    },
  };
}
