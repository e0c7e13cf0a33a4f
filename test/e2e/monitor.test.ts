import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

/**
 * The monitoring side against the in-process Sandbox: a ZEGO mixed task on its Live card, pause,
 * resume and a confirmed stop, files and the timeline on the detail page, and History after a
 * restart on the same data folder. The task is started through the browser host's HTTP API (set-up
 * only); everything asserted is what the page shows.
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let taskId = '';
const SUFFIX = Date.now().toString(36);
const ROOM = `e2e-monitor-${SUFFIX}`;

const invoke = <T>(channel: string, input: unknown): Promise<T> => serve.invoke<T>(channel, input);

async function openPage(): Promise<void> {
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
  page = await context.newPage();
  await page.goto(serve.url);
}

const card = () => page.getByTestId(`live-card-${taskId}`);

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  browser = await launchChromium();
  await openPage();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('monitoring a Sandbox recording', () => {
  it('shows an empty Live view with the scheduler state', async () => {
    await page.getByTestId('live-view').and(page.locator('[data-ready="true"]')).waitFor();
    await page.getByTestId('live-empty').waitFor();
    await page.getByTestId('scheduler-online').waitFor();
    await page.screenshot({ path: screenshotPath('monitor-01-live-empty') });
  });

  it('shows a started ZEGO mixed task on its Live card reaching recording', async () => {
    const accounts = await invoke<{ id: string; name: string }[]>('accounts:list', {});
    const storage = await invoke<{ id: string; name: string }[]>('storage:list', {});
    const account = accounts.find((a) => a.name === 'Sandbox · ZEGO');
    const target = storage.find((s) => s.name.startsWith('Sandbox'));
    expect(account).toBeDefined();
    await invoke('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId: ROOM, streamId: 'cam-1', userId: 'host-1' } });
    const task = await invoke<{ id: string }>('tasks:start', {
      accountId: account?.id,
      startKey: randomUUID(),
      request: {
        roomId: ROOM,
        mode: 'mixed',
        mix: { width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, outputStreamId: `${ROOM}-mix` },
        storageTargetId: target?.id ?? null,
        maxIdleSec: 300,
        maxRecordSec: 7200,
      },
    });
    taskId = task.id;
    await card().waitFor();
    await page.locator(`[data-testid="live-card-${taskId}"][data-state="recording"]`).waitFor({ timeout: 30_000 });
    expect(await card().getByTestId('state-pill').textContent()).toMatch(/REC\s*\d{2}:\d{2}:\d{2}/);
    expect(await card().getByTestId('countdown-max-duration').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await card().getByTestId('freshness').textContent()).toMatch(/Last confirmed|Stale|unknown/);
    await page.screenshot({ path: screenshotPath('monitor-02-live-recording') });
  });

  it('pauses with the P shortcut and resumes with the button', async () => {
    await card().click({ position: { x: 40, y: 60 } });
    await page.keyboard.press('p');
    await page.locator(`[data-testid="live-card-${taskId}"][data-state="paused"]`).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('monitor-03-live-paused') });
    await page.getByTestId(`resume-${taskId}`).click();
    await page.locator(`[data-testid="live-card-${taskId}"][data-state="recording"]`).waitFor({ timeout: 30_000 });
  });

  it('updates the layout of the running task, showing what changes before sending the full layout', async () => {
    await page.getByTestId(`layout-${taskId}`).click();
    await page.getByTestId('layout-editor').waitFor();
    expect(await page.getByTestId('layout-apply').isDisabled()).toBe(true);
    await page.getByTestId('layout-template-grid-4').click();
    await page.getByTestId('layout-changes').locator('li').first().waitFor();
    const changes = await page.getByTestId('layout-changes').locator('li').allTextContents();
    expect(changes).toEqual(expect.arrayContaining(['Layout mode grid → custom', 'Region 1 added', 'Region 4 added']));
    await page.screenshot({ path: screenshotPath('monitor-03b-layout-changes') });
    await page.getByTestId('layout-apply').click();
    await page.getByTestId('layout-editor').waitFor({ state: 'detached' });
    const detail = await invoke<{ request: { mix: { layoutMode: string; regions: unknown[] } }; exchanges: { action: string; requestId: string | null }[] }>('tasks:get', { id: taskId });
    expect([detail.request.mix.layoutMode, detail.request.mix.regions.length]).toEqual(['custom', 4]);
    expect(detail.exchanges.filter((e) => e.action === 'UpdateLayout').map((e) => typeof e.requestId)).toEqual(['string']);
    await page.getByTestId('nav-live').click();
    await page.locator(`[data-testid="live-card-${taskId}"][data-state="recording"]`).waitFor();
  });

  it('asks before stopping, keeps recording on cancel and stops on confirm', async () => {
    await page.getByTestId(`stop-${taskId}`).click();
    await page.locator('.n-dialog').getByText(`Stop “${ROOM}”?`).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('monitor-04-stop-confirm') });
    await page.locator('.n-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.n-dialog').waitFor({ state: 'detached' });
    expect(await card().getAttribute('data-state')).toBe('recording');

    await card().click({ position: { x: 40, y: 60 } });
    await page.keyboard.press('s');
    await page.getByTestId('stop-confirm').click();
    await page.getByTestId(`ended-${taskId}`).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('monitor-05-live-ended') });
  });

  it('shows the uploaded files, the timeline and the request inspector on the detail page', async () => {
    await page.getByTestId(`ended-${taskId}`).getByRole('link').click();
    await page.getByTestId('task-detail').waitFor();
    await page.locator('[data-testid="task-detail"][data-state="finished"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('timeline-segment').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="timeline-marker"][data-kind="operator"]').count()).toBeGreaterThanOrEqual(2);
    await page.locator('[data-testid="timeline-segment"][data-state="paused"]').first().hover();
    await page.getByTestId('timeline-tip').waitFor();
    await page.screenshot({ path: screenshotPath('monitor-06-detail-timeline') });
    await page.getByTestId('timeline-zoom-in').click();
    await page.screenshot({ path: screenshotPath('monitor-07-detail-timeline-zoomed') });

    await page.locator('.n-tabs-tab[data-name="files"]').click();
    await page.locator('[data-testid="file-status"][data-status="uploaded"]').first().waitFor({ timeout: 60_000 });
    const href = await page.getByTestId('file-open-url').first().getAttribute('href');
    expect(href).toMatch(/^https?:\/\//);
    expect(await page.getByTestId('file-open-url').first().getAttribute('rel')).toContain('noopener');
    await page.screenshot({ path: screenshotPath('monitor-08-detail-files') });

    await page.locator('.n-tabs-tab[data-name="inspector"]').click();
    await page.getByTestId('exchange').first().waitFor();
    await page.getByTestId('copy-ticket').click();
    const ticket = await page.evaluate(() => navigator.clipboard.readText());
    expect(ticket).toContain(`Room: ${ROOM}`);
    expect(ticket).toMatch(/RequestId: /);
    expect(ticket).not.toMatch(/ServerSecret"\s*:\s*"[^•"]/);
    await page.getByTestId('exchange').first().click();
    await page.screenshot({ path: screenshotPath('monitor-09-detail-inspector') });

    const actions = async () => (await page.getByTestId('exchange').locator('b').allTextContents()).sort();
    const all = await actions();
    await page.getByTestId('inspector-hide-polls').click();
    const withoutPolls = await actions();
    expect([all.includes('DescribeRecordStatus'), withoutPolls.includes('DescribeRecordStatus'), withoutPolls.includes('StartRecord')]).toEqual([true, false, true]);
    await page.getByTestId('inspector-hide-polls').click();
    await page.getByTestId('exchange-copy-curl').first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl -X POST '.*Signature=<SIGNATURE>'/);
    await page.getByTestId('copy-signed-status').click();
    await page.locator('.n-message').getByText(/runs as it is until/).waitFor();
    const signed = await page.evaluate(() => navigator.clipboard.readText());
    expect(signed).not.toContain('<SIGNATURE>');
    const answer = JSON.parse(execFileSync('bash', ['-c', `${signed} --silent`], { encoding: 'utf8' })) as { Code: number; Data: { Status: number } };
    expect([answer.Code, answer.Data.Status]).toEqual([0, 3]);
  });

  it('alerts in-app when a recording fails at the vendor', async () => {
    const accounts = await invoke<{ id: string; name: string }[]>('accounts:list', {});
    const storage = await invoke<{ id: string; name: string }[]>('storage:list', {});
    const room = `e2e-failing-${SUFFIX}`;
    const task = await invoke<{ id: string; vendorTaskId: string | null }>('tasks:start', {
      accountId: accounts.find((a) => a.name === 'Sandbox · ZEGO')?.id,
      startKey: randomUUID(),
      request: {
        roomId: room,
        mode: 'mixed',
        mix: { width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, outputStreamId: `${room}-mix` },
        storageTargetId: storage.find((x) => x.name.startsWith('Sandbox'))?.id ?? null,
      },
    });
    await page.getByTestId('nav-live').click();
    await page.locator(`[data-testid="live-card-${task.id}"][data-state="recording"]`).waitFor({ timeout: 30_000 });
    const vendorTaskId = task.vendorTaskId ?? (await invoke<{ task: { vendorTaskId: string } }>('tasks:get', { id: task.id })).task.vendorTaskId;
    await invoke('sandbox:control', { vendor: 'zego', command: 'fail-task', input: { taskId: vendorTaskId } });
    const toast = page.locator('.n-notification').filter({ hasText: 'Recording failed' }).first();
    await toast.waitFor({ timeout: 30_000 });
    expect(await toast.textContent()).toContain(`Room ${room} · ZEGO Cloud Recording · Sandbox · ZEGO`);
    await page.screenshot({ path: screenshotPath('monitor-10-alert-toast') });
    await page.getByTestId('alerts-button').click();
    await page.getByTestId('alerts-list').getByText('Recording failed').first().waitFor();
    expect(await page.getByTestId('alert-subject').first().textContent()).toBe(`Room ${room} · ZEGO Cloud Recording · Sandbox · ZEGO`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('monitor-11-alerts-list') });
    await page.getByTestId('alerts-button').click();
    await page.getByTestId('alerts-list').waitFor({ state: 'detached' });
    await toast.getByTestId('alert-open').click();
    await page.locator(`[data-testid="task-detail"]`).waitFor();
    expect(page.url()).toContain(`/tasks/${task.id}`);
    await page.getByTestId('nav-live').click();
  });

  it('rehearses from the Settings Sandbox panel: a publisher joins a room, and the vendor fails a running task', async () => {
    const accounts = await invoke<{ id: string; name: string }[]>('accounts:list', {});
    const storage = await invoke<{ id: string; name: string }[]>('storage:list', {});
    const room = `e2e-rehearse-${SUFFIX}`;
    const task = await invoke<{ id: string }>('tasks:start', {
      accountId: accounts.find((a) => a.name === 'Sandbox · ZEGO')?.id,
      startKey: randomUUID(),
      request: { roomId: room, mode: 'single', storageTargetId: storage.find((x) => x.name.startsWith('Sandbox'))?.id ?? null },
    });
    await page.locator(`[data-testid="live-card-${task.id}"][data-state="recording"]`).waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-settings').click();
    const panel = page.getByTestId('sandbox-panel');
    await panel.getByTestId('sandbox-room').locator('input').fill(room);
    await panel.getByTestId('sandbox-user').locator('input').fill('guest-e2e');
    await panel.getByTestId('sandbox-publish').click();
    await panel.getByTestId('sandbox-publishers').getByText('guest-e2e').waitFor();
    await panel.getByTestId('sandbox-task').click();
    await page.locator('.n-base-select-option').filter({ hasText: room }).click();
    await panel.getByTestId('sandbox-fail').click();
    await panel.getByTestId('sandbox-done').waitFor();
    await page.screenshot({ path: screenshotPath('monitor-11b-settings-sandbox-panel') });
    await page.locator('.n-notification').filter({ hasText: room }).filter({ hasText: 'Recording failed' }).first().waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-live').click();
  });

  it('names the account whose vendor cannot be reached, pauses only its tasks, and History keeps working', async () => {
    const accounts = await invoke<{ id: string; name: string }[]>('accounts:list', {});
    const storage = await invoke<{ id: string; name: string }[]>('storage:list', {});
    const room = `e2e-offline-${SUFFIX}`;
    const task = await invoke<{ id: string }>('tasks:start', {
      accountId: accounts.find((a) => a.name === 'Sandbox · ZEGO')?.id,
      startKey: randomUUID(),
      request: {
        roomId: room,
        mode: 'mixed',
        mix: { width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, outputStreamId: `${room}-mix` },
        storageTargetId: storage.find((x) => x.name.startsWith('Sandbox'))?.id ?? null,
      },
    });
    await page.locator(`[data-testid="live-card-${task.id}"][data-state="recording"]`).waitFor({ timeout: 30_000 });
    await invoke('sandbox:control', { vendor: 'faults', command: 'inject', input: { vendor: 'zego', kind: 'reset', count: 100_000 } });
    await page.locator('.n-alert[data-testid="scheduler-troubled"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.n-alert[data-testid="scheduler-troubled"]').textContent()).toMatch(/Sandbox · ZEGO cannot be reached since \d{1,2}:\d{2}.*last success \d{1,2}:\d{2}.*Every other account keeps polling/);
    await page.locator(`[data-testid="live-card-${task.id}"]`).getByTestId('freshness').getByText('Polling paused').waitFor();
    await page.getByTestId('scheduler-troubled-tag').click();
    await page.locator('[data-testid="health-row"][data-state="unreachable"]').getByText('Sandbox · ZEGO').waitFor();
    await page.screenshot({ path: screenshotPath('monitor-12-live-account-unreachable') });
    await page.getByTestId('scheduler-troubled-tag').click();
    const pill = page.getByTestId(`live-card-${task.id}`).getByTestId('state-pill');
    expect(await pill.getAttribute('data-signal')).toBe('held');
    await page.waitForTimeout(1_100);
    const timer = await pill.locator('.timer').textContent();
    await page.waitForTimeout(2_100);
    expect(await pill.locator('.timer').textContent()).toBe(timer);
    await page.screenshot({ path: screenshotPath('monitor-12-live-offline') });
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-offline').waitFor();
    await page.getByTestId('history-row').first().waitFor();
    await page.screenshot({ path: screenshotPath('monitor-13-history-offline') });
    await invoke('sandbox:control', { vendor: 'faults', command: 'clear', input: {} });
    await page.getByTestId('scheduler-online').waitFor({ timeout: 60_000 });
    await invoke('tasks:stop', { id: task.id });
  });

  it('finds the task in History after a restart on the same data folder', async () => {
    const dataDir = serve.dataDir;
    await page.context().close();
    await serve.stop();
    serve = await startServe({ dataDir, env: { RECDECK_KEYCHAIN: 'session' } });
    await openPage();
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-view').waitFor();
    await page.getByTestId('history-search').locator('input').fill(ROOM);
    await page.locator(`[data-testid="history-row"][data-task="${taskId}"]`).waitFor({ timeout: 15_000 });
    await page.getByTestId('history-total').getByText(/^1 task/).waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export-csv').click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain(ROOM);
    expect(csv).not.toContain('e2e-failing-');
    await page.screenshot({ path: screenshotPath('monitor-14-history-after-restart') });
    await page.locator(`[data-testid="history-row"][data-task="${taskId}"]`).click();
    await page.getByTestId('detail-room').getByText(ROOM).waitFor();
  });
});
