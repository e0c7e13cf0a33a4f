import type { z } from 'zod';
import { isMessage, msg, type Message } from './messages/message';

/** Field path → message: `details.fields` of a `VALIDATION` error. The key `''` means the input as a whole. */
export type FieldErrors = Record<string, Message>;

/**
 * Turns zod issues into {@link FieldErrors}, as messages and without the submitted values.
 * Pure, so the renderer can show the same messages while the operator types.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  const put = (path: readonly PropertyKey[], text: Message) => {
    const key = [prefix, ...path.map(String)].filter((s) => s !== '').join('.');
    out[key] ??= text;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) put([...issue.path, k], msg('field.unknownField'));
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const nested = issue.errors.flat();
      Object.assign(out, issuesToFieldErrors(nested, prefix));
      continue;
    }
    put(issue.path, issueMessage(issue));
  }
  return out;
}

/** One zod issue in the operator's words (zod's own text is English and names types, not fields). */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'custom': {
      const given = (issue.params as { message?: unknown } | undefined)?.message;
      return isMessage(given) ? given : msg('field.invalid');
    }
    case 'invalid_type':
      // zod leaves the input out of issues (so values never leak); its message still says "received undefined".
      if (issue.message.includes('received undefined')) return msg('field.required');
      return msg('field.expected', { kind: kindName(issue.expected) });
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? msg('field.required') : msg('field.minChars', { min: Number(issue.minimum) });
      return msg('field.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return msg('field.maxChars', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return msg('field.maxItems', { max: Number(issue.maximum) });
      return msg('field.max', { max: Number(issue.maximum) });
    case 'invalid_value':
      return chooseOne(issue.values.map(String));
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      return Array.isArray(options) ? chooseOne(options.map(String)) : msg('field.unknownValue');
    }
    case 'invalid_format':
      return msg('field.wrongFormat');
    case 'invalid_key':
    case 'unrecognized_keys':
      return msg('field.unknownField');
    default:
      return msg('field.invalid');
  }
}

/** The allowed values are codes (`mp4`, `grid`), the same in every language. */
function chooseOne(values: readonly string[]): Message {
  return msg('field.chooseOne', { values: values.join(', ') });
}

function kindName(expected: string): Message | string {
  if (expected === 'number' || expected === 'int') return msg('field.kind.number');
  if (expected === 'string') return msg('field.kind.text');
  if (expected === 'boolean') return msg('field.kind.boolean');
  if (expected === 'object' || expected === 'record') return msg('field.kind.object');
  if (expected === 'array') return msg('field.kind.list');
  return expected;
}
