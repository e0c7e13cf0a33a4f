import { describe, expect, it } from 'vitest';
import { ZEGO_REGION_HOSTS } from '@contract';

describe('ZEGO account', () => {
  it('lists exactly the seven v2 hosts of docs/vendors/zego.md §2.1', () => {
    expect([...ZEGO_REGION_HOSTS].sort()).toEqual(
      ['', '-sha', '-hkg', '-fra', '-lax', '-bom', '-sgp'].map((s) => `cloudrecord-api${s}.zego.im`).sort(),
    );
  });
});
