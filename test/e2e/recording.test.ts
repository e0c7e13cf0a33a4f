import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

/**
 * New recording against the in-process Sandbox, in Chromium: a preset saved and loaded, a mixed
 * layout edited by dragging (the region moves and the previewed body follows), the cURL copy with
 * placeholders for secrets, and a ZEGO mixed recording started with one click that shows up as a
 * task. Two streams are published through `sandbox:control` first so the mix has input.
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const ROOM = `e2e-rec-${Date.now().toString(36)}`;
const PRESET = 'E2E mixed four-grid';

const invoke = <T>(channel: string, input: unknown): Promise<T> => serve.invoke<T>(channel, input);

const input = (id: string) => page.getByTestId(id).locator('input').first();
const previewBody = () => page.getByTestId('preview-body');
const rectOf = async (id: string) => (await page.getByTestId(`layout-region-${id}`).getAttribute('data-rect'))?.split(',').map(Number) ?? [];

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
  page = await context.newPage();
  await page.goto(serve.url);
  await page.getByTestId('nav-new').click();
  await page.getByTestId('new-recording-view').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('new recording in the browser', () => {
  it('opens on the Sandbox ZEGO account with its note and the fields it supports', async () => {
    await page.getByTestId('account-select').getByText('Sandbox · ZEGO').waitFor();
    await page.getByTestId('vendor-note').waitFor();
    await page.getByTestId('section-room').waitFor();
    await page.getByTestId('input-storage').getByText('Sandbox · Storage (COS)').waitFor();
    await page.screenshot({ path: screenshotPath('recording-01-form'), fullPage: true });
  });

  it('validates as you type with the vendor’s messages at the field', async () => {
    await input('input-maxIdleSec').fill('2');
    await input('input-maxIdleSec').blur();
    await page.getByTestId('issue-maxIdleSec').getByText('Must be a whole number from 5 to 86400.').waitFor();
    await page.getByTestId('blocking').waitFor();
    expect(await page.getByTestId('start').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('recording-02-field-error'), fullPage: true });
    await input('input-maxIdleSec').fill('120');
    await input('input-maxIdleSec').blur();
    await page.getByTestId('issue-maxIdleSec').waitFor({ state: 'detached' });
  });

  it('edits a mixed layout by dragging: the region moves and the previewed body changes', async () => {
    await input('input-roomId').fill(ROOM);
    await page.getByTestId('mode-mixed').click();
    await page.getByTestId('layout-editor').waitFor();
    await page.getByTestId('layout-template-grid-4').click();
    await page.getByTestId('layout-region-r2').waitFor();
    await expect.poll(async () => (await previewBody().textContent()) ?? '', { timeout: 10_000 }).toContain(ROOM);
    await expect.poll(async () => (await previewBody().textContent()) ?? '', { timeout: 10_000 }).toMatch(/"Right": 1280/);
    const before = (await previewBody().textContent()) ?? '';
    const [left, top] = await rectOf('r2');
    expect([left, top]).toEqual([640, 0]);

    const box = (await page.getByTestId('layout-region-r2').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2 + 60, { steps: 10 });
    await page.screenshot({ path: screenshotPath('recording-03-layout-dragging'), fullPage: true });
    await page.mouse.up();

    const [movedLeft, movedTop] = await rectOf('r2');
    expect(movedLeft).toBeLessThan(640);
    expect(movedTop).toBeGreaterThan(0);
    await expect.poll(async () => (await previewBody().textContent()) ?? '', { timeout: 10_000 }).not.toBe(before);
    expect(await previewBody().textContent()).toContain(`"Left": ${movedLeft}`);
    await page.screenshot({ path: screenshotPath('recording-04-layout-moved'), fullPage: true });
  });

  it('undoes and redoes the drag from the keyboard and nudges with the arrows', async () => {
    const moved = await rectOf('r2');
    await page.getByTestId('layout-canvas').focus();
    await page.keyboard.press('Control+z');
    expect(await rectOf('r2')).toEqual([640, 0, 640, 360]);
    await page.keyboard.press('Control+Shift+z');
    expect(await rectOf('r2')).toEqual(moved);
    await page.keyboard.press('ArrowRight');
    expect((await rectOf('r2'))[0]).toBe((moved[0] ?? 0) + 1);
    await page.keyboard.press('Control+z');
    expect(await rectOf('r2')).toEqual(moved);
  });

  it('selects regions with the keyboard alone, then nudges and deletes the selected one', async () => {
    const before = await rectOf('r2');
    const focused = () => page.evaluate((): [string | null | undefined, boolean | undefined] => [document.activeElement?.getAttribute('data-testid'), document.activeElement?.classList.contains('selected')]);
    await page.getByTestId('layout-canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    const [first, firstSelected] = await focused();
    expect([first?.startsWith('layout-region-'), firstSelected]).toEqual([true, true]);
    for (let i = 0; i < 4 && (await focused())[0] !== 'layout-region-r2'; i += 1) await page.keyboard.press('Tab');
    expect(await focused()).toEqual(['layout-region-r2', true]);
    await page.keyboard.press('Shift+ArrowDown');
    expect(await rectOf('r2')).toEqual([before[0], (before[1] ?? 0) + 10, before[2], before[3]]);
    await page.keyboard.press('Delete');
    await page.getByTestId('layout-region-r2').waitFor({ state: 'detached' });
    expect((await focused())[0]).toBe('layout-canvas');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await rectOf('r2')).toEqual(before);
  });

  it('refuses a canvas above the vendor limit with the validator’s message', async () => {
    await input('layout-out-width').fill('2560');
    await input('layout-out-width').blur();
    await page.getByTestId('layout-issues').getByText('Must be a whole number from 1 to 1920.').waitFor();
    await page.screenshot({ path: screenshotPath('recording-05-layout-limit'), fullPage: true });
    await page.getByTestId('layout-undo').click();
    await page.getByTestId('layout-issues').getByText('Must be a whole number from 1 to 1920.').waitFor({ state: 'detached' });
  });

  it('copies the request as cURL with placeholders instead of secrets', async () => {
    // The preview follows the form after a short pause: wait until it shows the undone canvas again.
    await expect.poll(async () => (await previewBody().textContent()) ?? '', { timeout: 10_000 }).toContain('"Width": 1280');
    await page.getByTestId('preview-copy-curl').click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toMatch(/^curl /);
    expect(curl).toMatch(/<[A-Za-z_-]+>/);
    expect(curl).toContain(ROOM);
    await page.getByTestId('request-preview').getByText('cURL', { exact: true }).click();
    expect(await page.getByTestId('preview-curl').textContent()).toBe(curl);
    expect(await previewBody().textContent()).toContain('••••');
    await page.screenshot({ path: screenshotPath('recording-06-curl'), fullPage: true });
    await page.getByTestId('request-preview').getByText('Body', { exact: true }).click();
  });

  it('copies a start signed in the core for ZEGO: a real signature, no secret, the storage keys still masked', async () => {
    await page.getByTestId('preview-copy-signed').click();
    await page.getByText(/^Copied a start signed now; it runs as it is until /).waitFor();
    const signed = await page.evaluate(() => navigator.clipboard.readText());
    expect([/Signature=[0-9a-f]{32}/.test(signed), signed.includes(ROOM), signed.includes('••••'), /<[A-Za-z_-]+>/.test(signed.split('-d')[0] ?? '')]).toEqual([true, true, true, false]);
  });

  it('saves the form as a preset and loads it back', async () => {
    await page.getByTestId('preset-save').click();
    await input('preset-name').fill(PRESET);
    await page.getByTestId('preset-name-save').click();
    await page.getByText(`Saved preset “${PRESET}”.`).waitFor();
    await page.getByTestId('preset-select').getByText(PRESET).waitFor();
    await page.screenshot({ path: screenshotPath('recording-07-preset-saved'), fullPage: true });

    await page.getByTestId('form-reset').click();
    expect(await input('input-roomId').inputValue()).toBe('');
    await page.getByTestId('preset-select').click();
    await page.locator('.n-base-select-option').getByText(PRESET).click();
    await expect.poll(() => input('input-roomId').inputValue()).toBe(ROOM);
    await page.getByTestId('layout-region-r4').waitFor();
    expect((await rectOf('r2'))[0]).toBeLessThan(640);
  });

  it('starts a ZEGO mixed recording with one click on two published streams, and the task appears', async () => {
    for (const n of [1, 2]) {
      await invoke('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId: ROOM, streamId: `${ROOM}-s${n}`, userId: `user-${n}` } });
    }
    const start = page.getByTestId('start');
    expect(await start.isDisabled()).toBe(false);
    await start.click();
    await start.click({ force: true, timeout: 1000 }).catch(() => {});
    await page.waitForURL(/#\/(tasks\/[^/?]+|live)/, { timeout: 20_000 });
    await page.getByText(ROOM).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('recording-08-started'), fullPage: true });

    const active = await invoke<{ id: string; roomId: string; mode: string }[]>('tasks:active', {});
    const mine = active.filter((t) => t.roomId === ROOM);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.mode).toBe('mixed');
    const detail = await invoke<{ request: { mix: { layoutMode: string; regions: unknown[] } } }>('tasks:get', { id: mine[0]!.id });
    expect(detail.request.mix.layoutMode).toBe('custom');
    expect(detail.request.mix.regions).toHaveLength(4);
  });

  it('turns a pasted legacy start body into the form, listing removed secrets and unmapped fields', async () => {
    // Seed 003's own example, with a field the current API has no place for.
    const legacy = `{
      "app_id": 0000,
      "access_token": "LEGACY-TOKEN-123",
      "room_id": "legacy-room-7",
      "record_input_params": { "record_mode": 1, "stream_type": 3, "max_idle_time": 60, "mystery_flag": true },
      "record_output_params": { "output_file_format": "mp4", "output_folder": "record/" },
      "storage_params": { "storage_provider": 2, "region": "oss-cn-hangzhou", "bucket_name": "b1", "access_key_id": "LEGACY-AK", "access_key_secret": "LEGACY-SK" }
    }`;
    await page.getByTestId('nav-new').click();
    await page.getByTestId('new-recording-view').waitFor();
    await page.getByTestId('legacy-open').click();
    await page.getByTestId('legacy-text').locator('textarea').fill(legacy);
    await page.getByTestId('legacy-convert').click();
    await page.getByTestId('legacy-result').waitFor();
    expect(await page.getByTestId('legacy-unmapped').textContent()).toContain('record_input_params.mystery_flag');
    const secrets = await page.getByTestId('legacy-secrets').textContent();
    for (const path of ['access_token', 'storage_params.access_key_id', 'storage_params.access_key_secret']) expect(secrets).toContain(path);
    await page.screenshot({ path: screenshotPath('recording-08b-legacy-import') });
    expect(await page.content()).not.toMatch(/LEGACY-(TOKEN|AK|SK)/);
    await page.getByTestId('legacy-dialog').getByRole('button', { name: 'OK' }).click();
    expect(await input('input-roomId').inputValue()).toBe('legacy-room-7');
    expect(await input('input-maxIdleSec').inputValue()).toBe('60');
  });

  it('clones a past task’s request into the form from ?fromTask', async () => {
    const [task] = (await invoke<{ id: string; roomId: string }[]>('tasks:active', {})).filter((t) => t.roomId === ROOM);
    await page.goto(`${serve.origin}/#/new?fromTask=${task!.id}`);
    await page.getByTestId('clone-notice').waitFor();
    expect(await input('input-roomId').inputValue()).toBe(ROOM);
    await page.getByTestId('layout-region-r4').waitFor();
    await page.screenshot({ path: screenshotPath('recording-09-cloned'), fullPage: true });
  });

  it('deletes the preset after asking', async () => {
    await page.getByTestId('preset-select').click();
    await page.locator('.n-base-select-option').getByText(PRESET).click();
    await page.getByTestId('preset-delete').click();
    await page.getByText(`Delete preset “${PRESET}”?`).waitFor();
    await page.getByRole('button', { name: 'Delete' }).last().click();
    await page.getByText(`Deleted preset “${PRESET}”.`).waitFor();
    expect(await invoke<{ name: string }[]>('presets:list', {})).toEqual([]);
  });
});
