import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, type AppLocation } from '../../../../src-main/hosts/electron/trust';

const packaged: AppLocation = { kind: 'file', indexUrl: 'file:///opt/RecDeck/resources/app.asar/out/renderer/index.html' };
const dev: AppLocation = { kind: 'dev-server', origin: 'http://localhost:5173' };

describe('electron sender trust', () => {
  it.each([
    ['file:///opt/RecDeck/resources/app.asar/out/renderer/index.html#/live', packaged, true],
    ['file:///tmp/evil/index.html', packaged, false],
    ['file://evil-host/opt/RecDeck/resources/app.asar/out/renderer/index.html', packaged, false],
    ['https://evil.example/', packaged, false],
    ['not a url', packaged, false],
    ['http://localhost:5173/#/settings', dev, true],
    ['http://localhost:5174/', dev, false],
    ['http://localhost.evil.example:5173/', dev, false],
  ])('treats %s as app URL: %s', (url, location, expected) => {
    expect(isAppUrl(url, location)).toBe(expected);
  });

  it('needs a known webContents, the main frame and the app URL together', () => {
    const ok = { webContentsId: 1, frameUrl: 'http://localhost:5173/', isMainFrame: true };
    const ids = new Set([1]);
    expect(isTrustedSender(ok, ids, dev)).toBe(true);
    expect(isTrustedSender({ ...ok, webContentsId: 2 }, ids, dev)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, ids, dev)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, ids, dev)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://ads.example/' }, ids, dev)).toBe(false);
  });
});
