import type { FieldErrors, LocalizedText } from '@contract';
import type { z } from 'zod';
import { issuesToFieldErrors } from '@contract';
import { AppFailure } from '../ipc/app-error';

/** A `VALIDATION` failure whose `details.fields` maps paths to bilingual messages (never values). */
export function validationFailure(fields: FieldErrors): AppFailure {
  const count = Object.keys(fields).length;
  return new AppFailure('VALIDATION', count === 1 ? '1 field needs attention' : `${count} fields need attention`, {
    details: { fields },
  });
}

/** Parses `input` or throws {@link validationFailure} with paths under `prefix`. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailure(issuesToFieldErrors(parsed.error.issues, prefix));
  return parsed.data;
}

/** `NOT_FOUND` for an id the caller sent. */
export function notFound(kind: 'account' | 'storage target', id: string): AppFailure {
  return new AppFailure('NOT_FOUND', `No ${kind} with id ${id.slice(0, 64)}`, { details: { id: id.slice(0, 64) } });
}

/** Message for a name already taken. */
export function duplicateName(scope: LocalizedText): LocalizedText {
  return { en: `This name is already used ${scope.en}`, 'zh-CN': `该名称已被${scope['zh-CN']}使用` };
}
