import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordingRequestSchema, type RecordingRequestInput } from '@contract';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox } from '../../../../src-main/emulator/server';
import { createZegoEmulator, type ZegoEmulatorOptions } from '../../../../src-main/emulator/zego';
import { createClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../../src-main/vendors/shared/rate-limiter';
import { createZegoClient, type ZegoClientOptions } from '../../../../src-main/vendors/zego/client';
import type { ZegoStorage } from '../../../../src-main/vendors/zego/request';

export const APP_ID = 1234567;
export const SECRET = 'sandbox-secret-for-tests-0000000';

/** A Sandbox with the ZEGO emulator on a real-time virtual clock and one registered app. */
export async function zegoSandbox(options: Partial<ZegoEmulatorOptions> = {}) {
  const clock = createVirtualClock();
  const sandbox = await createSandbox({ clock, emulators: [createZegoEmulator(options)] });
  await sandbox.control('zego', 'register-app', { appId: APP_ID, serverSecret: SECRET, callbackSecret: 'cb-secret' });
  return {
    sandbox,
    clock,
    client(overrides: Partial<ZegoClientOptions> = {}) {
      return createZegoClient({
        baseUrl: `${sandbox.baseUrl}/zego`,
        appId: APP_ID,
        serverSecret: SECRET,
        isTest: null,
        limiter: createRateLimiter({ now: clock.now }),
        skew: createClockSkewStore(),
        timeoutMs: 400,
        now: clock.now,
        ...overrides,
      });
    },
    async close() {
      await sandbox.close();
      clock.dispose();
    },
  };
}

/** A loopback callback receiver; the first `failFirst` deliveries answer 500. */
export async function callbackReceiver(failFirst = 0): Promise<{ url: string; bodies: Array<Record<string, unknown>>; hits: () => number; close: () => Promise<void> }> {
  const bodies: Array<Record<string, unknown>> = [];
  let hits = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits += 1;
      if (hits <= failFirst) {
        res.writeHead(500).end();
        return;
      }
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/zego-callback`,
    bodies,
    hits: () => hits,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const STORAGE: ZegoStorage = {
  target: { provider: 'aliyun-oss', region: 'oss-cn-shanghai', bucket: 'rec', endpoint: null, pathPrefix: null, title: null, storageLocation: null, subAppId: null },
  keys: { accessKeyId: 'AKID-TEST', accessKeySecret: 'AK-SECRET-TEST' },
};

/** A parsed normalized request. */
export function request(input: Partial<RecordingRequestInput> = {}) {
  return RecordingRequestSchema.parse({ roomId: 'room-1', ...input });
}

/** A valid mixed request with a custom two-region layout. */
export function mixedRequest(extra: Partial<RecordingRequestInput> = {}) {
  return request({
    mode: 'mixed',
    mix: {
      layoutMode: 'custom',
      width: 1280,
      height: 720,
      fps: 15,
      bitrateBps: 1_500_000,
      outputStreamId: 'mix_out',
      regions: [
        { id: 'a', left: 0, top: 0, width: 640, height: 720, layer: 1, streamId: 's1' },
        { id: 'b', left: 640, top: 0, width: 640, height: 720, layer: 1, streamId: 's2' },
      ],
    },
    ...extra,
  });
}
