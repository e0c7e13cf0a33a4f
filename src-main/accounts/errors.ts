import { msg, type Message } from '@contract';
import { AppFailure } from '../errors/app-failure';

/** `NOT_FOUND` for an id the caller sent. */
export function notFound(kind: 'account' | 'storage', id: string): AppFailure {
  const shown = id.slice(0, 64);
  return new AppFailure('NOT_FOUND', msg(kind === 'account' ? 'account.notFound' : 'storageTarget.notFound', { id: shown }), { details: { id: shown } });
}

/** Message for a name already taken; `scope` says by what. */
export function duplicateName(scope: Message): Message {
  return msg('account.duplicateName', { scope });
}
