import { CATALOGUES, formatMessage } from '@contract';
import { describe, expect, it } from 'vitest';
import { COMMON_ERRORS, errorRuleFor, tencentError } from '../../../../src-main/vendors/shared/tencent-api3';
import { TIW_ERRORS } from '../../../../src-main/vendors/tencent-tiw/errors';
import { TRRO_ERRORS } from '../../../../src-main/vendors/tencent-trro/errors';

describe('Tencent error tables', () => {
  it('have a text in every language for every code they know', () => {
    const tables = { COMMON_ERRORS, TIW_ERRORS, TRRO_ERRORS };
    const missing = Object.entries(tables).flatMap(([name, table]) =>
      Object.entries(table)
        .filter(([, rule]) => !(rule.message.key in CATALOGUES.en && rule.message.key in CATALOGUES['zh-CN']))
        .map(([code]) => `${name}.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('say the product’s own text with the vendor’s code, falling back to the common and the unknown text', () => {
    const say = (code: string, product = TIW_ERRORS) => {
      const e = tencentError(code, 'vendor words', 'rid', product);
      return [e.code, e.message, formatMessage('zh-CN', e.text!)];
    };
    expect([say('InvalidParameter.TaskNotFound'), say('InvalidParameter.Other'), say('Nonsense.Code', TRRO_ERRORS)]).toEqual([
      ['VENDOR_TASK_NOT_FOUND', 'TIW does not know this recording task. (InvalidParameter.TaskNotFound)', 'TIW 未找到该录制任务。（InvalidParameter.TaskNotFound）'],
      ['VENDOR_INVALID_PARAMETER', 'Tencent Cloud rejected a parameter. (InvalidParameter.Other)', '参数错误。（InvalidParameter.Other）'],
      ['VENDOR_INTERNAL', 'Tencent Cloud answered with an unknown error. (Nonsense.Code)', '腾讯云返回了未知错误。（Nonsense.Code）'],
    ]);
    expect(errorRuleFor('RequestLimitExceeded.IPLimitExceeded', TRRO_ERRORS)).toMatchObject({ code: 'VENDOR_RATE_LIMITED', retryable: true });
  });
});
