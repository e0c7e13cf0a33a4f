import { z } from 'zod';
import { VENDOR_IDS, type VendorId } from './index';
import { TIW_CONTRACT } from './tencent-tiw';
import { TRRO_CONTRACT } from './tencent-trro';
import { VendorDescriptorBaseSchema, type VendorContract } from './vendor-contract';
import { ZEGO_CONTRACT } from './zego';

export * from './checks';
export * from './tencent-api3';
export * from './tencent-api3-messages';
export * from './vendor-contract';
export * from './zego';
export * from './tencent-tiw';
export * from './tencent-trro';

/** See {@link VENDOR_IDS}. */
export const VendorIdSchema = z.enum(VENDOR_IDS);

/** Every vendor module by id: its profile with the account and request schemas and the validator. */
export const VENDOR_CONTRACTS = {
  [ZEGO_CONTRACT.id]: ZEGO_CONTRACT,
  [TIW_CONTRACT.id]: TIW_CONTRACT,
  [TRRO_CONTRACT.id]: TRRO_CONTRACT,
} as const satisfies { [V in VendorId]: VendorContract<V> };

/** The vendor modules' precise types, by id. */
export type VendorContracts = typeof VENDOR_CONTRACTS;

/** Output item of `vendors:list`: a vendor's descriptor as data, from which forms are drawn. */
export const VendorDescriptorSchema = VendorDescriptorBaseSchema.extend({ id: VendorIdSchema });
/** See {@link VendorDescriptorSchema}. */
export type VendorDescriptor = z.infer<typeof VendorDescriptorSchema>;

type AccountSchemaKind = 'draft' | 'createInput' | 'stored';
type AccountSchemasInOrder<T extends readonly VendorId[], K extends AccountSchemaKind> = {
  -readonly [I in keyof T]: T[I] extends VendorId ? VendorContracts[T[I]]['account'][K] : never;
};

/** One kind of account schema of every vendor, in {@link VENDOR_IDS} order: the tuple a union is made of. */
function accountSchemas<K extends AccountSchemaKind>(kind: K): AccountSchemasInOrder<typeof VENDOR_IDS, K> {
  return VENDOR_IDS.map((id) => VENDOR_CONTRACTS[id].account[kind]) as AccountSchemasInOrder<typeof VENDOR_IDS, K>;
}

/** The non-secret part of an account per vendor, validated (what the service stores). */
export const AccountDraftSchema = z.discriminatedUnion('vendor', accountSchemas('draft'));
/** See {@link AccountDraftSchema}. */
export type AccountDraft = z.infer<typeof AccountDraftSchema>;

/** Input of `accounts:create`: the draft plus, optionally, secrets to store in the vault at once. */
export const AccountCreateInputSchema = z.discriminatedUnion('vendor', accountSchemas('createInput'));
/** See {@link AccountCreateInputSchema}. */
export type AccountCreateInput = z.input<typeof AccountCreateInputSchema>;

/** A stored account as the renderer sees it. */
export const AccountSchema = z.discriminatedUnion('vendor', accountSchemas('stored'));
/** See {@link AccountSchema}. */
export type Account = z.infer<typeof AccountSchema>;

/** One account as exported: no id, no secrets. */
export const ExportedAccountSchema = z.union(accountSchemas('draft'));
