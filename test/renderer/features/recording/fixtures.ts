import type { StorageTarget } from '@contract';

/** A COS storage target with both keys set, as `storage:list` answers it. */
export const storage: StorageTarget = {
  id: 's1',
  name: 'COS',
  provider: 'tencent-cos',
  region: 'ap-shanghai',
  bucket: 'rec-1250000000',
  pathPrefix: null,
  endpoint: null,
  title: null,
  storageLocation: null,
  subAppId: null,
  createdAt: 0,
  updatedAt: 0,
  secrets: [
    { field: 'accessKeyId', configured: true, updatedAt: 1 },
    { field: 'accessKeySecret', configured: true, updatedAt: 1 },
  ],
};
