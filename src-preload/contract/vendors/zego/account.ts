import { z } from 'zod';
import {
  ACCOUNT_ENDPOINT_FIELD,
  ACCOUNT_NAME_FIELD,
  AccountEnvironmentSchema,
  accountSchemas,
  secretFormFields,
  Uint32IdSchema,
  type SecretFieldInfo,
} from '../../account-parts';
import type { FormField, FormOption } from '../../common';
import type { Message } from '../../messages/message';
import { zegoMsg } from './messages';
import { ZEGO_PROFILE } from './profile';

/** ZEGO v2 hosts (docs/vendors/zego.md §2.1). The unified host routes to the nearest region. */
export const ZEGO_REGION_HOSTS = [
  'cloudrecord-api.zego.im',
  'cloudrecord-api-sha.zego.im',
  'cloudrecord-api-hkg.zego.im',
  'cloudrecord-api-fra.zego.im',
  'cloudrecord-api-lax.zego.im',
  'cloudrecord-api-bom.zego.im',
  'cloudrecord-api-sgp.zego.im',
] as const;
/** One of {@link ZEGO_REGION_HOSTS}. */
export type ZegoRegionHost = (typeof ZEGO_REGION_HOSTS)[number];

/** Operator-facing names of the ZEGO hosts. */
export const ZEGO_REGION_LABELS: Record<ZegoRegionHost, Message> = {
  'cloudrecord-api.zego.im': zegoMsg('vendor.zego.region.unified'),
  'cloudrecord-api-sha.zego.im': zegoMsg('vendor.zego.region.sha'),
  'cloudrecord-api-hkg.zego.im': zegoMsg('vendor.zego.region.hkg'),
  'cloudrecord-api-fra.zego.im': zegoMsg('vendor.zego.region.fra'),
  'cloudrecord-api-lax.zego.im': zegoMsg('vendor.zego.region.lax'),
  'cloudrecord-api-bom.zego.im': zegoMsg('vendor.zego.region.bom'),
  'cloudrecord-api-sgp.zego.im': zegoMsg('vendor.zego.region.sgp'),
};

const DEFAULT_HOST: ZegoRegionHost = 'cloudrecord-api.zego.im';

/** ZEGO vendor fields. */
export const ZegoAccountFieldsSchema = z.strictObject({
  /** Project AppID (Uint32). */
  appId: Uint32IdSchema,
  regionHost: z.enum(ZEGO_REGION_HOSTS).default(DEFAULT_HOST),
});

/** ServerSecret signs every request; CallbackSecret (not the ServerSecret) only verifies callbacks. */
const SECRET_FIELDS = ['serverSecret', 'callbackSecret'] as const;

const SECRET_INFO: readonly SecretFieldInfo[] = [
  {
    field: 'serverSecret',
    label: zegoMsg('vendor.zego.secret.serverSecret.label'),
    help: zegoMsg('vendor.zego.secret.serverSecret.help'),
  },
  {
    field: 'callbackSecret',
    label: zegoMsg('vendor.zego.secret.callbackSecret.label'),
    help: zegoMsg('vendor.zego.secret.callbackSecret.help'),
  },
];


const HOST_OPTIONS: readonly FormOption[] = ZEGO_REGION_HOSTS.map((h) => ({ value: h, label: ZEGO_REGION_LABELS[h] }));

const FORM: readonly FormField[] = [
  ACCOUNT_NAME_FIELD,
  {
    key: 'environment',
    kind: 'select',
    required: true,
    label: zegoMsg('vendor.zego.form.environment.label'),
    help: zegoMsg('vendor.zego.form.environment.help'),
    options: [
      { value: 'production', label: zegoMsg('vendor.zego.form.environment.production') },
      { value: 'test', label: zegoMsg('vendor.zego.form.environment.test') },
    ],
    defaultValue: 'production',
  },
  {
    key: 'fields.appId',
    kind: 'number',
    required: true,
    label: zegoMsg('vendor.zego.form.appId.label'),
    help: zegoMsg('vendor.zego.form.appId.help'),
  },
  {
    key: 'fields.regionHost',
    kind: 'select',
    required: true,
    label: zegoMsg('vendor.zego.form.regionHost.label'),
    help: zegoMsg('vendor.zego.form.regionHost.help'),
    options: HOST_OPTIONS,
    defaultValue: DEFAULT_HOST,
  },
  ACCOUNT_ENDPOINT_FIELD,
  ...secretFormFields(SECRET_INFO, ZEGO_PROFILE.optionalSecretFields),
];

/** The account side of the ZEGO module. */
export const ZEGO_ACCOUNT = {
  fields: ZegoAccountFieldsSchema,
  ...accountSchemas('zego', AccountEnvironmentSchema.default('production'), ZegoAccountFieldsSchema, SECRET_FIELDS),
  secretFields: SECRET_FIELDS,
  secretInfo: SECRET_INFO,
  form: FORM,
};
