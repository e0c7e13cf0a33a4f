import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskDetail, TaskSummary, TeamStatus } from '@contract';
import { startStandaloneSandbox } from '../../src-main/emulator/standalone';
import type { Sandbox } from '../../src-main/emulator/server';
import type { SandboxCredentials } from '../../src-main/emulator/registry';
import type { LocalCluster } from '../../src-main/team/cluster';
import { throwawayCluster } from '../helpers/pg';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

/**
 * Three browser hosts (own data dirs, own keychain services) join one PostgreSQL as desks A, B and C
 * with `--team-url … --desk-name …`, and record on one standalone Sandbox. What is asserted about the
 * team is what the pages show; set-up and bookkeeping go through each host's API.
 */
let cluster: LocalCluster;
let sandbox: Sandbox;
let credentials: SandboxCredentials;
let browser: Browser;
const hosts: Record<string, ServeProcess> = {};
const pages: Record<string, Page> = {};
let accountId = '';
let storageId = '';
const STORAGE_KEYS = { accessKeyId: `AKID${randomBytes(12).toString('hex')}`, accessKeySecret: randomBytes(16).toString('hex') };

async function desk(name: string): Promise<ServeProcess> {
  const host = await startServe({
    env: { PGPASSWORD: cluster.password, RECDECK_KEYCHAIN_SERVICE: `recdeck-e2e-team-${name}-${process.pid}-${randomBytes(3).toString('hex')}` },
    args: ['--team-url', cluster.url, '--desk-name', `Desk ${name}`],
  });
  hosts[name] = host;
  return host;
}

async function until<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openPage(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(hosts[name]!.url);
  await page.getByTestId('live-view').and(page.locator('[data-ready="true"]')).waitFor();
  pages[name] = page;
  return page;
}

async function start(host: ServeProcess, room: string): Promise<TaskSummary> {
  await sandbox.control('zego', 'publish-stream', { roomId: room, streamId: `cam-${room}`, userId: `host-${room}` });
  return host.invoke<TaskSummary>('tasks:start', { accountId, startKey: randomUUID(), presetId: null, request: { roomId: room, storageTargetId: storageId, maxIdleSec: 3600 } });
}

/** Every task's timeline on a host, comparable across desks. */
async function history(host: ServeProcess): Promise<string[]> {
  const page = await host.invoke<{ rows: TaskSummary[] }>('history:query', { limit: 500 });
  const out: string[] = [];
  for (const t of page.rows) {
    const d = await host.invoke<TaskDetail>('tasks:get', { id: t.id });
    out.push(`${t.id} ${t.state} ${t.deskName}`, ...d.events.map((e) => `${t.id} ${e.at} ${e.kind} ${e.summary} ${e.deskName}`));
  }
  return out.sort();
}

beforeAll(async () => {
  cluster = await throwawayCluster();
  ({ sandbox, credentials } = await startStandaloneSandbox(0, { print: () => undefined, env: {} }));
  for (const name of ['A', 'B', 'C']) await desk(name);
  const a = hosts['A']!;
  accountId = (
    await a.invoke<{ id: string }>('accounts:create', {
      vendor: 'zego', name: 'Studio ZEGO', environment: 'production', endpoint: `${sandbox.baseUrl}/zego`,
      fields: { appId: credentials.zego.appId, regionHost: 'cloudrecord-api.zego.im' }, secrets: { serverSecret: credentials.zego.serverSecret },
    })
  ).id;
  storageId = (await a.invoke<{ id: string }>('storage:create', { name: 'Studio COS', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'studio-1250000000', pathPrefix: 'rec', secrets: STORAGE_KEYS })).id;
  for (const name of ['B', 'C']) {
    const h = hosts[name]!;
    await until(`the studio account on ${name}`, () => h.invoke<{ id: string }[]>('storage:list', {}), (l) => l.some((s) => s.id === storageId));
    await until(`the studio account on ${name}`, () => h.invoke<{ id: string }[]>('accounts:list', {}), (l) => l.some((x) => x.id === accountId));
    await h.invoke('secrets:set', { owner: 'account', id: accountId, field: 'serverSecret', value: credentials.zego.serverSecret });
    for (const [field, value] of Object.entries(STORAGE_KEYS)) await h.invoke('secrets:set', { owner: 'storage', id: storageId, field, value });
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const h of Object.values(hosts)) await h.stop();
  await sandbox?.close();
  cluster?.destroy();
});

