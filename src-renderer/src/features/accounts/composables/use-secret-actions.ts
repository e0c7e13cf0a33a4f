import type { AppError, SecretOwnerKind } from '@contract';
import { ref, type Ref } from 'vue';
import { useAccountsStore } from '../stores/accounts';

/** Set or clear one write-only secret of an existing owner, tracking which field is busy and the last error. */
export function useSecretActions(owner: SecretOwnerKind, id: () => string | null): {
  busySecret: Ref<string | null>;
  secretError: Ref<AppError | null>;
  act: (field: string, value: string | null) => Promise<void>;
} {
  const store = useAccountsStore();
  const busySecret = ref<string | null>(null);
  const secretError = ref<AppError | null>(null);
  async function act(field: string, value: string | null): Promise<void> {
    const ownerId = id();
    if (!ownerId) return;
    busySecret.value = field;
    secretError.value = value === null ? await store.clearSecret(owner, ownerId, field) : await store.setSecret(owner, ownerId, field, value);
    busySecret.value = null;
  }
  return { busySecret, secretError, act };
}
