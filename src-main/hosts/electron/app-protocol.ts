import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveRendererFile } from '../renderer-files';

/**
 * The `app://` scheme the packaged renderer is served from (Electron security checklist #18: no
 * `file://`). Pages on `file://` share one origin with every file on disk; `app://recdeck` is an
 * origin of its own, answered only by {@link serveRenderer}, whose answers carry the CSP header.
 * Pure (no `electron` import) so it is tested on its own.
 */
export const APP_SCHEME = 'app';
/** The one host the scheme answers. */
export const APP_HOST = 'recdeck';
/** Where the main window loads the packaged renderer. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before `ready` (`protocol.registerSchemesAsPrivileged`): `standard` so relative URLs
 * and the origin work as on https, `secure` so the page is a secure context, `supportFetchAPI` as
 * Electron's own example has it. `corsEnabled` stays off: no other origin may read these files.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** The `protocol.handle` handler: GET/HEAD of files inside `rendererDir` on `app://recdeck/`, nothing else. */
export function serveRenderer(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const found = await resolveRendererFile(rendererDir, url.pathname);
    if ('miss' in found) return found.miss === 'bad-path' ? refuse(400, 'Bad path') : refuse(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(found.file);
    return new Response(body, { status: 200, headers: { 'content-type': contentTypeOf(found.file), ...SECURITY_HEADERS } });
  };
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}
