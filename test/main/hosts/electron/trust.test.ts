import { describe, expect, it } from 'vitest';
import { appLocation, isAppUrl, isTrustedSender, type AppLocation } from '../../../../src-main/hosts/electron/trust';

const packaged: AppLocation = { kind: 'app-scheme' };
const dev: AppLocation = { kind: 'dev-server', origin: 'http://localhost:5173' };

describe('electron sender trust', () => {
  it.each([
    ['app://recdeck/index.html#/live', packaged, true],
    ['app://recdeck/', packaged, true],
    ['app://evil/index.html', packaged, false],
    ['app://recdeck:8080/index.html', packaged, false],
    ['app://user@recdeck/index.html', packaged, false],
    ['file:///opt/RecDeck/resources/app.asar/out/renderer/index.html', packaged, false],
    ['file:///tmp/evil/index.html', packaged, false],
    ['https://evil.example/', packaged, false],
    ['not a url', packaged, false],
    ['http://localhost:5173/#/settings', dev, true],
    ['http://localhost:5174/', dev, false],
    ['http://localhost.evil.example:5173/', dev, false],
    ['app://recdeck/index.html', dev, false],
  ])('treats %s as app URL: %s', (url, location, expected) => {
    expect(isAppUrl(url, location)).toBe(expected);
  });

  it('needs a known webContents, the main frame and the app URL together', () => {
    const ok = { webContentsId: 1, frameUrl: 'app://recdeck/index.html', isMainFrame: true };
    const ids = new Set([1]);
    expect(isTrustedSender(ok, ids, packaged)).toBe(true);
    expect(isTrustedSender({ ...ok, webContentsId: 2 }, ids, packaged)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, ids, packaged)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, ids, packaged)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://ads.example/' }, ids, packaged)).toBe(false);
  });

  it('honours the dev-server URL only unpackaged and only on loopback', () => {
    const cases: [boolean, string | undefined][] = [
      [true, 'http://localhost:5173'],
      [true, 'https://evil.example/'],
      [false, undefined],
      [false, 'http://localhost:5173/'],
      [false, 'http://127.0.0.1:5173'],
      [false, 'https://evil.example/'],
      [false, 'http://localhost.evil.example:5173'],
      [false, 'file:///tmp/index.html'],
      [false, 'nonsense'],
    ];
    expect(cases.map(([packaged, devUrl]) => appLocation({ packaged, devUrl }))).toEqual([
      packaged,
      packaged,
      packaged,
      { kind: 'dev-server', origin: 'http://localhost:5173' },
      { kind: 'dev-server', origin: 'http://127.0.0.1:5173' },
      packaged,
      packaged,
      packaged,
      packaged,
    ]);
  });
});
