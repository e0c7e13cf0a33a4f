import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TencentCloud API 3.0 signing (TC3-HMAC-SHA256), shared by the TIW and TRRO clients and by their
 * Sandbox emulators. Pure functions only: the caller supplies the timestamp, so known-answer tests
 * and the emulator's virtual clock drive it the same way.
 */

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
const TERMINATOR = 'tc3_request';

/** Lowercase hex SHA-256 of the exact bytes. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, msg: string): Buffer {
  return createHmac('sha256', key).update(msg, 'utf8').digest();
}

/** `YYYY-MM-DD` of a UNIX-seconds timestamp in UTC (never local time: docs/vendors/tencent-api3.md §3.2, the midnight bug). */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** `Date/service/tc3_request`. */
export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/${TERMINATOR}`;
}

/** One header to sign; name and value are lower-cased and trimmed as the doc prescribes. */
export interface SignedHeader {
  name: string;
  value: string;
}

/** Canonical header block (each line ends with `\n`) and the SignedHeaders list, both ASCII-sorted by name. */
export function canonicalHeaders(headers: readonly SignedHeader[]): { block: string; signedHeaders: string } {
  const norm = headers
    .map((h) => ({ name: h.name.trim().toLowerCase(), value: h.value.trim().toLowerCase() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    block: norm.map((h) => `${h.name}:${h.value}\n`).join(''),
    signedHeaders: norm.map((h) => h.name).join(';'),
  };
}

/** Step 1: the canonical request text. */
export function canonicalRequest(input: {
  method: string;
  /** Always `/` for API 3.0. */
  uri?: string;
  /** Text after `?` for GET; empty for POST. */
  query?: string;
  headers: readonly SignedHeader[];
  payloadHash: string;
}): string {
  const { block, signedHeaders } = canonicalHeaders(input.headers);
  return [input.method.toUpperCase(), input.uri ?? '/', input.query ?? '', block, signedHeaders, input.payloadHash].join('\n');
}

/** Step 2: the string to sign. */
export function stringToSign(timestamp: number, scope: string, hashedCanonicalRequest: string): string {
  return [TC3_ALGORITHM, String(timestamp), scope, hashedCanonicalRequest].join('\n');
}

/** Step 3: the derived key chain; intermediate keys are raw bytes. */
export function deriveSigningKey(
  secretKey: string,
  date: string,
  service: string,
): { secretDate: Buffer; secretService: Buffer; secretSigning: Buffer } {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  const secretSigning = hmac(secretService, TERMINATOR);
  return { secretDate, secretService, secretSigning };
}

/** Step 4: the Authorization header value. */
export function authorizationHeader(secretId: string, scope: string, signedHeaders: string, signature: string): string {
  return `${TC3_ALGORITHM} Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Everything a signature needs. */
export interface Tc3SignInput {
  method: 'POST' | 'GET';
  /** The host as signed, e.g. `tiw.tencentcloudapi.com` or `127.0.0.1:8123`. */
  host: string;
  service: string;
  contentType: string;
  /** Exact body bytes (POST) or `''` (GET). */
  payload: string | Buffer;
  query?: string;
  timestamp: number;
  secretId: string;
  secretKey: string;
  /** When set, `x-tc-action` is signed too (the current official example). */
  action?: string;
}

/** Every intermediate value, so tests can compare each against the worked examples of docs/vendors/tencent-api3.md §3.4. */
export interface Tc3Signature {
  payloadHash: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  credentialScope: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  authorization: string;
}

