import type { FileStatus, TaskState } from '@contract';

/**
 * One colour per normalized state, the same in the Live pill, the timeline bands and History.
 * Red is kept for actual capture; failure is magenta so it never reads as "recording". The REC red
 * carries white text at 5.2:1; the other colours mark dots and borders, never small text.
 */
export const STATE_COLORS: Record<TaskState, string> = {
  starting: '#8b7cf6',
  recording: '#d1242f',
  paused: '#f0a020',
  stopping: '#f97316',
  uploading: '#3b82f6',
  finished: '#18a058',
  failed: '#c026d3',
  lost: '#6b7280',
};

/** An end the operator did not ask for: amber like a warning, never the green of a clean finish. */
export const UNEXPECTED_END_COLOR = '#f0a020';

/** Naive UI tag type per file status. */
export const FILE_STATUS_TYPES: Record<FileStatus, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  recording: 'info',
  uploading: 'info',
  uploaded: 'success',
  backup: 'warning',
  failed: 'error',
  unknown: 'default',
};

/** Colour per timeline marker lane. */
export const MARKER_COLORS = {
  operator: '#22d3ee',
  status: '#a3a3a3',
  callback: '#a78bfa',
  error: '#ef4444',
  file: '#22c55e',
} as const;
