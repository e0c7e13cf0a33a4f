import { describe, expect, it } from 'vitest';
import { STORAGE_PROVIDERS, TRRO_DESCRIPTOR, trroStorageVendor } from '@contract';

describe('TRRO storage numbering', () => {
  it('maps CloudStorage Vendor 0 and 1 onto COS and S3, the only providers it offers', () => {
    expect({
      accepted: STORAGE_PROVIDERS.filter((p) => trroStorageVendor(p) !== null).map((p) => [p, trroStorageVendor(p)]),
      offered: [...TRRO_DESCRIPTOR.storageProviders].sort(),
    }).toEqual({
      accepted: [
        ['amazon-s3', 1],
        ['tencent-cos', 0],
      ],
      offered: ['amazon-s3', 'tencent-cos'],
    });
  });
});
