import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, serveRenderer } from '../../../../src-main/hosts/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../src-main/hosts/renderer-files';
import { tempDir } from '../../support';

const { dir, cleanup } = tempDir('recdeck-app-scheme-');
afterAll(cleanup);
const renderer = join(dir, 'out', 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>RecDeck</title>');
writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(dir, 'out', 'secret.txt'), 'outside the renderer');
symlinkSync(join(dir, 'out', 'secret.txt'), join(renderer, 'assets', 'link.js'));
const serve = serveRenderer(renderer);

async function get(url: string, method = 'GET'): Promise<[number, string | null, string]> {
  const res = await serve(new Request(url, { method }));
  return [res.status, res.headers.get('content-type'), await res.text()];
}

describe('the app:// scheme', () => {
  it('serves the renderer with the CSP header', async () => {
    const res = await serve(new Request(APP_INDEX_URL));
    expect([res.status, res.headers.get('content-security-policy'), res.headers.get('x-content-type-options'), await res.text()]).toEqual([
      200,
      CONTENT_SECURITY_POLICY,
      'nosniff',
      '<!doctype html><title>RecDeck</title>',
    ]);
    expect(await get('app://recdeck/')).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>RecDeck</title>']);
    expect(await get('app://recdeck/assets/index.js?v=1#x')).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
  });

  it('refuses paths outside out/renderer, other hosts and methods', async () => {
    const statuses = await Promise.all(
      [
        'app://recdeck/%2e%2e/secret.txt',
        'app://recdeck/..%2fsecret.txt',
        'app://recdeck/assets/..%2f..%2fsecret.txt',
        'app://recdeck/assets/link.js',
        'app://recdeck/assets',
        'app://recdeck/missing.js',
        'app://recdeck/%E0%A4%A',
        'app://recdeck/index.html%00.js',
        'app://elsewhere/index.html',
      ].map(async (url) => [url, (await get(url))[0]]),
    );
    expect(statuses).toEqual([
      ['app://recdeck/%2e%2e/secret.txt', 404],
      ['app://recdeck/..%2fsecret.txt', 404],
      ['app://recdeck/assets/..%2f..%2fsecret.txt', 404],
      ['app://recdeck/assets/link.js', 404],
      ['app://recdeck/assets', 404],
      ['app://recdeck/missing.js', 404],
      ['app://recdeck/%E0%A4%A', 400],
      ['app://recdeck/index.html%00.js', 400],
      ['app://elsewhere/index.html', 404],
    ]);
    expect((await get(APP_INDEX_URL, 'POST'))[0]).toBe(405);
  });

  it('keeps the meta CSP of index.html the header policy less frame-ancestors', () => {
    const html = readFileSync(join(__dirname, '../../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace(" frame-ancestors 'none';", ''));
  });
});
