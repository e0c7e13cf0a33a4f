import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  endedUnexpectedly,
  CORE_CATALOGUES,
  finishReasonText,
  formatMessage,
  LOCALES,
  localeFor,
  MessageSchema,
  msg,
  placeholdersOf,
  TENCENT_API3_MESSAGES,
  VENDOR_CONTRACTS,
  VENDOR_IDS,
  ZEGO_UPLOAD_PARTIAL_REASON,
  zegoQuitFinishReason,
} from '@contract';

const EN = CATALOGUES.en;

describe('the message catalogues', () => {
  it('have every key in every language, core and vendor blocks alike', () => {
    const keys = (c: object) => Object.keys(c).sort();
    expect(LOCALES.map((l) => [l, keys(CATALOGUES[l])])).toEqual(LOCALES.map((l) => [l, keys(EN)]));
    for (const id of VENDOR_IDS) {
      const block = VENDOR_CONTRACTS[id].messages;
      expect(LOCALES.map((l) => keys(block[l])), id).toEqual(LOCALES.map(() => keys(block.en)));
    }
  });

  it('use the same placeholders for a key in every language', () => {
    const differing = Object.keys(EN).filter((key) => LOCALES.some((l) => placeholdersOf(CATALOGUES[l][key]!).sort().join() !== placeholdersOf(EN[key]!).sort().join()));
    expect(differing).toEqual([]);
  });

  it('keep vendor text under the vendor’s own prefix (the Tencent API 3.0 texts under tencent.)', () => {
    const shared = new Set(Object.keys(TENCENT_API3_MESSAGES.en));
    for (const id of VENDOR_IDS) {
      const stray = Object.keys(VENDOR_CONTRACTS[id].messages.en).filter((k) => !k.startsWith(`vendor.${id}.`) && !shared.has(k));
      expect(stray, id).toEqual([]);
    }
    expect([...shared].filter((k) => !k.startsWith('tencent.'))).toEqual([]);
    expect(Object.keys(CORE_CATALOGUES.en).filter((k) => k.startsWith('vendor.') || k.startsWith('tencent.'))).toEqual([]);
  });

  it('hold no character vue-i18n would read as syntax or HTML, and no empty text', () => {
    const special = LOCALES.flatMap((l) => Object.entries(CATALOGUES[l]))
      .filter(([, text]) => text.trim() === '' || /[@|$]|<\/?[\w-]+>/.test(text.replace(/\{\w+\}/g, '')) || /[{}]/.test(text.replace(/\{\w+\}/g, '')))
      .map(([key]) => key);
    expect(special).toEqual([]);
  });

  it('are translated: a Chinese text without Chinese is a vendor’s own name, field or code', () => {
    const latinOnly = Object.entries(CATALOGUES['zh-CN']).filter(([, text]) => !/\p{Script=Han}/u.test(text) && /[a-z]{3,}/.test(text.replace(/\{\w+\}/g, '')));
    expect(latinOnly.map(([key]) => key).sort()).toEqual(
      [
        'storageForm.accessKeyId.label',
        'storageForm.accessKeySecret.label',
        'storageForm.secretId.label',
        'storageForm.secretKey.label',
        'tencent.secret.secretId.label',
        'tencent.secret.secretKey.label',
        'timeline.actionDone',
        'vendor.tencent-trro.leaveCode.other',
        'vendor.zego.imageType.1',
        'vendor.zego.imageType.2',
        'vendor.zego.imageType.3',
        'vendor.zego.imageType.other',
        'vendor.zego.secret.serverSecret.label',
      ].sort(),
    );
  });
});

describe('formatMessage', () => {
  it('fills placeholders, formats a message given as a parameter in the same language, and shows an unknown key as itself', () => {
    const refusal = msg('task.unsupported', { action: msg('task.action.pause') });
    expect([
      formatMessage('en', msg('field.maxChars', { max: 64 })),
      formatMessage('zh-CN', msg('field.maxChars', { max: 64 })),
      formatMessage('en', refusal),
      formatMessage('zh-CN', refusal),
      formatMessage('zh-CN', { key: 'no.such.key' }),
      formatMessage('en', msg('field.maxChars')),
    ]).toEqual(['At most 64 characters', '最多 64 个字符', 'Pause is not offered by this vendor.', '该厂商不支持暂停。', 'no.such.key', 'At most {max} characters']);
  });

  it('crosses the wire as plain data, nested parameters included', () => {
    const m = msg('keychain.sessionOnly', { reason: msg('keychain.failed', { cause: 'D-Bus gone' }) });
    expect(MessageSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(MessageSchema.safeParse({ key: 'x', params: { a: { b: 1 } } }).success).toBe(false);
  });
});

describe('finish reasons', () => {
  it('read what the core stores back as messages, and show a reason nobody wrote as it is', () => {
    const stored = formatMessage('en', zegoQuitFinishReason(3));
    expect([
      stored,
      formatMessage('zh-CN', finishReasonText('zego', stored)),
      formatMessage('zh-CN', finishReasonText('zego', 'quit_reason 4242: unlisted reason')),
      formatMessage('zh-CN', finishReasonText('zego', 'abnormal')),
      formatMessage('zh-CN', finishReasonText('tencent-tiw', 'USER_CALL')),
      formatMessage('zh-CN', finishReasonText('tencent-trro', 'no other user for the idle period')),
      formatMessage('zh-CN', finishReasonText('tencent-trro', 'start-rejected')),
      formatMessage('zh-CN', finishReasonText('tencent-tiw', 'SOMETHING_NEW')),
    ]).toEqual([
      'quit_reason 3: idle longer than MaxIdleTime',
      '退出原因 3：空闲时间超过 MaxIdleTime',
      '退出原因 4242：未列出的原因',
      '异常结束',
      '调用停止接口（USER_CALL）',
      '空闲期内房间没有其他用户',
      '启动被拒绝',
      'SOMETHING_NEW',
    ]);
  });
});

describe('localeFor', () => {
  it('maps any Chinese to 简体中文 and everything else to English', () => {
    expect([localeFor(['zh-TW']), localeFor(['fr-FR', 'zh']), localeFor(['en-GB']), localeFor([])]).toEqual(['zh-CN', 'zh-CN', 'en', 'en']);
  });
});

describe('endedUnexpectedly', () => {
  const ended = (vendor: (typeof VENDOR_IDS)[number], finishReason: string | null) => endedUnexpectedly({ vendor, state: 'finished', finishReason });
  it('marks an end the vendor made on its own, not a stop the operator asked for or what became of the files', () => {
    const idle = formatMessage('en', zegoQuitFinishReason(3));
    expect([ended('zego', idle), ended('zego', ZEGO_UPLOAD_PARTIAL_REASON), ended('zego', null), ended('tencent-tiw', 'USER_CALL'), ended('tencent-tiw', 'TIMEOUT')]).toEqual([true, false, false, false, true]);
  });
});
