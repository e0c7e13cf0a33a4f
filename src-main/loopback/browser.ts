import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a browser sent the request: browsers add `Origin` to every cross-origin POST and
 * `Sec-Fetch-Site` (other than `none`, a typed address or bookmark) to whatever a page caused. A
 * cross-site form post needs neither CORS nor a preflight, so a loopback endpoint that only programs
 * may call (the Sandbox's control API, the callback receiver) refuses these outright.
 */
export function isBrowserRequest(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  return headers.origin !== undefined || (site !== undefined && site !== 'none');
}
