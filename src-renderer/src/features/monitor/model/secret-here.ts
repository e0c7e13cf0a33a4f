import type { Account } from '@contract';
import { isOptionalSecretField } from '@contract/vendors';

/**
 * Whether this desk holds what it takes to call the vendor for an account: every secret the account
 * cannot work without. In team mode an account arrives from another desk without its secrets, so its
 * tasks show here read-only until someone adds them. An account not (yet) listed is not judged here.
 */
export function secretHere(account: Pick<Account, 'vendor' | 'secrets'> | undefined): boolean {
  return account === undefined || account.secrets.every((s) => s.configured || isOptionalSecretField(account.vendor, s.field));
}
