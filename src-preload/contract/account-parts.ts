import { z } from 'zod';
import { EndpointUrlSchema, NameSchema, SecretStatusSchema, secretValues, type FormField } from './common';
import { msg, type Message } from './messages/message';

/**
 * What every vendor's account is built from: the shared fields, the secret-field descriptions and the
 * schema builder each vendor module calls with its own fields. The unions over all vendors are made
 * in `vendors/index.ts`.
 */

/** `production` or `test`. Only ZEGO has a test environment (IsTest); Tencent accounts are always production. */
export const AccountEnvironmentSchema = z.enum(['production', 'test']);
/** See {@link AccountEnvironmentSchema}. */
export type AccountEnvironment = z.infer<typeof AccountEnvironmentSchema>;

/** The environment of a vendor that has no test environment. */
export const ProductionOnlySchema = z.literal('production').default('production');

/** A project or application id that is a Uint32 (ZEGO AppID, TIW SdkAppId). */
export const Uint32IdSchema = z.number().int().min(1).max(4294967295);

/** Label and help of one account secret. */
export interface SecretFieldInfo {
  field: string;
  label: Message;
  help: Message;
}

const ACCOUNT_META = {
  id: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** One entry per vendor secret field, never a value. */
  secrets: z.array(SecretStatusSchema),
};

/**
 * One vendor's account schemas: `draft` is the validated non-secret part (what the service stores),
 * `createInput` adds the secrets an `accounts:create` may carry, `stored` is what the renderer sees.
 */
export function accountSchemas<const V extends string, E extends z.ZodType, F extends z.ZodObject, const S extends readonly [string, ...string[]]>(
  vendor: V,
  environment: E,
  fields: F,
  secretFields: S,
) {
  const draft = z.strictObject({ vendor: z.literal(vendor), name: NameSchema, endpoint: EndpointUrlSchema.default(null), environment, fields });
  return {
    draft,
    createInput: draft.extend({ secrets: secretValues(secretFields).optional() }),
    stored: draft.extend(ACCOUNT_META),
  };
}

/** The account form's name field, first in every vendor's form. */
export const ACCOUNT_NAME_FIELD: FormField = {
  key: 'name',
  kind: 'text',
  required: true,
  label: msg('accountForm.name.label'),
  help: msg('accountForm.name.help'),
};

/** The account form's custom endpoint field. */
export const ACCOUNT_ENDPOINT_FIELD: FormField = {
  key: 'endpoint',
  kind: 'url',
  required: false,
  label: msg('accountForm.endpoint.label'),
  help: msg('accountForm.endpoint.help'),
  placeholder: 'https://proxy.example.com',
};

/** The form fields of a vendor's secrets, in `info` order; those in `optional` are not required. */
export function secretFormFields(info: readonly SecretFieldInfo[], optional: readonly string[]): FormField[] {
  return info.map((s) => ({ key: s.field, kind: 'secret', required: !optional.includes(s.field), label: s.label, help: s.help }));
}

