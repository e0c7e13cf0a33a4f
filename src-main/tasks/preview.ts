import type { RecordingRequest, TaskPreview } from '@contract';
import type { AccountRecord } from '../store/accounts-repo';
import type { StorageShape, VendorAdapter } from '../vendors/adapter';
import { PREVIEW_MASK } from '../vendors/shared/preview';

/** `'…'` for a POSIX shell: single quotes, with embedded ones closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `curl` line for a request: signature query parameters and headers appear as placeholders
 * (`<SIGNATURE>`, `<TC3 AUTHORIZATION>`), secrets in the body as ••••.
 */
export function toCurl(method: string, url: string, signatureQuery: Record<string, string>, headers: Record<string, string>, body: unknown): string {
  const query = Object.entries(signatureQuery)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const fullUrl = query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`;
  const parts = [`curl -X ${method} ${shellQuote(fullUrl)}`];
  for (const [k, v] of Object.entries(headers)) parts.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  if (body !== null && body !== undefined) parts.push(`--data-raw ${shellQuote(JSON.stringify(body))}`);
  return parts.join(' \\\n  ');
}

/**
 * What `tasks:preview` answers: the exact body the vendor would get for this account and request
 * (storage keys and other secrets as ••••), method, URL without signature, the contract validators'
 * issues and a cURL line with placeholders. `scrub` masks any secret value the service knows of, as
 * a last guard.
 */
export function buildPreview(
  account: Pick<AccountRecord, 'environment' | 'fields' | 'endpoint'>,
  adapter: VendorAdapter,
  request: RecordingRequest,
  storage: StorageShape | null,
  scrub: (text: string) => string,
): TaskPreview {
  const baseUrl = account.endpoint ?? adapter.defaultBaseUrl(account as never);
  const issues = adapter.validate(request, storage);
  let p;
  try {
    p = adapter.previewStart(account, baseUrl, request, storage, '<RECDECK TASK ID>');
  } catch {
    p = { method: 'POST', url: baseUrl, headers: {}, signatureQuery: {}, body: null };
  }
  const mask = (value: unknown): unknown => JSON.parse(scrub(JSON.stringify(value ?? null)).split('***').join(PREVIEW_MASK)) as unknown;
  const body = mask(p.body);
  return {
    body,
    method: p.method,
    url: p.url,
    curl: toCurl(p.method, p.url, p.signatureQuery, p.headers, body),
    issues,
  };
}
