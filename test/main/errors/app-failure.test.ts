import { msg } from '@contract';
import { describe, expect, it } from 'vitest';
import { AppFailure, toAppError } from '../../../src-main/errors/app-failure';
import { startOutcomeUnknown } from '../../../src-main/errors/start-outcome';

describe('AppFailure on the wire', () => {
  it('sends a plain failure as the thrower wrote it, and a message as its English text beside the message itself', () => {
    const plain = new AppFailure('NOT_FOUND', 'No task t1', { details: { id: 't1' } });
    const bare = new AppFailure('UNSUPPORTED', 'The Sandbox is not running');
    const text = msg('task.notFound', { id: 't2' });
    const vendor = new AppFailure('VENDOR_AUTH', text, { retryable: false, details: { vendorCode: 7 } });
    expect([plain.toAppError(), bare.toAppError(), vendor.toAppError()]).toEqual([
      { code: 'NOT_FOUND', message: 'No task t1', details: { id: 't1' } },
      { code: 'UNSUPPORTED', message: 'The Sandbox is not running' },
      { code: 'VENDOR_AUTH', message: 'No task t2', text, retryable: false, details: { vendorCode: 7 } },
    ]);
  });

  it('turns anything else into INTERNAL with the error name only', () => {
    expect([toAppError(new TypeError('secret=abc')), toAppError('x'), toAppError(new AppFailure('CONFLICT', 'busy'))]).toEqual([
      { code: 'INTERNAL', message: 'TypeError' },
      { code: 'INTERNAL', message: 'error' },
      { code: 'CONFLICT', message: 'busy' },
    ]);
  });
});

describe('the ambiguous-start rule', () => {
  const lost = (code: 'VENDOR_TIMEOUT' | 'VENDOR_UNREACHABLE' | 'VENDOR_BAD_RESPONSE' | 'VENDOR_AUTH', details: Record<string, unknown>) =>
    new AppFailure(code, msg('error.vendorUnreachable'), { details });

  it('treats a lost answer to a request that may have been sent as unknown, unless a reconciliation decided', () => {
    expect([
      startOutcomeUnknown(lost('VENDOR_TIMEOUT', { mayHaveReachedVendor: true })),
      startOutcomeUnknown(lost('VENDOR_BAD_RESPONSE', { mayHaveReachedVendor: true })),
      startOutcomeUnknown(lost('VENDOR_UNREACHABLE', { mayHaveReachedVendor: false })),
      startOutcomeUnknown(lost('VENDOR_AUTH', { mayHaveReachedVendor: true })),
      startOutcomeUnknown(lost('VENDOR_TIMEOUT', { mayHaveReachedVendor: true, outcome: 'not-started' })),
      startOutcomeUnknown(lost('VENDOR_AUTH', { outcome: 'unknown' })),
      startOutcomeUnknown(new Error('x')),
    ]).toEqual([true, true, false, false, false, true, false]);
  });
});
