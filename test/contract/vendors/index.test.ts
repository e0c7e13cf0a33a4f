import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountCreateInputSchema,
  AccountDraftSchema,
  AccountSchema,
  CATALOGUES,
  RecordingRequestSchema,
  VENDOR_CONTRACTS,
  VENDOR_IDS,
  VendorDescriptorSchema,
  type VendorContract,
} from '@contract';

const contracts: [string, VendorContract][] = Object.entries(VENDOR_CONTRACTS);

/** Whether `path` (`output.format`, `zego`) names a field of the normalized request. */
function requestHasPath(path: string): boolean {
  let shape: Record<string, z.ZodType> = RecordingRequestSchema.shape;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    let field = shape[part];
    if (!field) return false;
    if (i === parts.length - 1) return true;
    while (!('shape' in field)) field = (field as unknown as { unwrap(): z.ZodType }).unwrap();
    shape = (field as z.ZodObject).shape;
  }
  return false;
}

describe('vendor registry', () => {
  it('has one module per vendor id, each knowing its own id', () => {
    expect(contracts.map(([key, c]) => [key, c.id, c.descriptor.id])).toEqual(VENDOR_IDS.map((id) => [id, id, id]));
  });

  it('builds every account union from all vendors, in id order', () => {
    const vendorsOf = (schema: { options: readonly { shape: { vendor: { value: string } } }[] }) => schema.options.map((o) => o.shape.vendor.value);
    expect([vendorsOf(AccountDraftSchema), vendorsOf(AccountCreateInputSchema), vendorsOf(AccountSchema)]).toEqual([[...VENDOR_IDS], [...VENDOR_IDS], [...VENDOR_IDS]]);
  });

  it.each(contracts)('%s: the account form has a field for every schema field and every secret', (_id, { account, optionalSecretFields }) => {
    const form = account.form;
    const secretKeys = form.filter((f) => f.kind === 'secret').map((f) => f.key);
    const plainKeys = form.filter((f) => f.kind !== 'secret').map((f) => f.key);
    // An environment the operator cannot choose (Tencent accounts are always production) needs no form field.
    const fixedEnvironment = !(account.draft.shape['environment'] as z.ZodType).safeParse('test').success;
    const draftKeys = Object.keys(account.draft.shape).filter((k) => k !== 'vendor' && k !== 'fields' && !(k === 'environment' && fixedEnvironment));
    const expectedPlain = [...draftKeys, ...Object.keys(account.fields.shape).map((k) => `fields.${k}`)];
    expect({
      plain: [...plainKeys].sort(),
      secrets: secretKeys,
      info: account.secretInfo.map((s) => s.field),
      required: form.filter((f) => f.kind === 'secret' && !f.required).map((f) => f.key),
      bilingual: form.every((f) => [f.label, f.help].every((m) => m.key in CATALOGUES.en && m.key in CATALOGUES['zh-CN'])),
    }).toEqual({
      plain: expectedPlain.sort(),
      secrets: [...account.secretFields],
      info: [...account.secretFields],
      required: [...optionalSecretFields],
      bilingual: true,
    });
  });

  it.each(contracts)('%s: the create input takes exactly its secret fields', (id, { account }) => {
    const base = { vendor: id, name: 'n', fields: {} };
    const accepts = (field: string) =>
      !AccountCreateInputSchema.safeParse({ ...base, secrets: { [field]: 'v' } }).error?.issues.some((i) => i.path[0] === 'secrets');
    expect({ own: account.secretFields.map(accepts), stranger: accepts('notASecret') }).toEqual({ own: account.secretFields.map(() => true), stranger: false });
  });

  it.each(contracts)('%s: the descriptor is valid data and agrees with its capabilities and the request', (_id, { descriptor, request }) => {
    const { capabilities: caps } = descriptor;
    expect({
      parses: VendorDescriptorSchema.safeParse(descriptor).success,
      unknownRequestFields: descriptor.requestFields.filter((p) => !requestHasPath(p)),
      ownOptionsShown: descriptor.requestFields.includes(request.key) && request.key in RecordingRequestSchema.shape,
      storage: descriptor.storageProviders.length > 0 === caps.storageTarget && (!descriptor.storageRequired || caps.storageTarget),
      layout: (descriptor.layout !== null) === caps.mix,
      defaultFormat: descriptor.outputFormats.includes(descriptor.defaults.outputFormat),
      defaultLayout: descriptor.defaults.mixLayoutMode === null ? !caps.mix : (descriptor.layout?.layoutModes.includes(descriptor.defaults.mixLayoutMode) ?? false),
      // Without a status query nothing would ever move a task on from `starting`.
      afterStart: (descriptor.afterStart.state === 'starting') === caps.query,
    }).toEqual({
      parses: true,
      unknownRequestFields: [],
      ownOptionsShown: true,
      storage: true,
      layout: true,
      defaultFormat: true,
      defaultLayout: true,
      afterStart: true,
    });
  });
});
