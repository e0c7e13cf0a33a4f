import { describe, expect, it } from 'vitest';
import { TRRO_DESCRIPTOR, TRRO_STORAGE_VENDORS } from '@contract';

describe('TRRO storage numbering', () => {
  it('maps CloudStorage Vendor 0 and 1 onto COS and S3, the only providers it offers', () => {
    expect({ vendors: TRRO_STORAGE_VENDORS, offered: [...TRRO_DESCRIPTOR.storageProviders].sort() }).toEqual({
      vendors: { 'tencent-cos': 0, 'amazon-s3': 1 },
      offered: ['amazon-s3', 'tencent-cos'],
    });
  });
});
