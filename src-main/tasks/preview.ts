import type { RecordingRequest, TaskPreview } from '@contract';
import { storageSecretFields } from '../accounts/storage-service';
import { AppFailure } from '../errors/app-failure';
import type { SecretScrubber } from '../store/secret-scrubber';
import type { AccountRecord } from '../store/accounts-repo';
import type { StorageShape, VendorAdapter } from '../vendors/adapter';
import { adapterOf } from '../vendors/registry';
import { PREVIEW_MASK } from '../vendors/shared/preview';
import type { TaskAccountAccess } from './actions';

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

/**
 * `tasks:preview` for an account: the storage target's keys are read only to learn which are set (and
 * to teach the scrubber their values); a missing key is shown as unset, not as an error.
 */
export async function previewTask(accounts: TaskAccountAccess, scrubber: SecretScrubber, accountId: string, request: RecordingRequest): Promise<TaskPreview> {
  const record = accounts.accounts.require(accountId);
  let shape: StorageShape | null = null;
  if (request.storageTargetId !== null) {
    const target = accounts.storage.require(request.storageTargetId);
    const { createdAt: _c, updatedAt: _u, ...rest } = target;
    let missing: string[] = [];
    try {
      scrubber.remember(Object.values((await accounts.storage.getStorageForSend(target.id)).keys));
    } catch (e) {
      if (!(e instanceof AppFailure && e.code === 'SECRET_MISSING')) throw e;
      missing = (e.details['fields'] as string[] | undefined) ?? [];
    }
    shape = { target: rest, keysSet: Object.fromEntries(storageSecretFields(target.provider).map((f) => [f, !missing.includes(f)])) };
  }
  return buildPreview(record, adapterOf(record.vendor), request, shape, (s) => scrubber.scrub(s));
}
