import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../src-main/vendors/shared/rate-limiter';

describe('shared rate limiter', () => {
  it('lets at most the rate through in one second per key', async () => {
    const limiter = createRateLimiter();
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, () => limiter.acquire('zego:1:DescribeTasks', 10, 'operator')));
    expect(limiter.recent('zego:1:DescribeTasks')).toBe(10);
    expect(Date.now() - started).toBeLessThan(500);
    await limiter.acquire('zego:1:StopRecord', 10, 'operator');
    expect(limiter.recent('zego:1:StopRecord')).toBe(1);
  });

  it('keeps a reserve for operator requests that background polling cannot use', async () => {
    const limiter = createRateLimiter({ reserveFraction: 0.2 });
    const order: string[] = [];
    const background = Array.from({ length: 10 }, (_, i) => limiter.acquire('k', 10, 'background').then(() => order.push(`b${i}`)));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toHaveLength(8);
    await limiter.acquire('k', 10, 'operator');
    order.push('op');
    expect(order.indexOf('op')).toBe(8);
    await Promise.all(background);
  });
});
