import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

/**
 * Every main view with a recording running: the page never fades, axe-core finds nothing critical
 * or serious in either theme, and a screenshot of each view at three window sizes in both languages
 * (one page throughout: resize, switch language, walk again).
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let taskId = '';
let trroId = '';
const ROOM = `e2e-views-${Date.now().toString(36)}`;
const TRRO_ROOM = `${ROOM}-trro`;

const invoke = <T>(channel: string, input: unknown): Promise<T> => serve.invoke<T>(channel, input);

/** Each main view: where it lives and what shows it is ready. */
const VIEWS = [
  { name: 'live', hash: () => '#/live', ready: () => `[data-testid="live-card-${taskId}"][data-state="recording"]` },
  { name: 'new', hash: () => '#/new', ready: () => '[data-testid="new-recording-view"]' },
  { name: 'task', hash: () => `#/tasks/${taskId}`, ready: () => '[data-testid="task-detail"][data-state="recording"]' },
  { name: 'history', hash: () => '#/history', ready: () => `[data-testid="history-row"][data-task="${taskId}"]` },
  { name: 'accounts', hash: () => '#/accounts', ready: () => '[data-testid="accounts-table"] tbody tr' },
  { name: 'settings', hash: () => '#/settings', ready: () => '[data-testid="callbacks-url"]' },
] as const;

async function show(view: (typeof VIEWS)[number]): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), view.hash());
  await page.locator(view.ready()).first().waitFor({ timeout: 30_000 });
}

async function setPreferences(locale: 'en-US' | 'zh-CN', theme: 'light' | 'dark'): Promise<void> {
  await show(VIEWS[5]);
  await page.getByTestId(`language-${locale.split('-')[0]}`).click();
  await page.getByTestId(`theme-${theme}`).click();
}

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  browser = await launchChromium();
  const accounts = await invoke<{ id: string; name: string }[]>('accounts:list', {});
  const storage = await invoke<{ id: string; name: string }[]>('storage:list', {});
  await invoke('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId: ROOM, streamId: 'cam-1', userId: 'host-1' } });
  taskId = (
    await invoke<{ id: string }>('tasks:start', {
      accountId: accounts.find((a) => a.name === 'Sandbox · ZEGO')?.id,
      startKey: randomUUID(),
      request: {
        roomId: ROOM,
        mode: 'mixed',
        mix: { width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, outputStreamId: `${ROOM}-mix` },
        storageTargetId: storage.find((s) => s.name.startsWith('Sandbox'))?.id ?? null,
        maxIdleSec: 3600,
        maxRecordSec: 7200,
      },
    })
  ).id;
  trroId = (
    await invoke<{ id: string }>('tasks:start', {
      accountId: accounts.find((a) => a.name === 'Sandbox · Tencent TRRO')?.id,
      startKey: randomUUID(),
      request: { roomId: TRRO_ROOM, mode: 'single', storageTargetId: storage.find((s) => s.name.startsWith('Sandbox'))?.id ?? null },
    })
  ).id;
  // Opened once the task records: a page whose event stream connects after its first read would miss the change.
  for (let i = 0; i < 600 && (await invoke<{ task: { state: string } }>('tasks:get', { id: taskId })).task.state !== 'recording'; i += 1) await new Promise((r) => setTimeout(r, 100));
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(serve.url);
  await page.getByTestId('live-view').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('every main view', () => {
  it('keeps Live and Task detail at full opacity over 2 s while a recording runs; only the REC dot blinks', async () => {
    for (const view of [VIEWS[0], VIEWS[2]]) {
      await show(view);
      const samples = await page.evaluate(async (sel) => {
        const out: { view: number; dot: number }[] = [];
        for (let i = 0; i < 20; i += 1) {
          let opacity = 1;
          for (let el: Element | null = document.querySelector(sel); el; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity);
          const dot = document.querySelector('[data-testid="state-pill"][data-state="recording"] .dot');
          out.push({ view: opacity, dot: dot ? Number(getComputedStyle(dot).opacity) : -1 });
          await new Promise((r) => setTimeout(r, 100));
        }
        return out;
      }, view.name === 'live' ? '[data-testid="live-grid"]' : '[data-testid="task-detail"]');
      expect({ view: view.name, opacity: [...new Set(samples.map((s) => s.view))], dot: [...new Set(samples.map((s) => s.dot))].sort() }).toEqual({
        view: view.name,
        opacity: [1],
        dot: [0.25, 1],
      });
    }
  });

  it('says REC only for the confirmed recording, on every page and in the title, with one count of active tasks', async () => {
    await show(VIEWS[0]);
    const trro = page.getByTestId(`live-card-${trroId}`);
    expect(await page.getByTestId(`live-card-${taskId}`).getByTestId('state-pill').getAttribute('data-signal')).toBe('confirmed');
    expect(await trro.getByTestId('state-pill').textContent()).toMatch(/^\s*REC\?/);
    await trro.getByTestId('needs-receiver').getByText('Tencent TRRO reports status only by callbacks').waitFor();
    expect(await page.getByTestId('live-count').textContent()).toBe('2 active');
    expect(await page.getByTestId('scheduler-online').textContent()).not.toMatch(/\d/);
    for (const view of VIEWS) {
      await show(view);
      expect([view.name, await page.title(), await page.getByTestId('rec-indicator').textContent()]).toEqual([view.name, '● 1 REC · 1 ⚠ — RecDeck', '● 1 REC\u00a0· 1 ⚠']);
    }
  });

  it('keeps Start, the request summary and the shortcut in view on a narrow window, wherever the form is scrolled', async () => {
    for (const [width, height] of [[1280, 720], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await show(VIEWS[1]);
      await page.getByTestId('input-roomId').locator('input').fill('bar-room');
      for (const scroll of [0, 1200, 5000]) {
        await page.mouse.move(width / 2, height / 2);
        await page.mouse.wheel(0, scroll);
        await page.waitForTimeout(150);
        const box = await page.getByTestId('start').boundingBox();
        expect({ width, scroll, inView: box !== null && box.y >= 0 && box.y + box.height <= height }).toEqual({ width, scroll, inView: true });
      }
      expect(await page.getByTestId('start-bar-summary').textContent()).toMatch(/bar-room.*Sandbox · ZEGO/);
      expect(await page.getByTestId('start-bar').getByText('Ctrl/⌘ + Enter').isVisible()).toBe(true);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await show(VIEWS[1]);
    expect(await page.getByTestId('start-bar').count()).toBe(0);
  });

  it('saves a screenshot of every view at three sizes in English and 简体中文', async () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      await setPreferences(locale, 'light');
      for (const [width, height] of [[1440, 900], [1280, 720], [1024, 640]] as const) {
        await page.setViewportSize({ width, height });
        for (const view of VIEWS) {
          await show(view);
          await page.screenshot({ path: screenshotPath(`view-${view.name}-${width}x${height}-${locale}`) });
        }
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await setPreferences('en-US', 'light');
  });

  it('turns on the callback receiver from a callback-only task\'s card', async () => {
    await show(VIEWS[0]);
    await page.getByTestId(`live-card-${trroId}`).getByTestId('enable-receiver').click();
    await page.getByTestId(`live-card-${trroId}`).getByTestId('needs-receiver').waitFor({ state: 'detached' });
    expect((await invoke<{ enabled: boolean }>('callbacks:status', {})).enabled).toBe(true);
  });
});
