import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The page's Content-Security-Policy, sent as a header by both hosts (the Electron host on its
 * `app://` responses, the browser host on its static files). `src-renderer/index.html` carries the
 * same policy in a `<meta>` tag, less `frame-ancestors`, which a meta tag cannot set.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The Content-Type a built renderer file is served with. */
export function contentTypeOf(file: string): string {
  return MIME[extname(file)] ?? 'application/octet-stream';
}

/** Why a path does not name a servable file: a bad URL path (400) or nothing there for us (404). */
export type RendererFileMiss = 'bad-path' | 'not-found';

/**
 * The file a URL path names inside the built renderer `root` (`/` is `index.html`), or why not.
 * Only regular files whose real path, symlinks resolved, lies inside `root` are served, so neither
 * `..` (plain or percent-encoded) nor a link inside `root` reaches anything else on disk.
 */
export async function resolveRendererFile(root: string, urlPath: string): Promise<{ file: string } | { miss: RendererFileMiss }> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { miss: 'bad-path' };
  }
  if (decoded.includes('\0')) return { miss: 'bad-path' };
  const wanted = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (!inside(root, wanted)) return { miss: 'not-found' };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(wanted)]);
    if (!inside(realRoot, realFile) || !(await stat(realFile)).isFile()) return { miss: 'not-found' };
    return { file: realFile };
  } catch {
    return { miss: 'not-found' };
  }
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
