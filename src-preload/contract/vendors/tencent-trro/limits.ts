import type { StorageProvider } from '../../storage-providers';
import type { IntRange } from '../checks';

/** CloudStorage `Vendor` of the providers TRRO uploads to (docs/vendors/tencent-trro.md §2.2). */
export const TRRO_STORAGE_VENDORS = { 'tencent-cos': 0, 'amazon-s3': 1 } as const satisfies Partial<Record<StorageProvider, number>>;

/** The CloudStorage `Vendor` of a provider, or null when TRRO cannot upload to it. */
export function trroStorageVendor(provider: StorageProvider): number | null {
  const vendors: Partial<Record<StorageProvider, number>> = TRRO_STORAGE_VENDORS;
  return vendors[provider] ?? null;
}

/** TRRO OutputFormat values, by normalized format name (docs/vendors/tencent-trro.md §2.1). */
export const TRRO_OUTPUT_FORMATS = { hls: 0, 'hls+mp4': 1, 'hls+aac': 2, mp4: 3, aac: 4 } as const;

/** Documented limits of TRRO CreateCloudRecording (docs/vendors/tencent-trro.md §2), as data. */
export const TRRO_LIMITS = {
  /** MaxMediaFileDuration, minutes (default 1440). */
  maxMediaFileDurationMin: { min: 1, max: 1440 } satisfies IntRange,
  /** MaxIdleTime, seconds (default 30). */
  maxIdleTimeSec: { min: 5, max: 86400 } satisfies IntRange,
  /** FileNamePrefix segment alphabet. */
  fileNamePrefixSegment: /^[A-Za-z0-9_-]+$/,
  outputFormats: TRRO_OUTPUT_FORMATS,
  ratePerSecond: 20,
} as const;

/** See {@link TRRO_LIMITS}. */
export type TrroLimits = typeof TRRO_LIMITS;

