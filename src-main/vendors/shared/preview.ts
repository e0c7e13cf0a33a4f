import type { StorageTargetShape } from '@contract';
import type { StorageForSend } from '../credentials';
import type { StorageShape } from '../adapter';

/** How secrets appear in previews. */
export const PREVIEW_MASK = '••••';

/** A storage target as the contract's validators see it: its fields and which keys are set. */
export function contractStorage(shape: StorageShape | null): StorageTargetShape | null {
  return shape ? { ...shape.target, keys: shape.keysSet } : null;
}

/** A base URL without trailing slashes. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The storage keys a preview shows: the mask where a key is set, empty where it is not. */
export function maskedKeys(shape: StorageShape | null): Partial<Record<keyof StorageForSend['keys'], string>> {
  return Object.fromEntries(Object.entries(shape?.keysSet ?? {}).map(([k, set]) => [k, set ? PREVIEW_MASK : ''])) as Partial<Record<keyof StorageForSend['keys'], string>>;
}
