/**
 * The allowlist for `shell.openExternal` (Electron security checklist #15): only http(s) URLs with a
 * host, never file:, javascript:, custom protocols or credentials in the URL. Pure so it is tested
 * without Electron.
 */
export function isOpenableExternally(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
}
