import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latinRuns } from './latin-runs';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

/**
 * Every view in 简体中文 after a show's worth of events: a ZEGO mixed recording paused, resumed,
 * re-laid out and stopped (files, timeline, inspector), one that failed at the vendor, one the vendor
 * refused, a TRRO task, a connection test and a form with field errors. Each view's visible text must
 * hold no run of Latin words outside the allowlist in latin-runs.ts (ids, URLs, codes, vendor terms).
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const SUFFIX = Date.now().toString(36);
const ROOM = `zh-room-${SUFFIX}`;
const FAILING_ROOM = `zh-failing-${SUFFIX}`;
const REJECTED_ROOM = `zh-rejected-${SUFFIX}`;
const TRRO_ROOM = `zh-trro-${SUFFIX}`;
let finishedId = '';
let failedId = '';
let rejectedId = '';
let trroId = '';

const invoke = <T>(channel: string, input: unknown): Promise<T> => serve.invoke<T>(channel, input);

async function accountId(name: string): Promise<string> {
  const accounts = await invoke<{ id: string; name: string }[]>('accounts:list', {});
  return accounts.find((a) => a.name === name)?.id ?? '';
}

async function sandboxStorage(): Promise<string | null> {
  const storage = await invoke<{ id: string; name: string }[]>('storage:list', {});
  return storage.find((s) => s.name.startsWith('Sandbox'))?.id ?? null;
}

async function waitState(id: string, states: readonly string[]): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const d = await invoke<{ task: { state: string } }>('tasks:get', { id });
    if (states.includes(d.task.state)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`task ${id} never reached ${states.join('/')}`);
}

function zegoMixed(room: string, storageTargetId: string | null) {
  return {
    roomId: room,
    mode: 'mixed',
    mix: { width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, outputStreamId: `${room}-mix` },
    storageTargetId,
    maxIdleSec: 300,
    maxRecordSec: 7200,
  };
}

/** The text a person sees in the page now, with where it sits (skipping code, payloads and inputs' values). */
async function visibleTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = 'code, pre, textarea, script, style, [translate="no"], [lang]:not([lang|="zh"])';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest(skip) || !el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) {
      if (el.checkVisibility() && el.placeholder.trim() && !el.closest(skip)) out.push(el.placeholder.trim());
    }
    return out;
  });
}

