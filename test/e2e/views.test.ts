import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
interface AxeViolation {
  id: string;
  impact: Impact;
  nodes: { target: string[]; summary?: string }[];
}

/** axe-core's violations on the page as it is now (the script is evaluated, so the page's CSP stays on). */
async function axe(): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Raw = { id: string; impact: Impact; nodes: { target: string[]; failureSummary?: string }[] };
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Raw[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  });
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
      const shown = (await page.getByTestId('rec-indicator').locator('.rec, .warn').allTextContents()).join('');
      expect([view.name, await page.title(), shown]).toEqual([view.name, '● 1 REC · 1 ⚠ — RecDeck', '● 1 REC\u00a0· 1 ⚠']);
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
    // The page learns of the wider window from its resize event, a frame or two after the resize.
    await page.getByTestId('start-bar').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.getByTestId('start-bar').count()).toBe(0);
  });

  it('rings the focused sidebar link', async () => {
    await show(VIEWS[0]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'nav-history'; i += 1) await page.keyboard.press('Tab');
    const ring = await page.getByTestId('nav-history').evaluate((a) => {
      const item = a.closest('.n-menu-item-content')!;
      const style = getComputedStyle(item);
      return [style.outlineStyle, parseFloat(style.outlineWidth) >= 2];
    });
    expect(ring).toEqual(['solid', true]);
  });

  it('drops the account picker\'s focus border once focus moves on, by keyboard or by a click elsewhere', async () => {
    await show(VIEWS[1]);
    const picker = page.getByTestId('account-select');
    const focused = () => picker.evaluate((el) => el.querySelector('.n-base-selection')!.className.split(/\s+/).filter((c) => /--(focus|active)$/.test(c)).sort().join(' '));
    // Enter takes the account already chosen: the tests after this one keep the same form.
    await picker.click();
    await page.keyboard.press('Enter');
    const chosen = await focused();
    await page.keyboard.press('Tab');
    const afterTab = await focused();
    await picker.click();
    await page.keyboard.press('Escape');
    await page.getByTestId('new-recording-view').locator('h1').click();
    expect({ chosen: chosen !== '', afterTab, afterClick: await focused() }).toEqual({ chosen: true, afterTab: '', afterClick: '' });
  });

  it('keeps vendor codes secondary, draws the layout templates, shows the default background, closes the stream list and fits the last time label', async () => {
    await show(VIEWS[0]);
    const card = page.getByTestId(`live-card-${taskId}`);
    const header = await card.locator('header').evaluate((h) => [...h.children].map((c) => c.getAttribute('data-testid')));
    expect([header, await card.getByTestId('card-raw-status').textContent()]).toEqual([['state-pill'], 'Vendor status 2']);

    await show(VIEWS[2]);
    await page.getByTestId('timeline-tick').first().waitFor();
    // Each width puts the last tick somewhere else: its label must fit at every one of them.
    const overflows: Record<number, number[]> = {};
    for (const width of [1440, 1337, 1229, 1171, 1111, 1063, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(100);
      const room = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid="timeline-tick"]')?.closest('svg')?.getBoundingClientRect();
        return [...document.querySelectorAll('[data-testid="timeline-tick"]')].map((t) => Math.floor((svg?.right ?? 0) - t.getBoundingClientRect().right));
      });
      overflows[width] = room.length === 0 ? [Number.NaN] : room.filter((r) => r < 0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(Object.values(overflows).flat()).toEqual([]);

    await show(VIEWS[1]);
    await page.getByTestId('mode-mixed').click();
    const grid4 = page.getByTestId('layout-template-grid-4');
    expect([await grid4.getAttribute('aria-label'), await grid4.locator('svg rect').count()]).toEqual(['Grid of 4', 4]);
    const swatch = await page.getByTestId('layout-out-bg').evaluate((el) => [...el.querySelectorAll('*')].map((c) => getComputedStyle(c).backgroundColor).includes('rgb(0, 0, 0)'));
    expect(swatch).toBe(true);
    await page.getByText('Default: black').waitFor();
    await grid4.click();
    await page.getByTestId('layout-region-r1').click({ position: { x: 20, y: 40 } });
    await page.getByTestId('layout-region-stream').click();
    await page.keyboard.type('cam-9');
    await page.keyboard.press('Enter');
    await page.locator('.n-base-select-menu, .n-auto-complete-menu').waitFor({ state: 'hidden' });
    await page.getByTestId('mode-single').click();
  });

  it('guides to the fields to fill in instead of a raw validation text, and drops the body after Reset', async () => {
    await show(VIEWS[1]);
    await page.getByTestId('form-reset').click();
    const blocked = page.getByTestId('preview-blocked');
    await blocked.waitFor();
    expect(await blocked.locator('li').allTextContents()).toEqual(['Room ID: Required']);
    await page.getByTestId('input-roomId').locator('input').fill('preview-room');
    await page.getByTestId('preview-body').getByText('preview-room').waitFor();
    await page.getByTestId('form-reset').click();
    await blocked.waitFor();
    expect([await page.getByTestId('preview-body').count(), await page.getByTestId('preview-failure').count()]).toEqual([0, 0]);
    await page.getByTestId('preview-goto-roomId').click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="input-roomId"]') !== null)).toBe(true);
  });

  it('fits Accounts, History and Task detail to 1024 px: whole words, sideways scrolling, live durations, no collisions, toasts off the controls', async () => {
    const linesOf = (selector: string) =>
      page.evaluate((sel) => {
        const out: Record<string, number> = {};
        for (const el of document.querySelectorAll(sel)) {
          const tops = new Set<number>();
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent?.trim() || n.parentElement?.closest('.sr-only')) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
          }
          if (tops.size > 0) out[el.textContent!.trim()] = tops.size;
        }
        return out;
      }, selector);
    const cells = '[data-testid="accounts-table"] th, [data-testid="accounts-table"] td:is([data-col-key="name"], [data-col-key="vendor"], [data-col-key="environment"]) .n-ellipsis';
    await page.setViewportSize({ width: 1024, height: 640 });
    for (const locale of ['zh-CN', 'en-US'] as const) {
      await setPreferences(locale, 'light');
      await show(VIEWS[4]);
      const lines = await linesOf(cells);
      expect({ locale, lines }).toEqual({ locale, lines: Object.fromEntries(Object.keys(lines).map((k) => [k, 1])) });
    }

    await page.getByTestId('account-Sandbox · ZEGO-test').click();
    const toast = page.locator('.n-message').first();
    await toast.waitFor();
    const covered = await page.evaluate(() => {
      const box = document.querySelector('.n-message')!.getBoundingClientRect();
      const hit = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
      };
      return ['.n-tabs-nav', '[data-testid="account-add"]', '[data-testid="export"]', '[data-testid="accounts-table"] thead'].filter((sel) => hit(document.querySelector(sel)));
    });
    expect(covered).toEqual([]);

    await show(VIEWS[3]);
    const scroller = page.getByTestId('history-scroller');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    expect(await page.getByText('Vendor task id', { exact: true }).isVisible()).toBe(true);
    const search = page.getByTestId('history-search').locator('input');
    const fits = await search.evaluate((el: HTMLInputElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const style = getComputedStyle(el);
      ctx.font = style.font;
      return ctx.measureText(el.placeholder).width <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });
    expect(fits).toBe(true);
    const duration = `[data-testid="history-row"][data-task="${taskId}"] [data-testid="history-duration"]`;
    const first = await page.locator(duration).textContent();
    expect(first).not.toBe('00:00:00');
    await page.waitForFunction(([sel, before]) => document.querySelector(sel ?? '')?.textContent !== before, [duration, first], { timeout: 5_000 });

    await show(VIEWS[2]);
    const gaps = await page.evaluate(() => {
      const text = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect();
      };
      const out: number[] = [];
      for (const row of document.querySelectorAll('.n-descriptions-table-row')) {
        const parts = [...row.querySelectorAll('.n-descriptions-table-header, .n-descriptions-table-content')].filter((el) => el.textContent?.trim());
        for (let i = 1; i < parts.length; i += 1) if (parts[i]!.classList.contains('n-descriptions-table-header')) out.push(Math.round(text(parts[i]!).left - text(parts[i - 1]!).right));
      }
      return out;
    });
    expect(gaps.filter((g) => g < 8)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('has no critical or serious axe-core violation on any view in either theme', async () => {
    const table: Record<string, Record<Impact, number>> = {};
    const serious: Record<string, string[]> = {};
    const rules: Record<string, string[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      await setPreferences('en-US', theme);
      for (const view of VIEWS) {
        await show(view);
        // A toast from an earlier step would be sampled mid-fade (its colours between two frames).
        await page.locator('.n-message').waitFor({ state: 'detached', timeout: 15_000 });
        await page.waitForTimeout(300);
        const violations = await axe();
        const row: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
        for (const v of violations) row[v.impact] += 1;
        table[`${view.name} (${theme})`] = row;
        rules[`${view.name} (${theme})`] = violations.map((v) => `${v.impact} ${v.id}`);
        const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
        if (bad.length > 0) serious[`${view.name} (${theme})`] = bad.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.summary?.split('\n').at(-1)?.trim() ?? ''})`).slice(0, 3).join(' | ')}`);
      }
    }
    writeFileSync(screenshotPath('axe').replace(/\.png$/, '.json'), JSON.stringify({ table, rules, serious }, null, 2));
    console.table(table);
    expect(serious).toEqual({});
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
