import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateKeyring, type PrivateKeyring } from '../helpers/private-keyring';
import { uniqueService } from '../main/support';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness';

let keyring: PrivateKeyring;
let serve: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  keyring = await startPrivateKeyring();
  serve = await startServe({ env: { DBUS_SESSION_BUS_ADDRESS: keyring.address, RECDECK_KEYCHAIN_SERVICE: uniqueService() } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await keyring?.stop();
});

describe('a keychain that disappears mid-session', () => {
  it('shows the banner and keeps the accounts list, secrets shown as last set', async () => {
    const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(serve.url);
    await page.getByTestId('live-view').waitFor();
    await serve.invoke('accounts:create', {
      vendor: 'zego',
      name: 'Studio K',
      environment: 'production',
      fields: { appId: 1234567890, regionHost: 'cloudrecord-api-sha.zego.im' },
      secrets: { serverSecret: 'E2E-keychain-loss-secret' },
    });
    expect(await page.getByTestId('keychain-banner').count()).toBe(0);

    await keyring.killDaemon();
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-table').getByText('Studio K').waitFor();
    await page.getByTestId('keychain-banner').waitFor();
    expect(await page.getByTestId('keychain-banner').textContent()).toMatch(/The keychain stopped answering.*restart RecDeck/);
    expect(await page.getByTestId('accounts-table').textContent()).toContain('✓ ServerSecret');
    await page.screenshot({ path: screenshotPath('keychain-lost-banner'), fullPage: true });

    await context.close();
  });
});
