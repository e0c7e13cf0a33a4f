import { TIW_DESCRIPTOR } from './descriptor';
import { TIW_MESSAGES, tiwFinishReason } from './messages';

/** What TIW online recording is and says, without its validator (`VendorProfile`). */
export const TIW_PROFILE = {
  id: 'tencent-tiw',
  descriptor: TIW_DESCRIPTOR,
  messages: TIW_MESSAGES,
  finishReason: tiwFinishReason,
  expectedFinishReasons: ['USER_CALL'],
  // The CallbackKey only verifies callbacks.
  optionalSecretFields: ['callbackKey'],
} as const;
