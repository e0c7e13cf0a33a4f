import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '../../../src-main/team/cluster';
import { serverClient, throwawayCluster } from '../../helpers/pg';

let cluster: LocalCluster;
beforeAll(async () => {
  cluster = await throwawayCluster();
}, 120_000);
afterAll(() => cluster?.destroy());

describe('a throw-away PostgreSQL cluster', () => {
  it('runs on loopback with password authentication, and comes back after a restart', async () => {
    expect(cluster.url).toBe(`postgres://recdeck@127.0.0.1:${cluster.port}/recdeck`);
    const c = await serverClient(cluster, 'recdeck');
    expect((await c.query<{ v: string }>('SELECT current_user AS v')).rows[0]?.v).toBe('recdeck');
    await c.end();
    cluster.stop('immediate');
    cluster.start();
    const again = await serverClient(cluster, 'recdeck');
    expect((await again.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n).toBe(1);
    await again.end();
  });
});
