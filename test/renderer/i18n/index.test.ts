import { VENDOR_IDS } from '@contract';
import { describe, expect, it } from 'vitest';
import { i18n, LOCALES } from '../../../src-renderer/src/i18n';

describe('i18n', () => {
  it.each(LOCALES)('has every vendor’s name, room label and help in %s, read from its vendor folder', (locale) => {
    const t = (key: string) => i18n.global.t(key, {}, { locale, missingWarn: false, fallbackWarn: false });
    for (const id of VENDOR_IDS) {
      for (const key of ['name', 'roomId', 'roomHelp']) expect(t(`vendors.${id}.${key}`), `${id}.${key}`).not.toBe(`vendors.${id}.${key}`);
    }
    expect(t('vendors.tencent-tiw.recordModes.REALTIME_MODE')).not.toContain('vendors.');
  });
});
