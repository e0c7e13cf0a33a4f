import { describe, expect, it } from 'vitest';
import { secretHere } from '../../../../../src-renderer/src/features/monitor/model/secret-here';

const s = (field: string, configured: boolean) => ({ field, configured, updatedAt: configured ? 1 : null });

describe('secretHere', () => {
  it('needs every secret the account cannot work without; a callback-only secret and an unlisted account do not block', () => {
    expect([
      secretHere({ vendor: 'zego', secrets: [s('serverSecret', true), s('callbackSecret', false)] }),
      secretHere({ vendor: 'zego', secrets: [s('serverSecret', false), s('callbackSecret', true)] }),
      secretHere(undefined),
    ]).toEqual([true, false, true]);
  });
});
