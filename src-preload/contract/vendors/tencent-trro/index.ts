import type { RecordingRequestBase } from '../../request-parts';
import { TRRO_ACCOUNT } from './account';
import { TRRO_LIMITS, type TrroLimits } from './limits';
import { TRRO_PROFILE } from './profile';
import { TrroRequestOptionsSchema } from './request';
import { validateTrroRequest } from './validate';

export * from './account';
export * from './descriptor';
export * from './limits';
export * from './messages';
export * from './profile';
export * from './request';
export * from './validate';

/**
 * The TRRO cloud recording module of the contract (docs/vendors/tencent-trro.md). The storage target
 * itself is checked where it is resolved, since its keys live in the vault.
 */
export const TRRO_CONTRACT = {
  ...TRRO_PROFILE,
  account: TRRO_ACCOUNT,
  request: { key: 'trro', options: TrroRequestOptionsSchema },
  limits: TRRO_LIMITS,
  validate(request: RecordingRequestBase, _storage: unknown, limits: TrroLimits = TRRO_LIMITS) {
    return validateTrroRequest(request, limits);
  },
} as const;
