import {
  ACCOUNT_FORMS,
  AccountCreateInputSchema,
  AccountDraftSchema,
  STORAGE_FORMS,
  StorageProviderSchema,
  StorageTargetCreateInputSchema,
  StorageTargetDraftSchema,
  type Account,
  type FormField,
  type StorageProvider,
  type StorageTarget,
  type VendorId,
} from '@contract';
import type { z } from 'zod';
import { getPath } from '../../../ui/form-values';
import type { EntityKind } from '../stores/accounts';

/** What the editor drawer edits: a new or existing vendor account, or a new or existing storage target. */
export type EditTarget = { kind: 'account'; vendor: VendorId; account: Account | null } | { kind: 'storage'; target: StorageTarget | null };

/** Everything the one entity editor needs to know about what it edits. */
export interface EntitySpec {
  kind: EntityKind;
  /** Null while creating. */
  id: string | null;
  fields: (values: Record<string, unknown>) => readonly FormField[];
  initial: Record<string, unknown>;
  /** The schema the core validates the input with, so the form shows the same messages while typing. */
  schema: z.ZodType;
  /** Input the form does not draw. */
  extra: Record<string, unknown>;
}

/** New storage targets start on the provider most vendors take. */
const FIRST_PROVIDER: StorageProvider = 'tencent-cos';

function providerOf(values: Record<string, unknown>): StorageProvider {
  const parsed = StorageProviderSchema.safeParse(values.provider);
  return parsed.success ? parsed.data : FIRST_PROVIDER;
}

function accountSpec(vendor: VendorId, account: Account | null): EntitySpec {
  const initial: Record<string, unknown> = {};
  for (const f of ACCOUNT_FORMS[vendor]) {
    if (f.kind === 'secret') continue;
    if (!account) {
      if (f.defaultValue !== undefined) initial[f.key] = f.defaultValue;
      continue;
    }
    const v = getPath(account as unknown as Record<string, unknown>, f.key);
    if (v !== undefined && v !== null) initial[f.key] = v;
  }
  return {
    kind: 'account',
    id: account?.id ?? null,
    fields: () => ACCOUNT_FORMS[vendor],
    initial,
    schema: account ? AccountDraftSchema : AccountCreateInputSchema,
    extra: { vendor },
  };
}

function storageSpec(target: StorageTarget | null): EntitySpec {
  const initial: Record<string, unknown> = { provider: target?.provider ?? FIRST_PROVIDER };
  if (target) {
    for (const [k, v] of Object.entries(target)) if (v !== null && typeof v !== 'object') initial[k] = v;
  }
  return {
    kind: 'storage',
    id: target?.id ?? null,
    fields: (values) => STORAGE_FORMS[providerOf(values)],
    initial,
    schema: target ? StorageTargetDraftSchema : StorageTargetCreateInputSchema,
    extra: {},
  };
}

/** The editor's view of an edit target. */
export function entitySpec(target: EditTarget): EntitySpec {
  return target.kind === 'account' ? accountSpec(target.vendor, target.account) : storageSpec(target.target);
}
