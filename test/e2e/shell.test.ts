import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

let serve: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('about-version').waitFor();
}

describe('the app shell in Chromium', () => {
  it('loads, hides the token, and shows app:info from the core in About', async () => {
    const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(serve.url);
    await page.getByTestId('live-view').waitFor();
    expect(page.url()).not.toContain('token');
    await openSettings(page);
    expect(await page.getByTestId('about-version').textContent()).toBe('RecDeck 0.1.0');
    expect(await page.getByTestId('about-host').textContent()).toBe('Browser host (127.0.0.1)');
    expect(await page.getByTestId('about-data-dir').textContent()).toBe(serve.dataDir);
    expect(await page.getByTestId('about-keychain').textContent()).toBe('This session only (memory)');
    expect(await page.getByTestId('about-sandbox').textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await page.getByTestId('keychain-banner').waitFor();
    await page.screenshot({ path: screenshotPath('shell-about-en-light'), fullPage: true });
    await context.close();
  });

  it('switches language and theme, and both stay after a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(await serve.newPageUrl());
    await openSettings(page);
    await page.getByTestId('language-zh').click();
    await page.getByTestId('theme-dark').click();
    expect(await page.getByTestId('nav-settings').textContent()).toBe('设置');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: screenshotPath('shell-about-zh-dark'), fullPage: true });

    await page.reload();
    await page.getByTestId('about-version').waitFor();
    expect(await page.getByTestId('nav-settings').textContent()).toBe('设置');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.getByTestId('about-host').textContent()).toBe('浏览器模式（127.0.0.1）');
    await page.screenshot({ path: screenshotPath('shell-about-zh-dark-after-reload'), fullPage: true });

    await page.getByTestId('language-en').click();
    await page.getByTestId('theme-light').click();
    expect(await page.getByTestId('nav-settings').textContent()).toBe('Settings');
    await page.screenshot({ path: screenshotPath('shell-about-en-light-switched-back'), fullPage: true });
    await context.close();
  });

  it('follows the browser language on first visit', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(await serve.newPageUrl());
    await page.getByTestId('live-view').waitFor();
    expect(await page.getByTestId('nav-live').textContent()).toBe('直播中');
    await page.screenshot({ path: screenshotPath('shell-first-visit-zh'), fullPage: true });
    await context.close();
  });

  it('npm start falls back to the browser host in one clear line when Electron is missing', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'recdeck-start-'))], {
      env: { ...process.env, RECDECK_SKIP_BUILD: '1', RECDECK_KEYCHAIN: 'session', ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => ((stdout += c.toString()), stdout.includes('\n') && resolve())));
    child.kill('SIGTERM');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^RecDeck: the Electron binary is not installed/)]);
    expect(stdout).toMatch(/^RecDeck listening on http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const other = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
    expect(await other.stop()).toBe(0);
  });
});
