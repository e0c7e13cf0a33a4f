import { msg, type Message } from './messages/message';

/**
 * Normalized task state, one vocabulary for every vendor; the vendor's own status is kept beside it.
 *
 * `starting → recording ⇄ paused → stopping → uploading → finished | failed | lost`
 */
export const TASK_STATES = [
  'starting',
  'recording',
  'paused',
  'stopping',
  'uploading',
  'finished',
  'failed',
  'lost',
] as const;
/** One of {@link TASK_STATES}. */
export type TaskState = (typeof TASK_STATES)[number];

/**
 * The named groups of states, defined once so the ledger, recovery, the poller and the Live view
 * agree. Together {@link OPEN_TASK_STATES} and {@link TERMINAL_TASK_STATES} cover every state once.
 */

/** States after which nothing more happens to a task. */
export const TERMINAL_TASK_STATES: readonly TaskState[] = ['finished', 'failed', 'lost'];

/**
 * Every state before a terminal one: the task still needs watching (polls, callbacks, launch
 * recovery) and is what the Live view shows.
 */
export const OPEN_TASK_STATES: readonly TaskState[] = ['starting', 'recording', 'paused', 'stopping', 'uploading'];

/**
 * The vendor's recorder may still be in the room (and billing): a task found in one of these at
 * launch raises a `still-running` alert.
 */
export const RUNNING_TASK_STATES: readonly TaskState[] = ['starting', 'recording', 'paused'];

/** States a task passes through quickly, so the poller reads them as often as a fresh change. */
export const TRANSITIONAL_TASK_STATES: readonly TaskState[] = ['starting', 'stopping', 'uploading'];

/** A state's name inside a sentence of the timeline (`task.state.<state>`; lower case in English). */
export function taskStateText(state: TaskState): Message {
  return msg(`task.state.${state}`);
}
