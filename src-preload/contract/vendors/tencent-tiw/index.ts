import { TIW_ACCOUNT } from './account';
import { TIW_DESCRIPTOR } from './descriptor';
import { TIW_LIMITS, type TiwLimits } from './limits';
import { TIW_MESSAGES, tiwFinishReason } from './messages';
import { TiwRequestOptionsSchema } from './request';
import { validateTiwRequest, type TiwRequest } from './validate';

export * from './account';
export * from './descriptor';
export * from './limits';
export * from './messages';
export * from './request';
export * from './validate';

/** The TIW online recording module of the contract (docs/vendors/tencent-tiw.md). TIW takes no storage target. */
export const TIW_CONTRACT = {
  id: 'tencent-tiw',
  descriptor: TIW_DESCRIPTOR,
  account: TIW_ACCOUNT,
  request: { key: 'tiw', options: TiwRequestOptionsSchema },
  messages: TIW_MESSAGES,
  finishReason: tiwFinishReason,
  expectedFinishReasons: ['USER_CALL'],
  limits: TIW_LIMITS,
  validate(request: TiwRequest, _storage: unknown, limits: TiwLimits = TIW_LIMITS) {
    return validateTiwRequest(request, limits);
  },
} as const;
