import { ZEGO_DESCRIPTOR } from './descriptor';
import { ZEGO_MESSAGES, ZEGO_UPLOAD_PARTIAL_REASON, zegoFinishReason } from './messages';

/** What ZEGO Cloud Recording is and says, without its validator (`VendorProfile`). */
export const ZEGO_PROFILE = {
  id: 'zego',
  descriptor: ZEGO_DESCRIPTOR,
  messages: ZEGO_MESSAGES,
  finishReason: zegoFinishReason,
  // The legacy partial-upload callback reports the files of any end, the operator's stops included.
  expectedFinishReasons: [ZEGO_UPLOAD_PARTIAL_REASON],
  // The CallbackSecret only verifies callbacks; the ServerSecret signs every request.
  optionalSecretFields: ['callbackSecret'],
} as const;