/** Signs one request end to end. */
export function signTc3(input: Tc3SignInput): Tc3Signature {
  const headers: SignedHeader[] = [
    { name: 'content-type', value: input.contentType },
    { name: 'host', value: input.host },
  ];
  if (input.action !== undefined) headers.push({ name: 'x-tc-action', value: input.action });
  const payloadHash = sha256Hex(input.payload);
  const canonical = canonicalRequest({ method: input.method, query: input.query ?? '', headers, payloadHash });
  const hashedCanonicalRequest = sha256Hex(canonical);
  const date = utcDate(input.timestamp);
  const scope = credentialScope(date, input.service);
  const toSign = stringToSign(input.timestamp, scope, hashedCanonicalRequest);
  const { secretSigning } = deriveSigningKey(input.secretKey, date, input.service);
  const signature = createHmac('sha256', secretSigning).update(toSign, 'utf8').digest('hex');
  const { signedHeaders } = canonicalHeaders(headers);
  return {
    payloadHash,
    canonicalRequest: canonical,
    hashedCanonicalRequest,
    credentialScope: scope,
    stringToSign: toSign,
    signedHeaders,
    signature,
    authorization: authorizationHeader(input.secretId, scope, signedHeaders, signature),
  };
}

/**
 * The request headers of one API 3.0 call, Authorization included. `headerAction` is the X-TC-Action
 * sent; it is signed too only when `action` is also given.
 */
export function tc3Headers(input: Tc3SignInput & { version: string; region?: string | null; headerAction?: string }): Record<string, string> {
  const signed = signTc3(input);
  const headers: Record<string, string> = {
    Authorization: signed.authorization,
    'Content-Type': input.contentType,
    'X-TC-Action': input.headerAction ?? input.action ?? '',
    'X-TC-Version': input.version,
    'X-TC-Timestamp': String(input.timestamp),
  };
  if (input.region) headers['X-TC-Region'] = input.region;
  return headers;
}

/** A parsed Authorization header. */
export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Parses `TC3-HMAC-SHA256 Credential=…/date/service/tc3_request, SignedHeaders=…, Signature=…`.
 * Null when the header is not in that exact shape (the emulator answers InvalidAuthorization).
 */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const m = /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
    header,
  );
  if (!m) return null;
  const [, secretId, date, service, signed, signature] = m as unknown as [string, string, string, string, string, string];
  return { secretId, date, service, signedHeaders: signed.split(';'), signature };
}

/** A received request as the verifier needs it. */
export interface Tc3VerifyInput {
  method: string;
  /** Raw query text after `?` (GET), `''` for POST. */
  query: string;
  /** Lower-cased header names → values as received. */
  headers: Record<string, string>;
  rawBody: Buffer;
  auth: ParsedAuthorization;
  timestamp: number;
  secretKey: string;
  /**
   * Host values the signer may have used: the Host header as received and the same without its port
   * (the official Node SDK signs the hostname but sends `host:port`).
   */
  hostCandidates: readonly string[];
}

/**
 * Recomputes the signature from what was received, using the SignedHeaders the client listed.
 * False when a signed header is missing, content-type/host are not signed, or no host candidate matches.
 */
export function verifyTc3(input: Tc3VerifyInput): boolean {
  const names = input.auth.signedHeaders;
  if (!names.includes('content-type') || !names.includes('host')) return false;
  const sorted = [...names].sort();
  if (sorted.join(';') !== names.join(';')) return false;
  const payloadHash = sha256Hex(input.rawBody);
  const { secretSigning } = deriveSigningKey(input.secretKey, input.auth.date, input.auth.service);
  const scope = credentialScope(input.auth.date, input.auth.service);
  const expected = Buffer.from(input.auth.signature, 'hex');
  for (const host of input.hostCandidates) {
    const headers: SignedHeader[] = [];
    for (const name of names) {
      const value = name === 'host' ? host : input.headers[name];
      if (value === undefined) return false;
      headers.push({ name, value });
    }
    const canonical = canonicalRequest({ method: input.method, query: input.query, headers, payloadHash });
    const toSign = stringToSign(input.timestamp, scope, sha256Hex(canonical));
    const actual = createHmac('sha256', secretSigning).update(toSign, 'utf8').digest();
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

/** Host candidates for {@link verifyTc3}: as received, and without a `:port` suffix. */
export function hostCandidates(hostHeader: string | undefined): string[] {
  if (!hostHeader) return [];
  const withoutPort = hostHeader.replace(/:\d+$/, '');
  return withoutPort === hostHeader ? [hostHeader] : [hostHeader, withoutPort];
}
