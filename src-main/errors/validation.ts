import type { z } from 'zod';
import { issuesToFieldErrors, msg, type FieldErrors } from '@contract';
import { AppFailure } from './app-failure';

/** A `VALIDATION` failure whose `details.fields` maps paths to messages (never values). */
export function validationFailure(fields: FieldErrors): AppFailure {
  const count = Object.keys(fields).length;
  return new AppFailure('VALIDATION', count === 1 ? msg('error.oneField') : msg('error.fields', { count }), { details: { fields } });
}

/** Parses `input` or throws {@link validationFailure} with paths under `prefix`. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailure(issuesToFieldErrors(parsed.error.issues, prefix));
  return parsed.data;
}
