import { msg } from '@contract';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/src/i18n';
import { localize } from '../../../src-renderer/src/ui/use-localized';

afterEach(() => {
  i18n.global.locale.value = 'en';
});

describe('localize', () => {
  it('formats a core message and the messages in its parameters in the current language', () => {
    const alert = msg('keychain.sessionOnly', { reason: msg('keychain.failed', { cause: 'D-Bus gone' }) });
    const en = localize(alert);
    i18n.global.locale.value = 'zh-CN';
    expect([en, localize(alert)]).toEqual([
      'The OS keychain failed (D-Bus gone): check that a keychain is installed and unlocked, then restart RecDeck. Secrets are kept in memory until RecDeck quits.',
      '系统钥匙串出错（D-Bus gone）：请确认已安装并解锁钥匙串，然后重启 RecDeck。在 RecDeck 退出前，密钥只保存在内存中。',
    ]);
  });
});
