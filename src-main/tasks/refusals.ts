import type { Capabilities, FieldIssue, LocalizedText } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { VendorAdapter } from '../vendors/adapter';

export const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

/** A vendor action the descriptor does not offer, as the error every caller sees. */
export function unsupportedAction(what: LocalizedText): AppFailure {
  return new AppFailure('UNSUPPORTED', { en: `${what.en} is not offered by this vendor.`, 'zh-CN': `该厂商不支持${what['zh-CN']}。` });
}

/** Refuses an action the vendor's descriptor does not offer, before anything is sent. */
export function requireCapability(adapter: VendorAdapter, cap: keyof Capabilities, label: LocalizedText): void {
  if (!adapter.descriptor.capabilities[cap]) throw unsupportedAction(label);
}

/** A request or layout the vendor's rules refuse; nothing was sent. */
export function ruleBroken(issues: FieldIssue[]): AppFailure {
  return new AppFailure('VALIDATION', text('The request breaks a vendor rule; see the marked fields.', '请求不符合厂商规则，请查看标出的字段。'), { details: { issues } });
}
