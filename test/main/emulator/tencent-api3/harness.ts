import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signTc3 } from '../../../../src-main/vendors/shared/tc3';

/** One raw API 3.0 call, signed (or deliberately mis-signed) by the test. */
export interface RawCall {
  baseUrl: string;
  service: string;
  version: string;
  action: string;
  body?: unknown;
  secretId: string;
  secretKey: string;
  timestamp: number;
  region?: string | null;
  signAction?: boolean;
  /** Host value put in the signature (defaults to the URL's host with port). */
  signedHost?: string;
  scopeService?: string;
  authorization?: string | null;
  method?: 'GET' | 'POST';
  query?: string;
  contentType?: string;
}

/** Sends one signed request with fetch and returns the parsed `Response` object and the HTTP status. */
export async function rawCall(c: RawCall): Promise<{ status: number; response: Record<string, unknown> }> {
  const method = c.method ?? 'POST';
  const url = new URL(`${c.baseUrl}/${method === 'GET' ? `?${c.query ?? ''}` : ''}`);
  const payload = method === 'GET' ? '' : typeof c.body === 'string' ? c.body : JSON.stringify(c.body ?? {});
  const contentType = c.contentType ?? (method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json');
  const signed = signTc3({
    method,
    host: c.signedHost ?? url.host,
    service: c.scopeService ?? c.service,
    contentType,
    payload,
    query: method === 'GET' ? (c.query ?? '') : '',
    timestamp: c.timestamp,
    secretId: c.secretId,
    secretKey: c.secretKey,
    ...(c.signAction === false ? {} : { action: c.action }),
  });
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-TC-Action': c.action,
    'X-TC-Version': c.version,
    'X-TC-Timestamp': String(c.timestamp),
  };
  if (c.region) headers['X-TC-Region'] = c.region;
  if (c.authorization !== null) headers['Authorization'] = c.authorization ?? signed.authorization;
  const res = await fetch(url, { method, headers, ...(method === 'POST' ? { body: payload } : {}) });
  const json = (await res.json()) as { Response: Record<string, unknown> };
  return { status: res.status, response: json.Response };
}

/** The error code of a Response, or null on success. */
export function codeOf(response: Record<string, unknown>): string | null {
  const e = response['Error'] as { Code?: string } | undefined;
  return e?.Code ?? null;
}

/** A loopback server that records every callback it receives. */
export async function callbackReceiver(): Promise<{
  url: string;
  received: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"error_code":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/cb`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
