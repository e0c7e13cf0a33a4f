import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/app/core';
import { startWebHost, type WebHost } from '../../../../src-main/hosts/web/server';
import { captureLog } from '../../../helpers/log';
import { testCore } from '../../../helpers/core';

const CAP = 32;
let host: WebHost;
let core: Core;

beforeAll(async () => {
  ({ core } = await testCore());
  const staticDir = mkdtempSync(join(tmpdir(), 'recdeck-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>RecDeck</title>');
  host = await startWebHost({
    core,
    staticDir,
    log: captureLog().log,
    limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 400, maxConnections: CAP },
  });
});
afterAll(async () => {
  await host.close();
  await core.close();
});

/** A connected socket and a promise of how long after connecting the server closed it (null: still open at `waitMs`). */
function silentSocket(waitMs: number, first?: string): Promise<{ socket: Socket; closedAfter: Promise<number | null> }> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1');
    socket.on('error', () => undefined);
    // Read (and drop) what the server answers, so its closing is seen.
    socket.resume();
    socket.once('connect', () => {
      const at = Date.now();
      if (first !== undefined) socket.write(first);
      const closedAfter = new Promise<number | null>((done) => {
        const timer = setTimeout(() => done(null), waitMs);
        socket.once('close', () => (clearTimeout(timer), done(Date.now() - at)));
      });
      resolve({ socket, closedAfter });
    });
  });
}

const ping = async (): Promise<number> =>
  (await fetch(`${host.url}api/invoke/app:ping`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{}' })).status;

describe('browser host connections', () => {
  it('closes a silent connection, a half-sent request and an idle kept-alive one after their timeouts', async () => {
    const [silent, partial, kept] = await Promise.all([
      silentSocket(3_000),
      silentSocket(3_000, `POST /api/invoke/app:ping HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nauthorization: Bearer ${host.token}\r\ncontent-length: 100\r\n\r\n{`),
      silentSocket(3_000, `GET / HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\n\r\n`),
    ]);
    const closed = await Promise.all([silent.closedAfter, partial.closedAfter, kept.closedAfter]);
    expect(closed.map((ms) => ms !== null && ms < 2_500)).toEqual([true, true, true]);
  });

  it('keeps answering the page while three times the cap of silent sockets connect, and holds at most the cap', async () => {
    const sockets = await Promise.all(Array.from({ length: CAP * 3 }, () => silentSocket(10_000)));
    const statuses = await Promise.all(Array.from({ length: 5 }, () => ping()));
    await new Promise((r) => setTimeout(r, 100));
    const open = sockets.filter((s) => !s.socket.destroyed && s.socket.readyState === 'open').length;
    for (const s of sockets) s.socket.destroy();
    expect({ statuses, heldAtMostCap: open <= CAP }).toEqual({ statuses: [200, 200, 200, 200, 200], heldAtMostCap: true });
  });

  it('keeps the event stream open past every timeout and through a flood of silent sockets', async () => {
    const res = await fetch(`${host.url}api/events`, { headers: { authorization: `Bearer ${host.token}` } });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    const sockets = await Promise.all(Array.from({ length: CAP * 2 }, () => silentSocket(10_000)));
    await new Promise((r) => setTimeout(r, 1_500));
    await core.dispatch('app:ping', {}, { host: 'web', trusted: true, senderId: 't' });
    let text = '';
    while (!text.includes('event: app:pinged')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    for (const s of sockets) s.socket.destroy();
    expect(text).toContain('event: app:pinged');
  });
});
