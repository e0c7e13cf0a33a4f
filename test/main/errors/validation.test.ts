import { describe, expect, it } from 'vitest';
import { AccountDraftSchema } from '@contract';
import { AppFailure } from '../../../src-main/errors/app-failure';
import { parseOrFail } from '../../../src-main/errors/validation';

function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected a VALIDATION failure');
}

describe('validation failures', () => {
  it('list the first 20 fields, clipped, and count the rest when an account draft has 30 000 unknown keys', () => {
    const fields = Object.fromEntries([['K'.repeat(5000), 1], ...Array.from({ length: 30_000 }, (_, i) => [`field${i}`, i])]);
    const draft = { vendor: 'zego', name: 'n', environment: 'production', endpoint: 'https://rtc-api.zego.im', fields };
    const error = failureOf(() => parseOrFail(AccountDraftSchema, draft)).toAppError();
    const details = error.details as { fields: Record<string, unknown>; moreFields: number };
    expect({
      code: error.code,
      message: error.message,
      shown: Object.keys(details.fields).length,
      longestPath: Math.max(...Object.keys(details.fields).map((k) => k.length)),
      moreFields: details.moreFields,
      answerBytes: JSON.stringify(error).length < 4096,
    }).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/^300\d\d fields need attention$/), shown: 20, longestPath: 200, moreFields: expect.any(Number), answerBytes: true });
    expect(details.moreFields + 20).toBe(Number(error.message.split(' ')[0]));
  });
});
