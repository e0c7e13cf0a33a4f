import type { StorageTargetShape } from '../../storage-providers';
import { ZEGO_ACCOUNT } from './account';
import { ZEGO_DESCRIPTOR } from './descriptor';
import { ZEGO_LIMITS, type ZegoLimits } from './limits';
import { ZEGO_MESSAGES, ZEGO_UPLOAD_PARTIAL_REASON, zegoFinishReason } from './messages';
import { ZegoRequestOptionsSchema } from './request';
import { validateZegoRequest, type ZegoRequest } from './validate';

export * from './account';
export * from './descriptor';
export * from './limits';
export * from './messages';
export * from './request';
export * from './validate';

/** The ZEGO Cloud Recording module of the contract (docs/vendors/zego.md). */
export const ZEGO_CONTRACT = {
  id: 'zego',
  descriptor: ZEGO_DESCRIPTOR,
  account: ZEGO_ACCOUNT,
  request: { key: 'zego', options: ZegoRequestOptionsSchema },
  messages: ZEGO_MESSAGES,
  finishReason: zegoFinishReason,
  // The legacy partial-upload callback reports the files of any end, the operator's stops included.
  expectedFinishReasons: [ZEGO_UPLOAD_PARTIAL_REASON],
  limits: ZEGO_LIMITS,
  validate(request: ZegoRequest, storage: StorageTargetShape | null, limits: ZegoLimits = ZEGO_LIMITS) {
    return validateZegoRequest(request, storage, limits);
  },
} as const;
