import type { StorageTargetShape } from '../../storage-providers';
import { ZEGO_ACCOUNT } from './account';
import { ZEGO_LIMITS, type ZegoLimits } from './limits';
import { ZEGO_PROFILE } from './profile';
import { ZegoRequestOptionsSchema } from './request';
import { validateZegoRequest, type ZegoRequest } from './validate';

export * from './account';
export * from './descriptor';
export * from './limits';
export * from './messages';
export * from './profile';
export * from './request';
export * from './validate';

/** The ZEGO Cloud Recording module of the contract (docs/vendors/zego.md). */
export const ZEGO_CONTRACT = {
  ...ZEGO_PROFILE,
  account: ZEGO_ACCOUNT,
  request: { key: 'zego', options: ZegoRequestOptionsSchema },
  limits: ZEGO_LIMITS,
  validate(request: ZegoRequest, storage: StorageTargetShape | null, limits: ZegoLimits = ZEGO_LIMITS) {
    return validateZegoRequest(request, storage, limits);
  },
} as const;
