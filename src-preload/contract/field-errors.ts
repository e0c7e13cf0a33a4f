import type { z } from 'zod';
import type { LocalizedText } from './common';

/** Field path → bilingual message: `details.fields` of a `VALIDATION` error. The key `''` means the input as a whole. */
export type FieldErrors = Record<string, LocalizedText>;

/**
 * Turns zod issues into {@link FieldErrors}, in both languages and without the submitted values.
 * Pure, so the renderer can show the same messages while the operator types.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  const put = (path: readonly PropertyKey[], text: LocalizedText) => {
    const key = [prefix, ...path.map(String)].filter((s) => s !== '').join('.');
    out[key] ??= text;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) put([...issue.path, k], { en: 'Unknown field', 'zh-CN': '未知字段' });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const nested = issue.errors.flat();
      Object.assign(out, issuesToFieldErrors(nested, prefix));
      continue;
    }
    put(issue.path, describeIssue(issue));
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'custom': {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      return { en: issue.message, 'zh-CN': typeof zh === 'string' ? zh : issue.message };
    }
    case 'invalid_type':
      // zod leaves the input out of issues (so values never leak); its message still says "received undefined".
      if (issue.message.includes('received undefined')) return { en: 'Required', 'zh-CN': '必填' };
      return { en: `Expected ${kindName(issue.expected).en}`, 'zh-CN': `应为${kindName(issue.expected)['zh-CN']}` };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? { en: 'Required', 'zh-CN': '必填' } : { en: `At least ${issue.minimum} characters`, 'zh-CN': `至少 ${issue.minimum} 个字符` };
      }
      return { en: `Must be at least ${issue.minimum}`, 'zh-CN': `不能小于 ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { en: `At most ${issue.maximum} characters`, 'zh-CN': `最多 ${issue.maximum} 个字符` };
      if (issue.origin === 'array') return { en: `At most ${issue.maximum} items`, 'zh-CN': `最多 ${issue.maximum} 项` };
      return { en: `Must be at most ${issue.maximum}`, 'zh-CN': `不能大于 ${issue.maximum}` };
    case 'invalid_value':
      return {
        en: `Choose one of: ${issue.values.map(String).join(', ')}`,
        'zh-CN': `请选择：${issue.values.map(String).join('、')}`,
      };
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) {
        return { en: `Choose one of: ${options.map(String).join(', ')}`, 'zh-CN': `请选择：${options.map(String).join('、')}` };
      }
      return { en: 'Unknown or unsupported value', 'zh-CN': '未知或不支持的取值' };
    }
    case 'invalid_format':
      return { en: 'Wrong format', 'zh-CN': '格式不正确' };
    case 'invalid_key':
      return { en: 'Unknown field', 'zh-CN': '未知字段' };
    default:
      return { en: 'Invalid value', 'zh-CN': '取值无效' };
  }
}

function kindName(expected: string): LocalizedText {
  if (expected === 'number' || expected === 'int') return { en: 'a number', 'zh-CN': '数字' };
  if (expected === 'string') return { en: 'text', 'zh-CN': '文本' };
  if (expected === 'boolean') return { en: 'true or false', 'zh-CN': '布尔值' };
  if (expected === 'object' || expected === 'record') return { en: 'an object', 'zh-CN': '对象' };
  if (expected === 'array') return { en: 'a list', 'zh-CN': '列表' };
  return { en: expected, 'zh-CN': expected };
}
