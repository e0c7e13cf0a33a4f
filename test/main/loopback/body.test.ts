import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '../../../src-main/loopback/body';

const LIMIT = 1024;
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req, LIMIT).then((body) => res.end(body === 'too-large' ? 'too-large' : `${body.length}:${body.toString('utf8').slice(0, 5)}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** POSTs `chunks` one by one; without `declared` the body goes chunked, with no length announced. */
function send(chunks: Buffer[], declared?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', headers: declared === undefined ? {} : { 'content-length': declared } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('the loopback body reader', () => {
  it('reads a body up to the limit and refuses one over it, declared or streamed', async () => {
    const exact = Buffer.alloc(LIMIT, 0x61);
    expect({
      empty: await send([], 0),
      exact: await send([exact], LIMIT),
      streamedExact: await send([exact.subarray(0, 600), exact.subarray(600)]),
      declaredOver: await send([Buffer.alloc(LIMIT + 1, 0x61)], LIMIT + 1),
      streamedOver: await send([exact, Buffer.from('b')]),
    }).toEqual({ empty: '0:', exact: `${LIMIT}:aaaaa`, streamedExact: `${LIMIT}:aaaaa`, declaredOver: 'too-large', streamedOver: 'too-large' });
  });
});
