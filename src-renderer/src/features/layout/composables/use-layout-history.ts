import type { MixSettings } from '@contract';
import { computed, shallowRef, watch, type ComputedRef } from 'vue';
import { createHistory, pushHistory, redoHistory, resetHistory, sameJson, undoHistory, type History } from '../model/history';

/** Edits of one thing (a region's nudges, typing into one field) closer together than this are one undo step. */
const COALESCE_MS = 800;

/** The layout editor's undo history over the MixSettings it edits. */
export interface LayoutHistory {
  present: ComputedRef<MixSettings>;
  canUndo: ComputedRef<boolean>;
  canRedo: ComputedRef<boolean>;
  /** Records an edit; edits with the same `coalesceKey` in a quick burst are one step. */
  commit(next: MixSettings, coalesceKey?: string): void;
  undo(): void;
  redo(): void;
}

/**
 * Every committed edit is one step and is published at once; a value that arrives from outside
 * (`source` changes to something else, e.g. a preset load) starts a new history.
 */
export function useLayoutHistory(source: () => MixSettings, publish: (mix: MixSettings) => void, clock: () => number = Date.now): LayoutHistory {
  const history = shallowRef<History<MixSettings>>(createHistory(source()));
  let lastCoalesce: { key: string; at: number } | null = null;
  watch(source, (value) => {
    if (!sameJson(value, history.value.present)) history.value = resetHistory(history.value, value);
  });

  function commit(next: MixSettings, coalesceKey?: string): void {
    const now = clock();
    if (coalesceKey && lastCoalesce?.key === coalesceKey && now - lastCoalesce.at < COALESCE_MS) {
      history.value = { ...history.value, present: next };
    } else {
      history.value = pushHistory(history.value, next);
    }
    lastCoalesce = coalesceKey ? { key: coalesceKey, at: now } : null;
    publish(history.value.present);
  }
  function step(move: (h: History<MixSettings>) => History<MixSettings>): void {
    history.value = move(history.value);
    lastCoalesce = null;
    publish(history.value.present);
  }

  return {
    present: computed(() => history.value.present),
    canUndo: computed(() => history.value.past.length > 0),
    canRedo: computed(() => history.value.future.length > 0),
    commit,
    undo: () => step(undoHistory),
    redo: () => step(redoHistory),
  };
}
