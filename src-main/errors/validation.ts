import type { z } from 'zod';
import { issuesToFieldErrors, msg, type FieldErrors } from '@contract';
import { AppFailure } from './app-failure';

/** Fields a `VALIDATION` failure lists at most; the rest are only counted. */
export const MAX_REPORTED_FIELDS = 20;
/** Longest field path a `VALIDATION` failure reports, in characters. */
const MAX_PATH = 200;

/**
 * A `VALIDATION` failure whose `details.fields` maps paths to messages (never values). At
 * most {@link MAX_REPORTED_FIELDS} paths, clipped, plus `details.moreFields` when there were more: a
 * request with thousands of unknown keys would otherwise get an answer larger than itself.
 */
export function validationFailure(fields: FieldErrors): AppFailure {
  const entries = Object.entries(fields);
  const count = entries.length;
  const shown = Object.fromEntries(entries.slice(0, MAX_REPORTED_FIELDS).map(([path, text]) => [clipPath(path), text]));
  return new AppFailure('VALIDATION', count === 1 ? msg('error.oneField') : msg('error.fields', { count }), {
    details: count > MAX_REPORTED_FIELDS ? { fields: shown, moreFields: count - MAX_REPORTED_FIELDS } : { fields: shown },
  });
}

/** Parses `input` or throws {@link validationFailure} with paths under `prefix`. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailure(issuesToFieldErrors(parsed.error.issues, prefix));
  return parsed.data;
}

function clipPath(path: string): string {
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH - 1)}…` : path;
}
