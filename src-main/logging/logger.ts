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

const SECRET_KEY = /secret|password|token|signature|authorization|usersig|accesskey|sign$/i;

/** Replaces the value of every key that names a secret with `••••`, recursively. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '••••' : redactFields(v, depth + 1);
  return out;
}

/** A logger that hands redacted lines to `sink` (stderr by default). */
export function createLogger(sink: (line: LogLine) => void = (l) => process.stderr.write(`${JSON.stringify(l)}\n`)): Logger {
  const write = (level: LogLine['level']) => (event: string, fields: LogFields = {}) =>
    sink({ at: new Date().toISOString(), level, event, fields: redactFields(fields) as LogFields });
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
