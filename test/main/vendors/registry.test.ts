import { describe, expect, it } from 'vitest';
import { VendorDescriptorSchema, VENDOR_IDS } from '@contract';
import type { AccountCredentials } from '../../../src-main/vendors/credentials';
import { createClockSkewStore } from '../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import { adapterOf, vendorDescriptors } from '../../../src-main/vendors/registry';

const deps = { limiter: createRateLimiter(), skew: createClockSkewStore(), timeoutMs: 1000 };
const ACCOUNTS: Record<string, AccountCredentials> = {
  zego: { id: 'z', vendor: 'zego', name: 'Z', environment: 'test', endpoint: null, fields: { appId: 1234, regionHost: 'cloudrecord-api.zego.im' }, secrets: {} } as AccountCredentials,
  'tencent-tiw': { id: 't', vendor: 'tencent-tiw', name: 'T', environment: 'production', endpoint: null, fields: { sdkAppId: 1400000001, region: 'ap-guangzhou' }, secrets: {} } as AccountCredentials,
  'tencent-trro': { id: 'r', vendor: 'tencent-trro', name: 'R', environment: 'production', endpoint: null, fields: { projectId: 'p1' }, secrets: {} } as AccountCredentials,
};

describe('the vendor registry', () => {
  it('gives every vendor a descriptor that satisfies the contract, in registry order', () => {
    const list = vendorDescriptors();
    expect(list.map((d) => d.id)).toEqual([...VENDOR_IDS]);
    for (const d of list) expect(VendorDescriptorSchema.parse(d)).toEqual(d);
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });

  it('offers exactly the actions each descriptor lists', () => {
    const offered = VENDOR_IDS.map((v) => {
      const adapter = adapterOf(v);
      const conn = adapter.connect(ACCOUNTS[v] as never, 'http://127.0.0.1:9', deps);
      const caps = adapter.descriptor.capabilities;
      return [
        v,
        [!!conn.pause, !!conn.resume, !!conn.updateLayout, !!conn.updateWhiteboard, !!conn.snapshot, !!conn.status, !!conn.reconcileStart, !!adapter.importLegacyStart, !!adapter.validateLayout],
        [caps.pause, caps.resume, caps.updateLayout, caps.updateWhiteboard, caps.snapshot, caps.query, caps.listTasks, caps.legacyImport, caps.updateLayout],
      ];
    });
    for (const [v, have, say] of offered) expect([v, have]).toEqual([v, say]);
  });

  it('names the status-poll lane per account, and none for TRRO', () => {
    expect(VENDOR_IDS.map((v) => adapterOf(v).pollLane(ACCOUNTS[v]!))).toEqual([
      { laneKey: 'zego:1234:DescribeRecordStatus', ratePerSecond: 10 },
      { laneKey: 'tencent-tiw:1400000001:DescribeOnlineRecord', ratePerSecond: 20 },
      null,
    ]);
  });
});
