/** Fields attached to a log line. Values are redacted by key before they are written. */
export type LogFields = Record<string, unknown>;

/** The core's logger: structured lines, one sink, secrets redacted by key name. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A written log line. */
export interface LogLine {
  at: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: LogFields;
}

/** What closes a window of repeats; the events' `Clock` fits, so tests step through it. */
export interface LogTimers {
  now(): number;
  setTimer(fn: () => void, ms: number): () => void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** How long repeats of one warning or error are counted instead of written; 60 s by default. */
  repeatWindowMs?: number;
  timers?: LogTimers;
}

const SECRET_KEY = /secret|password|token|signature|authorization|usersig|accesskey|sign$/i;

/** Replaces the value of every key that names a secret with `••••`, recursively. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '••••' : redactFields(v, depth + 1);
  return out;
}

const wallClock: LogTimers = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};

/**
 * A logger that hands redacted lines to `sink` (stderr by default). A warning or error is written the
 * first time it occurs; repeats of the same line (level, event and fields) within the next
 * `repeatWindowMs` are only counted, and when the window closes one more line says how many there
 * were (`repeated`). A flood of refused requests thus costs a line a minute, not a line each. Info
 * lines are written as they come.
 */
export function createLogger(sink: (line: LogLine) => void = (l) => process.stderr.write(`${JSON.stringify(l)}\n`), options: LoggerOptions = {}): Logger {
  const windowMs = options.repeatWindowMs ?? 60_000;
  const timers = options.timers ?? wallClock;
  const open = new Map<string, { repeated: number }>();
  const emit = (level: LogLine['level'], event: string, fields: LogFields): void =>
    sink({ at: new Date(timers.now()).toISOString(), level, event, fields });
  const write = (level: LogLine['level']) => (event: string, fields: LogFields = {}) => {
    const redacted = redactFields(fields) as LogFields;
    if (level === 'info') return emit(level, event, redacted);
    const key = `${level}\n${event}\n${JSON.stringify(redacted)}`;
    const window = open.get(key);
    if (window) return void (window.repeated += 1);
    emit(level, event, redacted);
    const opened = { repeated: 0 };
    open.set(key, opened);
    timers.setTimer(() => {
      open.delete(key);
      if (opened.repeated > 0) emit(level, event, { ...redacted, repeated: opened.repeated, windowMs });
    }, windowMs);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
