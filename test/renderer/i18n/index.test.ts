import { CATALOGUES, formatMessage, placeholdersOf, VENDOR_IDS } from '@contract';
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

  it.each(LOCALES)('formats every message of the core in %s exactly as the core does', (locale) => {
    const differing = Object.keys(CATALOGUES[locale]).filter((key) => {
      const params = Object.fromEntries(placeholdersOf(CATALOGUES[locale][key]!).map((p, i) => [p, `p${i}`]));
      return i18n.global.t(key, params, { locale }) !== formatMessage(locale, { key, params });
    });
    expect(differing).toEqual([]);
  });

  it('keeps the core’s keys apart from the renderer’s own text', () => {
    const ui = i18n.global.getLocaleMessage('en') as Record<string, unknown>;
    const uiDomains = Object.keys(ui).filter((k) => !(k in CATALOGUES.en));
    const coreDomains = new Set(Object.keys(CATALOGUES.en).map((k) => k.split('.')[0]));
    expect(uiDomains.filter((d) => coreDomains.has(d))).toEqual([]);
  });

  it('counts in words, not "(s)": one problem, two problems, one file, 1,234 tasks; 简体中文 has one form', () => {
    const t = (key: string, named: Record<string, unknown>, locale = 'en') => i18n.global.t(key, named, { locale });
    expect([
      t('recording.blocking', { n: 1 }),
      t('recording.blocking', { n: 2 }),
      t('monitor.card.files', { n: 1, up: 0 }),
      t('monitor.card.files', { n: 0, up: 0 }),
      t('monitor.history.total', { n: '1,234', count: 1234 }),
      t('recording.blocking', { n: 2 }, 'zh-CN'),
      t('teamPanel.connected', { desk: 'Desk A', n: 1 }),
      t('teamPanel.offlinePending', { n: 3 }),
    ]).toEqual([
      '1 problem to fix before starting',
      '2 problems to fix before starting',
      '1 file · 0 uploaded',
      '0 files · 0 uploaded',
      '1,234 tasks',
      i18n.global.t('recording.blocking', { n: 1 }, { locale: 'zh-CN' }).replace('1', '2'),
      'Team: Desk A, 1 desk',
      'Team: offline, 3 changes waiting',
    ]);
  });
});
