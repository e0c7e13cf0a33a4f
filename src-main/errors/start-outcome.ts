import type { ErrorCode } from '@contract';
import { AppFailure } from './app-failure';

/** Transport verdicts after which the request may have reached the vendor: the answer, not the request, was lost. */
const LOST_ANSWER: readonly ErrorCode[] = ['VENDOR_TIMEOUT', 'VENDOR_UNREACHABLE', 'VENDOR_BAD_RESPONSE'];

/**
 * Whether a failed start may still have started a recording at the vendor. A reconciliation's verdict
 * (`details.outcome`) wins; without one, a lost answer to a request that may have been sent is
 * ambiguous. A start is never retried blindly on such a failure: it is reconciled or reported.
 */
export function startOutcomeUnknown(e: unknown): boolean {
  if (!(e instanceof AppFailure)) return false;
  if (e.details['outcome'] === 'unknown') return true;
  if (e.details['outcome'] === 'not-started') return false;
  return e.details['mayHaveReachedVendor'] === true && LOST_ANSWER.includes(e.code);
}
