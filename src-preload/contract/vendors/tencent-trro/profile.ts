import { TRRO_DESCRIPTOR } from './descriptor';
import { TRRO_MESSAGES, trroFinishReason } from './messages';

/** What TRRO cloud recording is and says, without its validator (`VendorProfile`). */
export const TRRO_PROFILE = {
  id: 'tencent-trro',
  descriptor: TRRO_DESCRIPTOR,
  messages: TRRO_MESSAGES,
  finishReason: trroFinishReason,
  // LeaveCode 0: the recorder left because RecDeck deleted the recording.
  expectedFinishReasons: ['0'],
  // The SignKey only verifies callbacks.
  optionalSecretFields: ['signKey'],
} as const;
