import { describe, expect, it } from 'vitest';
import { STORAGE_PROVIDERS, ZEGO_STORAGE } from '@contract';

describe('ZEGO storage numbering', () => {
  it('numbers the providers as StorageParams Vendor 1–10 and limits the VOD providers to their formats', () => {
    expect({
      vendors: STORAGE_PROVIDERS.map((p) => ZEGO_STORAGE[p].vendor),
      formats: Object.fromEntries(STORAGE_PROVIDERS.filter((p) => ZEGO_STORAGE[p].formats !== null).map((p) => [p, ZEGO_STORAGE[p].formats])),
    }).toEqual({
      vendors: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      formats: { 'aliyun-vod': ['mp4', 'flv'], 'tencent-vod': ['mp4', 'flv', 'jpg', 'mp3'] },
    });
  });
});