/** Opens a task's detail page and waits until it shows that task. */
async function openTask(id: string, room: string, state?: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/tasks/${id}`);
  await page.getByTestId('detail-room').getByText(room, { exact: true }).waitFor();
  if (state) await page.locator(`[data-testid="task-detail"][data-state="${state}"]`).waitFor();
  await page.locator('.n-tabs-tab[data-name="timeline"]').click();
  await page.getByTestId('event-table').waitFor();
}

const found = new Map<string, string[]>();

/** Records this view's Latin runs; the last test asserts none were found anywhere. */
async function check(view: string): Promise<void> {
  await page.waitForTimeout(400);
  const runs = latinRuns(await visibleTexts());
  if (runs.length > 0) found.set(view, runs);
  await page.screenshot({ path: screenshotPath(`zh-cn-${view}`), fullPage: true });
}

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  browser = await launchChromium();
  const storageTargetId = await sandboxStorage();
  const zego = await accountId('Sandbox · ZEGO');

  await invoke('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId: ROOM, streamId: 'cam-1', userId: 'host-1' } });
  finishedId = (await invoke<{ id: string }>('tasks:start', { accountId: zego, startKey: randomUUID(), request: zegoMixed(ROOM, storageTargetId) })).id;
  await waitState(finishedId, ['recording']);
  await invoke('tasks:pause', { id: finishedId });
  await invoke('tasks:resume', { id: finishedId });
  await invoke('tasks:updateLayout', {
    id: finishedId,
    mix: { ...zegoMixed(ROOM, null).mix, layoutMode: 'custom', regions: [{ id: 'r1', streamId: 'cam-1', left: 0, top: 0, width: 640, height: 360, layer: 1 }] },
  });
  await invoke('tasks:stop', { id: finishedId });
  await waitState(finishedId, ['finished']);

  failedId = (await invoke<{ id: string }>('tasks:start', { accountId: zego, startKey: randomUUID(), request: zegoMixed(FAILING_ROOM, storageTargetId) })).id;
  await waitState(failedId, ['recording']);
  const vendorTaskId = (await invoke<{ task: { vendorTaskId: string } }>('tasks:get', { id: failedId })).task.vendorTaskId;
  await invoke('sandbox:control', { vendor: 'zego', command: 'fail-task', input: { taskId: vendorTaskId } });
  await waitState(failedId, ['failed']);

  await invoke('sandbox:control', { vendor: 'faults', command: 'inject', input: { vendor: 'zego', kind: '5xx', status: 500, count: 1 } });
  await invoke('tasks:start', { accountId: zego, startKey: randomUUID(), request: zegoMixed(REJECTED_ROOM, storageTargetId) }).catch(() => null);
  const rows = await invoke<{ rows: { id: string; roomId: string }[] }>('history:query', { text: REJECTED_ROOM });
  rejectedId = rows.rows.find((t) => t.roomId === REJECTED_ROOM)?.id ?? '';
  await invoke('sandbox:control', { vendor: 'faults', command: 'clear', input: {} });

  const trro = await accountId('Sandbox · Tencent TRRO');
  trroId = (await invoke<{ id: string }>('tasks:start', { accountId: trro, startKey: randomUUID(), request: { roomId: TRRO_ROOM, mode: 'single', storageTargetId } })).id;

  const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'light', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(serve.url);
  await page.getByTestId('live-view').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('every view in 简体中文', () => {
  it('walks Live with a running, a failed and a refused recording', async () => {
    expect(await page.getByTestId('nav-live').textContent()).toBe('直播中');
    await page.locator('[data-testid="live-view"][data-ready="true"]').waitFor();
    await check('live');
    await page.getByTestId('alerts-button').click();
    await page.getByTestId('alerts-list').waitFor();
    await check('live-alerts');
    await page.getByTestId('alerts-button').click();
  });

  it('walks the detail of a finished recording: timeline, events, files and inspector', async () => {
    await openTask(finishedId, ROOM, 'finished');
    await check('detail-timeline');
    await page.locator('.n-tabs-tab[data-name="files"]').click();
    await page.getByTestId('file-status').first().waitFor();
    await check('detail-files');
    await page.locator('.n-tabs-tab[data-name="inspector"]').click();
    await page.getByTestId('exchange').first().waitFor();
    await check('detail-inspector');
  });

  it('walks the detail of a failed, a refused and a TRRO recording', async () => {
    await openTask(failedId, FAILING_ROOM, 'failed');
    await check('detail-failed');
    expect(rejectedId).not.toBe('');
    await openTask(rejectedId, REJECTED_ROOM, 'failed');
    await check('detail-rejected');
    await openTask(trroId, TRRO_ROOM);
    await check('detail-trro');
  });

  it('walks New recording for each vendor with field errors, a mixed layout and a legacy import', async () => {
    await page.getByTestId('nav-new').click();
    await page.getByTestId('new-recording-view').waitFor();
    for (const name of ['Sandbox · ZEGO', 'Sandbox · Tencent TIW', 'Sandbox · Tencent TRRO']) {
      await page.getByTestId('account-select').click();
      await page.locator('.n-base-select-option').getByText(name, { exact: true }).click();
      if (!(await page.getByTestId('problems').isVisible())) await page.getByTestId('show-problems').click();
      await page.getByTestId('problems').waitFor();
      await check(`new-${name.split(' · ')[1]?.replace(/\s/g, '-').toLowerCase()}`);
    }
    await page.getByTestId('account-select').click();
    await page.locator('.n-base-select-option').getByText('Sandbox · ZEGO', { exact: true }).click();
    await page.getByTestId('mode-mixed').click();
    await page.getByTestId('input-roomId').locator('input').fill('zh-new-room-1');
    await check('new-zego-mixed');
    await page.getByTestId('legacy-open').click();
    const legacy = {
      access_token: 'legacy-token',
      room_id: 'zh-legacy-1',
      record_input_params: {
        record_mode: 2,
        mix_config: { mix_mode: 1, mix_output_stream_id: 'out', mix_output_video_config: { width: 1280, height: 720, fps: 15, bitrate: 3000 } },
        mystery: true,
      },
    };
    await page.getByTestId('legacy-text').locator('textarea').fill(JSON.stringify(legacy));
    await page.getByTestId('legacy-convert').click();
    await page.getByTestId('legacy-result').waitFor();
    await check('new-legacy-import');
    await page.keyboard.press('Escape');
  });

  it('walks History', async () => {
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-row').first().waitFor();
    await check('history');
  });

  it('walks Accounts after a connection test, the account editor and Storage', async () => {
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-view').waitFor();
    await page.getByTestId('account-Sandbox · ZEGO-test').click();
    await page.getByTestId('account-Sandbox · ZEGO-connection').waitFor();
    await check('accounts');
    await page.getByTestId('account-Sandbox · Tencent TIW-edit').click();
    await page.getByTestId('account-editor').waitFor();
    await page.getByTestId('account-input-name').locator('input').fill('');
    await page.getByTestId('account-save').click();
    await check('account-editor');
    await page.keyboard.press('Escape');
    await page.getByTestId('account-editor').waitFor({ state: 'detached' });
    await page.locator('.n-tabs-tab[data-name="storage"]').click();
    await page.getByTestId('storage-table').waitFor();
    await check('storage');
    await page.getByTestId('storage-add').click();
    await page.getByTestId('storage-save').waitFor();
    await check('storage-editor');
    await page.keyboard.press('Escape');
    await page.getByTestId('storage-editor').waitFor({ state: 'detached' });
  });

  it('walks Settings', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('about-version').waitFor();
    await check('settings');
  });

  it('found no untranslated text in any view', () => {
    expect(Object.fromEntries(found)).toEqual({});
  });
});
