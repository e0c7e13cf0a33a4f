import { describe, expect, it } from 'vitest';
import { OPEN_TASK_STATES, RUNNING_TASK_STATES, TASK_STATES, TERMINAL_TASK_STATES, TRANSITIONAL_TASK_STATES } from '@contract';

describe('task state sets', () => {
  it('splits every state into open or terminal, and keeps running and transitional states open', () => {
    const open = new Set(OPEN_TASK_STATES);
    expect({
      openOrTerminal: [...OPEN_TASK_STATES, ...TERMINAL_TASK_STATES].sort(),
      overlap: TERMINAL_TASK_STATES.filter((s) => open.has(s)),
      runningOutsideOpen: RUNNING_TASK_STATES.filter((s) => !open.has(s)),
      transitionalOutsideOpen: TRANSITIONAL_TASK_STATES.filter((s) => !open.has(s)),
    }).toEqual({ openOrTerminal: [...TASK_STATES].sort(), overlap: [], runningOutsideOpen: [], transitionalOutsideOpen: [] });
  });
});
