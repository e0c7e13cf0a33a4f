/**
 * The allowlist for `shell.openExternal` (Electron security checklist #15): the URL the OS browser
 * may open for a link the page asked to open, or null. Only https leaves the machine: vendors hand
 * out some recording URLs as http (TIW's VideoUrl on `*.file.myqcloud.com`), which open as https on
 * the same host rather than in clear or not at all. Never file:, javascript:, custom protocols or
 * credentials in the URL. Pure so it is tested without Electron.
 */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:') url.protocol = 'https:';
  return url.href;
}
