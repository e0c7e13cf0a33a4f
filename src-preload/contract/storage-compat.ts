// Re-export for the issue 10 merge; removed by the lead.
export {
  checkEndpointUrl,
  customIssue,
  EndpointUrlSchema,
  FORM_FIELD_KINDS,
  NameSchema,
  SecretStatusSchema,
  type FormField,
  type FormFieldKind,
  type FormOption,
  type SecretStatus,
} from './common';
import { STORAGE_PROVIDER_INFO as PROVIDER_FACTS, STORAGE_PROVIDERS, type StorageProvider, type StorageProviderInfo } from './storage-providers';
import { trroStorageVendor, VENDOR_CONTRACTS, VENDOR_IDS, ZEGO_STORAGE, type VendorId } from './vendors';

type LegacyProviderInfo = StorageProviderInfo & { zegoVendor: number; trroVendor: number | null; vendors: readonly VendorId[]; zegoFormats: readonly string[] | null };

function legacyInfo(p: StorageProvider): LegacyProviderInfo {
  return {
    ...PROVIDER_FACTS[p],
    zegoVendor: ZEGO_STORAGE[p].vendor,
    trroVendor: trroStorageVendor(p),
    vendors: VENDOR_IDS.filter((v) => (VENDOR_CONTRACTS[v].descriptor.storageProviders as readonly string[]).includes(p)),
    zegoFormats: ZEGO_STORAGE[p].formats,
  };
}

/** The pre-issue-10 shape of the provider table, with the vendor numbering that now lives in each vendor module. */
export const STORAGE_PROVIDER_INFO = Object.fromEntries(STORAGE_PROVIDERS.map((p) => [p, legacyInfo(p)])) as Record<StorageProvider, LegacyProviderInfo>;
