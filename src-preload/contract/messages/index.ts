import { VENDOR_IDS, VENDOR_PROFILES, type VendorId } from '../vendors';
import { CORE_CATALOGUES, LOCALES, type Locale } from './locales';
import { isMessage, messageWithText, msg, type Catalogue, type Message } from './message';

export * from './locales';
export * from './message';

/**
 * Every catalogue by locale: the core's (`en.ts`, `zh-CN.ts`) with each vendor module's block
 * (`vendors/<vendor id>/messages.ts`, keys `vendor.<vendor id>.…`) merged in through the vendor registry's profiles.
 * The renderer hands these to vue-i18n beside its own UI catalogues.
 */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    Object.assign({}, CORE_CATALOGUES[locale], ...VENDOR_IDS.map((id) => VENDOR_PROFILES[id].messages[locale])) as Catalogue,
  ]),
) as Record<Locale, Catalogue>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A message as text in `locale`: `{name}` placeholders filled from its parameters (a parameter that is
 * itself a message is formatted first, in the same language). A key no catalogue has is shown as the
 * key, so a missing text is visible rather than blank.
 */
export function formatMessage(locale: Locale, message: Message): string {
  const template = CATALOGUES[locale][message.key] ?? CATALOGUES.en[message.key] ?? message.key;
  const params = message.params ?? {};
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return isMessage(value) ? formatMessage(locale, value) : String(value);
  });
}

/** A message's placeholders, in order of first appearance (catalogue tests compare them across languages). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * A task's finish reason as the operator reads it. Tasks store it as text: a vendor's own code
 * (`USER_CALL`) or the English of a RecDeck message (`start-rejected`); the vendor module and the core
 * catalogue turn those back into messages, anything else is shown as stored.
 */
export function finishReasonText(vendor: VendorId, reason: string): Message {
  return VENDOR_PROFILES[vendor].finishReason(reason) ?? messageWithText(CORE_CATALOGUES.en, 'finishReason.', reason) ?? msg('finishReason.asGiven', { reason });
}

function asked(vendor: VendorId): readonly string[] {
  return VENDOR_PROFILES[vendor].expectedFinishReasons;
}

/**
 * Whether a task that ended (or is uploading) came to its end without a stop from the operator: the
 * vendor's idle or time limit, a vendor-side stop. Such an end is never shown as a plain "Finished".
 */
export function endedUnexpectedly(task: { vendor: VendorId; state: string; finishReason: string | null }): boolean {
  return (task.state === 'uploading' || task.state === 'finished') && task.finishReason !== null && !asked(task.vendor).includes(task.finishReason);
}

/** Which recording an alert is about, as one line: room, vendor and account. */
export function alertAbout(alert: { roomId: string; vendor: VendorId; accountName: string }): Message {
  return msg('alert.about', { room: alert.roomId, vendor: VENDOR_PROFILES[alert.vendor].descriptor.name, account: alert.accountName });
}
