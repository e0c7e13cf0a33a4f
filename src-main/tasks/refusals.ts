import { msg, type Capabilities, type FieldIssue, type Message } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { VendorAdapter } from '../vendors/adapter';

/** A vendor action the descriptor does not offer, as the error every caller sees. */
export function unsupportedAction(what: Message): AppFailure {
  return new AppFailure('UNSUPPORTED', msg('task.unsupported', { action: what }));
}

/** Refuses an action the vendor's descriptor does not offer, before anything is sent. */
export function requireCapability(adapter: VendorAdapter, cap: keyof Capabilities, label: Message): void {
  if (!adapter.descriptor.capabilities[cap]) throw unsupportedAction(label);
}

/** A request or layout the vendor's rules refuse; nothing was sent. */
export function ruleBroken(issues: FieldIssue[]): AppFailure {
  return new AppFailure('VALIDATION', msg('task.ruleBroken'), { details: { issues } });
}
