import { formatMessage } from '@contract';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClockSkewStore, createVendorHttp, offsetFromDateHeader, parseJsonObject, redactDeep, toTransportError } from '../../../../src-main/vendors/shared/http';
import { AppFailure } from '../../../../src-main/errors/app-failure';

async function withServer(handler: Parameters<typeof createServer>[1], fn: (base: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    return toTransportError(e);
  }
  throw new Error('expected a failure');
}

describe('vendor http helpers', () => {
  it('maps a timeout to VENDOR_TIMEOUT with an unknown outcome and no URL or signature', async () => {
    await withServer(() => undefined, async (base) => {
      const e = await failure(createVendorHttp({ baseURL: base, timeoutMs: 100 }).post('/?Signature=abc&AccessKeySecret=zzz', '{}'));
      expect(e).toMatchObject({ code: 'VENDOR_TIMEOUT', retryable: true, details: { mayHaveReachedVendor: true } });
      expect(JSON.stringify(e.toAppError())).not.toMatch(/Signature|zzz|127\.0\.0\.1/);
      expect(formatMessage('zh-CN', e.text!)).toContain('未知');
    });
  });

  it('maps a reset to VENDOR_UNREACHABLE that may have reached the vendor, and a refused port to one that did not', async () => {
    await withServer((req) => req.socket.destroy(), async (base) => {
      expect(await failure(createVendorHttp({ baseURL: base, timeoutMs: 1000 }).get('/'))).toMatchObject({
        code: 'VENDOR_UNREACHABLE',
        details: { mayHaveReachedVendor: true },
      });
    });
    expect(await failure(createVendorHttp({ baseURL: 'http://127.0.0.1:1', timeoutMs: 1000 }).get('/'))).toMatchObject({
      code: 'VENDOR_UNREACHABLE',
      details: { transportCode: 'ECONNREFUSED', mayHaveReachedVendor: false },
    });
  });

  it('rejects 5xx as VENDOR_BAD_RESPONSE but resolves 4xx bodies as text', async () => {
    await withServer((req, res) => res.writeHead(req.url === '/bad' ? 500 : 403).end('{"Code":1}'), async (base) => {
      const http = createVendorHttp({ baseURL: base, timeoutMs: 1000 });
      expect(await failure(http.get('/bad'))).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', details: { httpStatus: 500 } });
      const ok = await http.get<string>('/forbidden');
      expect([ok.status, ok.data]).toEqual([403, '{"Code":1}']);
    });
  });

  it('parses JSON objects only', () => {
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 });
    for (const bad of ['[1]', '{"a":', 'null', 42]) expect(() => parseJsonObject(bad)).toThrow(AppFailure);
  });

  it('measures clock offsets from the Date header and remembers them per endpoint', () => {
    const local = Date.parse('2026-01-08T10:00:00Z');
    expect(offsetFromDateHeader('Thu, 08 Jan 2026 10:15:00 GMT', local)).toBe(900);
    expect(offsetFromDateHeader('Thu, 08 Jan 2026 09:59:30 GMT', local)).toBe(-30);
    expect(offsetFromDateHeader('garbage', local)).toBeNull();
    expect(offsetFromDateHeader(undefined, local)).toBeNull();
    const store = createClockSkewStore();
    store.set('https://a', 900);
    expect([store.get('https://a'), store.get('https://b')]).toEqual([900, 0]);
  });

  it('redacts named keys at any depth', () => {
    expect(redactDeep({ a: { AccessKeySecret: 's', list: [{ SecretKey: 'k', x: 1 }] }, AccessKeyId: '' }, new Set(['AccessKeySecret', 'SecretKey', 'AccessKeyId']))).toEqual({
      a: { AccessKeySecret: '***', list: [{ SecretKey: '***', x: 1 }] },
      AccessKeyId: '',
    });
  });
});
