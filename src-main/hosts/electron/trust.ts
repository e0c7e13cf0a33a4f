import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * Sender checks for IPC (Electron security checklist #17: validate the sender of every message), and
 * where the trusted page comes from. Pure so it is tested without Electron.
 */

/** Where the app's own page is served from: the dev server while developing, else `app://recdeck`. */
export type AppLocation = { kind: 'dev-server'; origin: string } | { kind: 'app-scheme' };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The page's location. `ELECTRON_RENDERER_URL` (set by `electron-vite dev`) counts only in an
 * unpackaged run and only on loopback: anything that can set a packaged app's environment must not
 * be able to point the trusted window, with its IPC bridge, at another origin.
 */
export function appLocation(options: { packaged: boolean; devUrl: string | undefined }): AppLocation {
  if (options.packaged || !options.devUrl) return { kind: 'app-scheme' };
  let url: URL;
  try {
    url = new URL(options.devUrl);
  } catch {
    return { kind: 'app-scheme' };
  }
  const local = (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  return local ? { kind: 'dev-server', origin: url.origin } : { kind: 'app-scheme' };
}

/** True when `frameUrl` is the app's own page: same dev-server origin, or `app://recdeck/…`. */
export function isAppUrl(frameUrl: string, location: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === location.origin;
  // Node gives non-special schemes an opaque origin, so scheme and host are compared instead.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

/** What the transport reads off an IPC event. */
export interface SenderFacts {
  webContentsId: number;
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** Known webContents, main frame, app URL: all three or the call is refused. */
export function isTrustedSender(facts: SenderFacts, trustedIds: ReadonlySet<number>, location: AppLocation): boolean {
  return trustedIds.has(facts.webContentsId) && facts.isMainFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl, location);
}
