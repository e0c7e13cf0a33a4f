import { z } from 'zod';
import type { SecretFieldInfo } from './account-parts';
import { MessageSchema, RecordIdSchema, type FormField } from './common';
import type { StorageTargetDraft } from './storage';
import { VENDOR_IDS, type VendorId } from './vendors';
import { VENDOR_CONTRACTS, type AccountDraft, type VendorContracts } from './vendors/contracts';

export { AccountEnvironmentSchema, type AccountEnvironment, type SecretFieldInfo } from './account-parts';

/**
 * Vendor accounts: the non-secret identity of a ZEGO / TIW / TRRO project. Secrets (ServerSecret,
 * SecretId/SecretKey, the TIW SDK secret key) live in the vault; the renderer only learns whether
 * each one is configured. Each vendor module defines its own account; the tables here gather them.
 */

function byVendor<T>(pick: (vendor: VendorId) => T): { [V in VendorId]: T } {
  return Object.fromEntries(VENDOR_IDS.map((v) => [v, pick(v)])) as { [V in VendorId]: T };
}

/** Secret fields per vendor, in form order. */
export const ACCOUNT_SECRET_FIELDS = byVendor((v) => VENDOR_CONTRACTS[v].account.secretFields) as {
  [V in VendorId]: VendorContracts[V]['account']['secretFields'];
};
/** A secret field name of vendor `V`. */
export type AccountSecretField<V extends VendorId = VendorId> = (typeof ACCOUNT_SECRET_FIELDS)[V][number];

/** Label and help of every account secret, in form order. */
export const ACCOUNT_SECRET_INFO: Record<VendorId, readonly SecretFieldInfo[]> = byVendor((v) => VENDOR_CONTRACTS[v].account.secretInfo);

/**
 * The account form per vendor. Keys are input paths (`fields.appId`); `secret` keys are the
 * secret field names for `secrets:set` (or the create input's `secrets`).
 */
export const ACCOUNT_FORMS: Record<VendorId, readonly FormField[]> = byVendor((v) => VENDOR_CONTRACTS[v].account.form);

/**
 * Input of `accounts:update`. `patch` holds the fields to change (`name`, `environment`,
 * `endpoint`, `fields` — the latter merged key by key); the service merges it over the stored
 * account and validates the whole, so errors come back per field. The vendor cannot change.
 */
export const AccountUpdateInputSchema = z.strictObject({
  id: RecordIdSchema,
  patch: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.unknown()).optional(),
});
/** See {@link AccountUpdateInputSchema}. */
export type AccountUpdateInput = z.input<typeof AccountUpdateInputSchema>;

/** Input of `accounts:delete`. `confirm` is needed when tasks refer to the account. */
export const AccountDeleteInputSchema = z.strictObject({ id: RecordIdSchema, confirm: z.boolean().default(false) });
/** Output of `accounts:delete`: how many recorded tasks referred to it (their history keeps the name). */
export const AccountDeleteOutputSchema = z.object({ deleted: z.literal(true), taskCount: z.number().int() });

/** Whose secret: an account or a storage target. */
export const SecretOwnerKindSchema = z.enum(['account', 'storage']);
/** See {@link SecretOwnerKindSchema}. */
export type SecretOwnerKind = z.infer<typeof SecretOwnerKindSchema>;

/** Input of `secrets:set`. The value is trimmed: stray whitespace is the classic signature failure. */
export const SecretSetInputSchema = z.strictObject({
  owner: SecretOwnerKindSchema,
  id: RecordIdSchema,
  field: z.string().min(1).max(64),
  value: z.string().trim().min(1).max(4096),
});
/** Input of `secrets:clear`. */
export const SecretClearInputSchema = z.strictObject({
  owner: SecretOwnerKindSchema,
  id: RecordIdSchema,
  field: z.string().min(1).max(64),
});
/** Input of `secrets:status`: every secret field of one owner. Output: `SecretStatus[]`. */
export const SecretStatusInputSchema = z.strictObject({ owner: SecretOwnerKindSchema, id: RecordIdSchema });

/**
 * Export file of `accounts:export`. Secrets are never included: after an import the operator
 * enters each account's secrets again.
 */
export const AccountsExportSchema = z.object({
  format: z.literal('recdeck-accounts'),
  version: z.literal(1),
  exportedAt: z.string(),
  secretsIncluded: z.literal(false),
  note: z.string(),
  accounts: z.array(z.unknown()).max(1000),
  storageTargets: z.array(z.unknown()).max(1000),
});
/** See {@link AccountsExportSchema}; entries are typed as the drafts they are. */
export type AccountsExport = Omit<z.infer<typeof AccountsExportSchema>, 'accounts' | 'storageTargets'> & {
  accounts: AccountDraft[];
  storageTargets: StorageTargetDraft[];
};

/** Input of `accounts:import`: the parsed JSON of an export file. */
export const AccountsImportInputSchema = z.strictObject({ data: z.unknown() });

/**
 * Output of `accounts:import`. Name clashes are not errors: the imported entry is renamed with an
 * ` (imported)` / ` (imported 2)` … suffix and listed in `renamed`.
 */
export const AccountsImportOutputSchema = z.object({
  accounts: z.number().int(),
  storageTargets: z.number().int(),
  renamed: z.array(z.object({ kind: z.enum(['account', 'storage']), from: z.string(), to: z.string() })),
});
/** See {@link AccountsImportOutputSchema}. */
export type AccountsImportOutput = z.infer<typeof AccountsImportOutputSchema>;

/** What `accounts:test` found, each with its own message. */
export const CONNECTION_TEST_KINDS = [
  'ok',
  'bad-credentials',
  'clock-skew',
  'unreachable',
  'timeout',
  'wrong-region',
  'wrong-environment',
  'secret-missing',
  'rate-limited',
  'service',
  'other',
] as const;
/** See {@link CONNECTION_TEST_KINDS}. */
export const ConnectionTestKindSchema = z.enum(CONNECTION_TEST_KINDS);
/** One of {@link CONNECTION_TEST_KINDS}. */
export type ConnectionTestKind = z.infer<typeof ConnectionTestKindSchema>;

/** Input of `accounts:test`. */
export const AccountTestInputSchema = z.strictObject({ id: RecordIdSchema });

/** Output of `accounts:test`: one cheap signed call, classified. A failed test is a result, not an error. */
export const AccountTestResultSchema = z.object({
  kind: ConnectionTestKindSchema,
  message: MessageSchema,
  /** Measured offset of our clock from the vendor's, seconds (clock-skew only). */
  offsetSeconds: z.number().nullable(),
  latencyMs: z.number(),
  requestId: z.string().nullable(),
  /** The vendor's own error code, for support tickets. */
  vendorCode: z.string().nullable(),
});
/** See {@link AccountTestResultSchema}. */
export type AccountTestResult = z.infer<typeof AccountTestResultSchema>;
