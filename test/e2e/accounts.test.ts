import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeKeychain, uniqueService } from '../main/support';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

const service = uniqueService();
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const SECRET = 'E2E-zego-server-secret-0011223344';

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN_SERVICE: service } });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'dark', acceptDownloads: true });
  page = await context.newPage();
  await page.goto(serve.url);
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('accounts-view').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await purgeKeychain(service).catch(() => {});
});

const input = (id: string) => page.getByTestId(id).locator('input').first();

describe('accounts and storage in the browser', () => {
  it('has the Sandbox accounts on first launch and tests their connection', async () => {
    await page.getByTestId('accounts-table').getByText('Sandbox · ZEGO').waitFor();
    for (const name of ['Sandbox · ZEGO', 'Sandbox · Tencent TIW', 'Sandbox · Tencent TRRO']) {
      await page.getByTestId(`account-${name}-test`).click();
      await page.getByTestId(`account-${name}-connection`).waitFor();
      expect(await page.getByTestId(`account-${name}-connection`).textContent()).toMatch(/^✓ Connected · \d+ ms$/);
    }
    await page.screenshot({ path: screenshotPath('accounts-sandbox-tested'), fullPage: true });
    await page.getByTestId('nav-live').click();
    await page.getByTestId('live-view').waitFor();
    await page.getByTestId('nav-accounts').click();
    expect(await page.getByTestId('account-Sandbox · ZEGO-connection').textContent()).toMatch(/^✓ Connected · \d+ ms$/);
  });

  it('labels the Sandbox accounts Sandbox and an optional secret left empty as optional, not missing', async () => {
    const cells = (name: string) =>
      page.evaluate((n) => {
        const row = [...document.querySelectorAll('[data-testid="accounts-table"] tbody tr')].find((r) => r.querySelector('[data-testid="account-row-name"]')?.textContent === n);
        const cell = (key: string) => row?.querySelector(`td[data-col-key="${key}"]`);
        return { environment: cell('environment')?.textContent, secrets: [...(cell('secrets')?.querySelectorAll('[data-secret]') ?? [])].map((t) => `${t.getAttribute('data-secret')} ${t.textContent}`) };
      }, name);
    await serve.invoke('secrets:clear', { owner: 'account', id: (await serve.invoke<{ id: string; name: string }[]>('accounts:list', {})).find((a) => a.name === 'Sandbox · Tencent TIW')?.id, field: 'callbackKey' });
    await page.reload();
    await page.getByTestId('accounts-table').getByText('Sandbox · Tencent TIW').waitFor();
    expect(await cells('Sandbox · Tencent TIW')).toEqual({
      environment: 'Sandbox',
      secrets: ['set ✓ SecretId', 'set ✓ SecretKey', 'set ✓ SDK secret key (UserSig)', 'optional – Callback key (optional)'],
    });
  });

  it('validates as you type and creates a ZEGO account with its secret', async () => {
    await page.getByTestId('account-add').click();
    await page.getByTestId('account-add-zego').click();
    await page.getByTestId('account-editor').waitFor();
    await input('account-input-name').fill('x'.repeat(70));
    await input('account-input-name').blur();
    await page.getByTestId('account-field-name').getByText('At most 64 characters').waitFor();
    await input('account-input-fields.appId').fill('12345');
    await input('account-input-name').fill('Studio A');
    await input('account-input-serverSecret').fill(SECRET);
    await page.screenshot({ path: screenshotPath('accounts-new-zego-form'), fullPage: true });
    await page.getByTestId('account-save').click();
    await page.getByTestId('accounts-table').getByText('Studio A').waitFor();
    await page.getByTestId('account-editor').waitFor({ state: 'detached' });
    const endpoint = await page.evaluate(() => [...document.querySelectorAll('[data-testid="accounts-table"] tbody tr')].find((r) => r.textContent?.includes('Studio A'))?.querySelector('td[data-col-key="endpoint"]')?.textContent);
    expect(endpoint).toBe("ZEGO Cloud Recording's public API (default)");
    await page.screenshot({ path: screenshotPath('accounts-list'), fullPage: true });
  });

  it('refuses a duplicate name at the field, from the core', async () => {
    await page.getByTestId('account-add').click();
    await page.getByTestId('account-add-zego').click();
    await input('account-input-name').fill('studio a');
    await input('account-input-fields.appId').fill('999');
    await page.getByTestId('account-save').click();
    await page.getByTestId('account-field-name').getByText(/already/i).waitFor();
    await page.screenshot({ path: screenshotPath('accounts-duplicate-name'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('account-editor').waitFor({ state: 'detached' });
  });

  it('shows a secret as write-only: configured, replace and clear', async () => {
    await page.getByTestId('account-Studio A-edit').click();
    await page.getByTestId('account-secret-serverSecret-status').waitFor();
    expect(await page.content()).not.toContain(SECRET);
    await page.getByTestId('account-secret-serverSecret-replace').click();
    await input('account-secret-serverSecret-input').fill('E2E-replaced-secret-99');
    await page.getByTestId('account-secret-serverSecret-save').click();
    await page.getByTestId('account-secret-serverSecret-status').waitFor();
    await page.screenshot({ path: screenshotPath('accounts-secret-configured'), fullPage: true });
    await page.getByTestId('account-secret-serverSecret-clear').click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('account-secret-serverSecret-input').waitFor();
    await page.screenshot({ path: screenshotPath('accounts-secret-cleared'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('account-editor').waitFor({ state: 'detached' });
    expect(await page.getByTestId('accounts-table').textContent()).toContain('✗ ServerSecret');
  });

  it('creates a storage target whose form follows the provider', async () => {
    await page.locator('.n-tabs-tab').getByText('Storage targets').click();
    await page.getByTestId('storage-add').click();
    await input('storage-input-name').fill('COS main');
    await input('storage-input-region').fill('ap-nanjing');
    await input('storage-input-bucket').fill('recording-1304123456');
    await input('storage-input-accessKeyId').fill('E2E-cos-key-id');
    await input('storage-input-accessKeySecret').fill('E2E-cos-key-secret');
    await page.screenshot({ path: screenshotPath('storage-new-cos'), fullPage: true });
    await page.getByTestId('storage-save').click();
    await page.getByTestId('storage-table').getByText('COS main').waitFor();
    await page.screenshot({ path: screenshotPath('storage-list'), fullPage: true });
  });

  it('exports without secrets and imports with a rename and a reminder', async () => {
    await page.locator('.n-tabs-tab').getByText('Vendor accounts').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'recdeck-accounts', secretsIncluded: false });
    expect(text).not.toContain('E2E-');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('Studio A (imported)');
    expect(await page.getByTestId('import-result').textContent()).not.toContain('Sandbox');
    await page.screenshot({ path: screenshotPath('accounts-imported'), fullPage: true });
    await page.getByRole('button', { name: 'OK' }).click();
  });

  it('asks before deleting and removes the account', async () => {
    await page.getByTestId('account-Studio A (imported)-delete').click();
    await page.getByText('Delete “Studio A (imported)”?').waitFor();
    await page.screenshot({ path: screenshotPath('accounts-delete-confirm'), fullPage: true });
    await page.getByRole('button', { name: 'Delete', exact: true }).last().click();
    await page.getByText('Deleted “Studio A (imported)”.').waitFor();
    await page.getByTestId('accounts-table').getByText('Studio A (imported)').waitFor({ state: 'detached' });
    expect(await page.getByTestId('accounts-table').textContent()).toContain('Studio A');
  });
});
