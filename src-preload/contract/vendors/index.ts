import { TIW_PROFILE } from './tencent-tiw/profile';
import { TRRO_PROFILE } from './tencent-trro/profile';
import type { VendorProfile } from './vendor-contract';
import { ZEGO_PROFILE } from './zego/profile';

/**
 * The vendor registry of the contract. Adding a vendor: a folder `vendors/<id>/` shaped like the
 * others (account, limits, request options, validate, descriptor, messages, a profile, and an index
 * that puts them in a `VendorContract`), then its id below, its line in `VENDOR_PROFILES` and its line
 * in `VENDOR_CONTRACTS` (`vendors/contracts.ts`, a type error until it is there). Everything else
 * (account unions, forms, the request's option keys, the catalogues) is derived from here.
 *
 * This module loads no zod: what it holds is what the renderer's first paint reads. The schemas and
 * validators are in `vendors/contracts.ts`.
 */

/** Vendor ids: lowercase kebab-case, identical to the vendor folders here and under `src-main/vendors/`. */
export const VENDOR_IDS = ['zego', 'tencent-tiw', 'tencent-trro'] as const;
/** One of {@link VENDOR_IDS}. */
export type VendorId = (typeof VENDOR_IDS)[number];

/** Every vendor's profile by id: descriptor, texts, finish reasons (see `VendorProfile`). */
export const VENDOR_PROFILES = {
  zego: ZEGO_PROFILE,
  'tencent-tiw': TIW_PROFILE,
  'tencent-trro': TRRO_PROFILE,
} as const satisfies { [V in VendorId]: VendorProfile<V> };

/**
 * Whether `field` is a secret an account of `vendor` works without: it only verifies callbacks, so
 * vendor calls never require it and the forms mark it optional.
 */
export function isOptionalSecretField(vendor: VendorId, field: string): boolean {
  const optional: readonly string[] = VENDOR_PROFILES[vendor].optionalSecretFields;
  return optional.includes(field);
}