describe('three desks on one team server', () => {
  let taskId = '';

  it('shows a task started on A on B and C with the desk that started it; B stops it; A reads that B stopped it', async () => {
    const [pageA, pageB, pageC] = [await openPage('A'), await openPage('B'), await openPage('C')];
    await pageA.getByTestId('team-status').and(pageA.locator('[data-connected="true"]')).waitFor({ timeout: 30_000 });
    taskId = (await start(hosts['A']!, 'studio-room-1')).id;
    for (const page of [pageB, pageC]) {
      await page.getByTestId(`live-card-${taskId}`).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId(`desk-${taskId}`).textContent()).toBe('started on Desk A');
    }
    await pageB.screenshot({ path: screenshotPath('team-01-b-sees-a-task') });

    await pageB.getByTestId(`stop-${taskId}`).click();
    await pageB.getByTestId('stop-confirm').click();
    await pageA.evaluate((id) => (window.location.hash = `#/tasks/${id}`), taskId);
    await pageA.getByTestId('event-table').getByText(/^Stop \(RequestId .+\) — by Desk B$/).waitFor({ timeout: 15_000 });
    await pageA.screenshot({ path: screenshotPath('team-02-a-reads-b-stopped') });
  });

  it('has the same history on all three desks', async () => {
    await until('the same history everywhere', async () => Promise.all(['A', 'B', 'C'].map((n) => history(hosts[n]!))), ([a, b, c]) => {
      return JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(b) === JSON.stringify(c) && (a ?? []).some((l) => l.endsWith('Desk B'));
    });
  });

  it('lets another desk take over polling within 10 s when the leader is SIGKILLed, with no double start and no rate-limit error; the two desks left stop one task together and keep one history', async () => {
    const key = `zego:${credentials.zego.appId}`;
    const lease = await until('a leader', () => hosts['A']!.invoke<TeamStatus>('team:status', {}), (s) => s.leases.some((l) => l.key === key));
    const leaderName = lease.leases.find((l) => l.key === key)!.deskName!.replace('Desk ', '');
    const survivors = ['A', 'B', 'C'].filter((n) => n !== leaderName);
    const running = await start(hosts[survivors[0]!]!, 'studio-room-2');
    hosts[leaderName]!.child.kill('SIGKILL');
    const killedAt = Date.now();
    const next = await until(
      'a new leader',
      () => hosts[survivors[0]!]!.invoke<TeamStatus>('team:status', {}),
      (s) => s.leases.some((l) => l.key === key && l.deskName !== `Desk ${leaderName}`),
      15_000,
    );
    const failoverMs = Date.now() - killedAt;
    expect(failoverMs).toBeLessThanOrEqual(10_000);
    expect(next.leases.find((l) => l.key === key)?.deskName).toMatch(/^Desk [ABC]$/);

    await hosts[survivors[1]!]!.invoke('tasks:stop', { id: running.id });
    await hosts[survivors[0]!]!.invoke('tasks:stop', { id: running.id });
    for (const n of survivors) {
      await until(`the stop on ${n}`, () => hosts[n]!.invoke<TaskDetail>('tasks:get', { id: running.id }), (d) => ['stopping', 'uploading', 'finished'].includes(d.task.state));
    }
    await until(
      'the same history on the two desks left',
      async () => Promise.all(survivors.map((n) => history(hosts[n]!))),
      ([x, y]) => JSON.stringify(x) === JSON.stringify(y) && (x ?? []).some((l) => l.startsWith(`${running.id} `) && l.includes(' Stop (RequestId ')),
    );
    const vendorTasks = (await sandbox.control('zego', 'list-tasks', {})) as Array<{ roomId: string }>;
    expect(['studio-room-1', 'studio-room-2'].map((r) => vendorTasks.filter((t) => t.roomId === r).length)).toEqual([1, 1]);
    for (const n of survivors) {
      for (const id of [taskId, running.id]) {
        const d = await hosts[n]!.invoke<TaskDetail>('tasks:get', { id });
        expect(d.exchanges.filter((x) => x.errorCode === '300000003')).toEqual([]);
        expect(d.task.error).toBeNull();
      }
    }
  });
});
