import { msg, type Exchange, type InspectedExchange, type RecordingRequest, type SignedCurl, type TaskPreview } from '@contract';
import { storageSecretFields } from '../accounts/storage-service';
import { AppFailure } from '../errors/app-failure';
import type { SecretScrubber } from '../store/secret-scrubber';
import type { AccountRecord } from '../store/accounts-repo';
import type { CurlTarget, StorageShape, VendorAdapter } from '../vendors/adapter';
import { adapterOf } from '../vendors/registry';
import { PREVIEW_MASK } from '../vendors/shared/preview';
import type { TaskAccountAccess } from './actions';
import type { TaskJournal } from './journal';
import { requireCapability, unsupportedAction } from './refusals';

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
 * The storage target's shape for a preview: its keys are read only to learn which are set (and to
 * teach the scrubber their values); a missing key is shown as unset, not as an error.
 */
async function storageShape(accounts: TaskAccountAccess, scrubber: SecretScrubber, request: RecordingRequest): Promise<StorageShape | null> {
  if (request.storageTargetId === null) return null;
  const target = accounts.storage.require(request.storageTargetId);
  const { createdAt: _c, updatedAt: _u, ...rest } = target;
  let missing: string[] = [];
  try {
    scrubber.remember(Object.values((await accounts.storage.getStorageForSend(target.id)).keys));
  } catch (e) {
    if (!(e instanceof AppFailure && e.code === 'SECRET_MISSING')) throw e;
    missing = (e.details['fields'] as string[] | undefined) ?? [];
  }
  return { target: rest, keysSet: Object.fromEntries(storageSecretFields(target.provider).map((f) => [f, !missing.includes(f)])) };
}

/** `tasks:preview` for an account. */
export async function previewTask(accounts: TaskAccountAccess, scrubber: SecretScrubber, accountId: string, request: RecordingRequest): Promise<TaskPreview> {
  const record = accounts.accounts.require(accountId);
  const shape = await storageShape(accounts, scrubber, request);
  return buildPreview(record, adapterOf(record.vendor), request, shape, (s) => scrubber.scrub(s));
}

/** Paths of the body's values that are still masked, `a.b.c`. */
function maskedPaths(value: unknown, path = ''): string[] {
  if (value === PREVIEW_MASK) return [path];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => maskedPaths(v, path === '' ? k : `${path}.${k}`));
}

/** What `tasks:signedCurl` signs: the form's request on an account, or a task's status read. */
export type SignedCurlInput = { accountId: string; request: RecordingRequest } | { id: string };

/**
 * `tasks:signedCurl`: signed now in main with the account's secret, a command the vendor accepts until
 * `expiresAt`. Only where the vendor's signature names no secret (`capabilities.signedCurl`); secrets
 * in the body stay masked and their paths are listed, and `scrubber` masks any secret value it knows.
 */
export async function signedCurl(accounts: TaskAccountAccess, journal: TaskJournal, scrubber: SecretScrubber, input: SignedCurlInput, nowMs: number): Promise<SignedCurl> {
  let accountId: string;
  let target: CurlTarget;
  if ('id' in input) {
    const row = journal.require(input.id);
    requireCapability(adapterOf(row.vendor), 'query', msg('task.action.status'));
    if (row.accountId === null) throw new AppFailure('NOT_FOUND', msg('task.accountDeleted'), { details: { taskId: row.id } });
    if (row.vendorTaskId === null) throw new AppFailure('CONFLICT', msg('task.noVendorId'), { details: { taskId: row.id } });
    accountId = row.accountId;
    target = { kind: 'status', task: { vendorTaskId: row.vendorTaskId, request: row.request } };
  } else {
    accountId = input.accountId;
    target = { kind: 'start', request: input.request, storage: await storageShape(accounts, scrubber, input.request) };
  }
  const record = accounts.accounts.require(accountId);
  const adapter = adapterOf(record.vendor);
  if (!adapter.signForCurl) throw unsupportedAction(msg('task.action.signedCurl'));
  const credentials = await accounts.accounts.getAccountCredentials(accountId, { require: adapter.pingSecrets });
  scrubber.remember(Object.values(credentials.secrets).filter((v): v is string => typeof v === 'string'));
  const signed = adapter.signForCurl(credentials as never, credentials.endpoint ?? adapter.defaultBaseUrl(credentials as never), target, nowMs, 0);
  const body = JSON.parse(scrubber.scrub(JSON.stringify(signed.body ?? null)).split('***').join(PREVIEW_MASK)) as unknown;
  return { curl: scrubber.scrub(toCurl(signed.method, signed.url, {}, signed.headers, body)), expiresAt: signed.expiresAt, masked: maskedPaths(body) };
}

/**
 * A stored exchange for the request inspector: a `curl` line of it (the signature as placeholders, for a
 * stored request keeps none) and whether it only read. `account` gives the fields a vendor signs with
 * (a region); null once the account is gone.
 */
export function inspected(exchange: Exchange, adapter: VendorAdapter, account: { environment: string; fields: Record<string, unknown> } | null): InspectedExchange {
  const r = exchange.request as { method?: unknown; url?: unknown; body?: unknown } | null;
  const placeholders = adapter.curlPlaceholders(account ?? { environment: 'production', fields: {} }, exchange.action);
  const curl = r && typeof r.method === 'string' && typeof r.url === 'string' ? toCurl(r.method, r.url, placeholders.signatureQuery, placeholders.headers, r.body ?? null) : null;
  return { ...exchange, curl, read: adapter.readActions.includes(exchange.action) };
}
