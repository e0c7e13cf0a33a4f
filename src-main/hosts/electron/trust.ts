/**
 * Sender checks for IPC (Electron security checklist #17: validate the sender of every message).
 * Pure so it is tested without Electron.
 */

/** Where the app's own page is served from. */
export type AppLocation = { kind: 'dev-server'; origin: string } | { kind: 'file'; indexUrl: string };

/** True when `frameUrl` is the app's own page: same dev-server origin, or exactly the packaged index.html. */
export function isAppUrl(frameUrl: string, location: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === new URL(location.origin).origin;
  const index = new URL(location.indexUrl);
  return url.protocol === 'file:' && url.host === '' && url.pathname === index.pathname;
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
