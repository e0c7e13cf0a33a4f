import type { EventChannel, PayloadOf } from '@contract';

/** A listener for every core → renderer event; transports forward what they receive. */
export type EventListener = (event: EventChannel, payload: unknown) => void;

/** Core → renderer events. Transports subscribe once and fan out to their windows or SSE clients. */
export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

/** A synchronous in-process bus; a throwing listener cannot break the others. */
export function createEventBus(onListenerError: (e: unknown) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const l of listeners) {
        try {
          l(event, payload);
        } catch (e) {
          onListenerError(e);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
