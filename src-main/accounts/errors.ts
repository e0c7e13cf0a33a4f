import type { LocalizedText } from '@contract';
import { AppFailure } from '../errors/app-failure';

/** `NOT_FOUND` for an id the caller sent. */
export function notFound(kind: 'account' | 'storage target', id: string): AppFailure {
  return new AppFailure('NOT_FOUND', `No ${kind} with id ${id.slice(0, 64)}`, { details: { id: id.slice(0, 64) } });
}

/** Message for a name already taken. */
export function duplicateName(scope: LocalizedText): LocalizedText {
  return { en: `This name is already used ${scope.en}`, 'zh-CN': `该名称已被${scope['zh-CN']}使用` };
}
