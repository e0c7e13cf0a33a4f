import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '../../../src-main/loopback/body';
import { flood } from './flood';

const LIMIT = 1024;
let server: Server;
let port = 0;
/** Bytes the server read from each connection, recorded when it closes. */
const bytesRead: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req, LIMIT).then((body) => {
      if (body === 'too-large') return void res.writeHead(413, { connection: 'close' }).end('too-large');
      res.end(`${body.length}:${body.toString('utf8').slice(0, 5)}`);
    });
  });
  server.on('connection', (s: Socket) => s.on('close', () => bytesRead.push(s.bytesRead)));
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

  it('stops reading at the limit: a 64 MiB body, declared or streamed, is neither read nor accepted to the end', async () => {
    const body = 64 * 1024 * 1024;
    bytesRead.length = 0;
    const declared = await flood(port, `POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${body}`, body);
    const streamed = await flood(port, 'POST / HTTP/1.1\r\nhost: x', body);
    await new Promise((r) => setTimeout(r, 50));
    expect({
      statuses: [declared.status, streamed.status],
      clientsStopped: [declared.bodyBytesSent, streamed.bodyBytesSent].map((n) => n < body / 4),
      serverReadAtMost1MiB: bytesRead.map((n) => n <= 1024 * 1024),
    }).toEqual({ statuses: [413, 413], clientsStopped: [true, true], serverReadAtMost1MiB: [true, true] });
  });
});
