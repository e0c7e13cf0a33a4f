import type { TaskSummary } from '@contract';
import { useAccountsStore } from '../../accounts/stores/accounts';
import { secretHere } from '../model/secret-here';

/** Whether this desk can act on a task: its account's secrets are in this desk's keychain. */
export function useSecretHere(): (task: Pick<TaskSummary, 'accountId'>) => boolean {
  const accounts = useAccountsStore();
  void accounts.ensure();
  return (task) => secretHere(accounts.accounts.find((a) => a.id === task.accountId));
}
