import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumProfile, startServe, type ServeProcess } from './harness';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe({ env: { RECDECK_KEYCHAIN: 'session' } });
});
afterAll(async () => {
  await serve?.stop();
});

/** Every URL Chromium's history database recorded for the profile (read from a copy, as Chromium may hold the file). */
function historyUrls(profileDir: string): string[] {
  const file = join(profileDir, 'Default', 'History');
  if (!existsSync(file)) throw new Error(`no history database at ${file}`);
  const copy = join(mkdtempSync(join(tmpdir(), 'recdeck-history-')), 'History');
  copyFileSync(file, copy);
  const db = new DatabaseSync(copy, { readOnly: true });
  const urls = (db.prepare('SELECT url FROM urls').all() as { url: string }[]).map((r) => r.url);
  db.close();
  return urls;
}

const status = async (path: string, bearer: string): Promise<number> =>
  (await fetch(`${serve.origin}${path}`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body: '{}' })).status;

describe('the launch link', () => {
  it('leaves no working credential in the browser history: the printed code is spent, the session token was never in a URL', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'recdeck-profile-'));
    const context = await launchChromiumProfile(profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(serve.url);
    await page.getByTestId('live-view').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('about-version').waitFor();
    const session = await page.evaluate(() => sessionStorage.getItem('recdeck.session') ?? '');
    const addressBar = page.url();
    await page.reload();
    await page.getByTestId('about-version').waitFor();
    await context.close();

    const urls = historyUrls(profileDir);
    const code = new URL(serve.url).hash.replace('#token=', '');
    expect({
      addressBar: addressBar.includes(code),
      recorded: urls.some((u) => u.includes(`127.0.0.1:${new URL(serve.origin).port}`)),
      sessionInHistory: session.length > 0 && urls.some((u) => u.includes(session)),
      codeOpensApi: await status('/api/invoke/app:info', code),
      codeOpensSession: await status('/api/session', code),
      sessionOpensApi: await status('/api/invoke/app:info', session),
    }).toEqual({ addressBar: false, recorded: true, sessionInHistory: false, codeOpensApi: 401, codeOpensSession: 401, sessionOpensApi: 200 });
  });
});
