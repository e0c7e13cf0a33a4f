import { TIW_ACCOUNT } from './account';
import { TIW_LIMITS, type TiwLimits } from './limits';
import { TIW_PROFILE } from './profile';
import { TiwRequestOptionsSchema } from './request';
import { validateTiwRequest, type TiwRequest } from './validate';

export * from './account';
export * from './descriptor';
export * from './limits';
export * from './messages';
export * from './profile';
export * from './request';
export * from './validate';

/** The TIW online recording module of the contract (docs/vendors/tencent-tiw.md). TIW takes no storage target. */
export const TIW_CONTRACT = {
  ...TIW_PROFILE,
  account: TIW_ACCOUNT,
  request: { key: 'tiw', options: TiwRequestOptionsSchema },
  limits: TIW_LIMITS,
  validate(request: TiwRequest, _storage: unknown, limits: TiwLimits = TIW_LIMITS) {
    return validateTiwRequest(request, limits);
  },
} as const;
