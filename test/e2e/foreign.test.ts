import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingRequestSchema, type TaskSummary } from '@contract';
import { createClockSkewStore } from '../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../src-main/vendors/shared/rate-limiter';
import { createZegoClient } from '../../src-main/vendors/zego/client';
import type { ZegoStorage } from '../../src-main/vendors/zego/request';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

/**
 * Recordings RecDeck did not start: a second desk's ZEGO AppId is added as an account, a script on
 * that desk starts recordings with signed StartRecord calls straight to the Sandbox's ZEGO API, and
 * the Live view shows them as "not started here" until the operator adopts (then stops) or
 * dismisses them. Set-up goes through the host's HTTP API; what is asserted is what the page shows.
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const SUFFIX = Date.now().toString(36);
const APP_ID = 1_900_000_000 + Math.floor(Math.random() * 90_000_000);
const SECRET = randomBytes(16).toString('hex');
const STORAGE: ZegoStorage = {
  target: { provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'desk2-1250000000', endpoint: null, pathPrefix: null, title: null, storageLocation: null, subAppId: null },
  keys: { accessKeyId: 'AKID-DESK2', accessKeySecret: 'desk2-secret' },
};

const invoke = <T>(channel: string, input: unknown): Promise<T> => serve.invoke<T>(channel, input);

/** The other desk's script: signed calls to the vendor API, nothing through RecDeck. */
let script: ReturnType<typeof createZegoClient>;

async function startOutside(roomId: string): Promise<string> {
  await invoke('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId, streamId: 'cam', userId: 'host' } });
  const request = RecordingRequestSchema.parse({ roomId, maxIdleSec: 3600 });
  return (await script.startRecord(request, STORAGE, { priority: 'operator', clientTaskId: null })).taskId;
}

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  const { sandboxUrl } = await invoke<{ sandboxUrl: string }>('app:info', {});
  await invoke('sandbox:control', { vendor: 'zego', command: 'register-app', input: { appId: APP_ID, serverSecret: SECRET } });
  await invoke('accounts:create', {
    vendor: 'zego', name: `Desk 2 · ${SUFFIX}`, environment: 'production', endpoint: `${sandboxUrl}/zego`,
    fields: { appId: APP_ID, regionHost: 'cloudrecord-api.zego.im' }, secrets: { serverSecret: SECRET },
  });
  script = createZegoClient({ baseUrl: `${sandboxUrl}/zego`, appId: APP_ID, serverSecret: SECRET, isTest: null, limiter: createRateLimiter(), skew: createClockSkewStore() });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(serve.url);
  await page.getByTestId('live-view').and(page.locator('[data-ready="true"]')).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('recordings not started here', () => {
  it('shows a recording a script started on the vendor API, adopts it, and stops it from Live', async () => {
    const room = `e2e-script-${SUFFIX}`;
    const vendorTaskId = await startOutside(room);
    const row = page.getByTestId(`foreign-${vendorTaskId}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toMatch(new RegExp(`${room}.*ZEGO Cloud Recording · Desk 2 · ${SUFFIX}.*started .*Vendor status [12]`));
    await page.screenshot({ path: screenshotPath('foreign-01-not-started-here') });

    await row.getByTestId('foreign-adopt').click();
    await row.waitFor({ state: 'detached' });
    const adopted = (await invoke<TaskSummary[]>('tasks:active', {})).find((t) => t.vendorTaskId === vendorTaskId);
    expect(adopted).toMatchObject({ roomId: room, accountName: `Desk 2 · ${SUFFIX}` });
    const card = page.locator(`[data-testid="live-card-${adopted?.id}"][data-state="recording"]`);
    await card.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('foreign-02-adopted-card') });

    await page.getByTestId(`stop-${adopted?.id}`).click();
    await page.getByTestId('stop-confirm').click();
    await page.getByTestId(`ended-${adopted?.id}`).waitFor({ timeout: 60_000 });
    expect(await invoke<{ status: number }>('sandbox:control', { vendor: 'zego', command: 'get-task', input: { taskId: vendorTaskId } })).toMatchObject({ status: 3 });
    const detail = await invoke<{ events: { summary: string }[] }>('tasks:get', { id: adopted?.id });
    expect(detail.events[0]?.summary).toMatch(/^adopted: started outside RecDeck/);
  });

  it('keeps a dismissed recording under "dismissed, still running" and shows it again on request', async () => {
    const vendorTaskId = await startOutside(`e2e-desk2-${SUFFIX}`);
    const row = page.getByTestId(`foreign-${vendorTaskId}`);
    await row.waitFor({ timeout: 30_000 });
    await row.getByTestId('foreign-dismiss').click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('foreign-dismissed').getByText(/Dismissed, still running \(1\)/).click();
    const dismissed = page.getByTestId(`foreign-dismissed-${vendorTaskId}`);
    await dismissed.waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('foreign-03-dismissed') });
    await dismissed.getByTestId('foreign-restore').click();
    await row.waitFor();
    await script.stopRecord(vendorTaskId, { priority: 'operator' });
    await row.waitFor({ state: 'detached', timeout: 30_000 });
  });
});
