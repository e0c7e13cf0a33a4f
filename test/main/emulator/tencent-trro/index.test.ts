import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../../src-main/emulator/server';
import { createTrroEmulator } from '../../../../src-main/emulator/tencent-trro';
import { codeOf, rawCall, type RawCall } from '../tencent-api3/harness';

const PROJECT = 'proj1';
const ID = 'AKIDsandboxTRRO';
const KEY = 'sandboxSecretKeyTRRO';
const clock = createVirtualClock({ start: Date.UTC(2025, 0, 1), speed: 0 });
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ clock, emulators: [createTrroEmulator] });
});
afterAll(async () => {
  await sandbox.close();
  clock.dispose();
});
beforeEach(async () => {
  await sandbox.control('tencent-trro', 'register-project', { projectId: PROJECT, secretId: ID, secretKey: KEY });
  await sandbox.control('tencent-trro', 'register-project', { projectId: 'foreign', secretId: 'AKIDother', secretKey: 'k' });
});
afterEach(async () => {
  await sandbox.control('tencent-trro', 'reset');
  await clock.advance(1000);
});

function call(action: string, body: unknown, extra: Partial<RawCall> = {}) {
  return rawCall({
    baseUrl: `${sandbox.baseUrl}/tencent-trro`,
    service: 'trro',
    version: '2022-03-25',
    action,
    body,
    secretId: ID,
    secretKey: KEY,
    timestamp: Math.floor(clock.now() / 1000),
    region: null,
    ...extra,
  });
}

const storage = { Vendor: 0, Bucket: 'b-1300000000', Region: 'ap-nanjing', AccessKey: 'a', SecretKey: 's' };
const body = (extra: Record<string, unknown> = {}) => ({ ProjectId: PROJECT, DeviceId: 'dev1', VideoStreamId: 0, CloudStorage: storage, ...extra });

describe('TRRO emulator', () => {
  it('works without X-TC-Region and rejects an unknown region', async () => {
    expect(codeOf((await call('CreateCloudRecording', body())).response)).toBeNull();
    expect(codeOf((await call('ModifyCallbackUrl', { ProjectId: PROJECT, CallbackUrl: '' }, { region: 'ap-mars' })).response)).toBe('UnsupportedRegion');
  });

  it('checks every documented CreateCloudRecording rule', async () => {
    const cases: [unknown, string][] = [
      [body({ VideoStreamId: '0' }), 'InvalidParameter'],
      [body({ Extra: 1 }), 'UnknownParameter'],
      [{ ProjectId: PROJECT, DeviceId: 'd', VideoStreamId: 0 }, 'MissingParameter'],
      [body({ CloudStorage: { ...storage, Bucket: '' } }), 'MissingParameter'],
      [body({ CloudStorage: { ...storage, Vendor: 2 } }), 'InvalidParameterValue'],
      [body({ CloudStorage: { ...storage, FileNamePrefix: ['ok', 'no/slash'] } }), 'InvalidParameterValue'],
      [body({ OutputFormat: 5 }), 'InvalidParameterValue'],
      [body({ MaxMediaFileDuration: 0 }), 'InvalidParameterValue'],
      [body({ MaxMediaFileDuration: 1441 }), 'InvalidParameterValue'],
      [body({ MaxIdleTime: 4 }), 'InvalidParameterValue'],
      [body({ MaxIdleTime: 86401 }), 'InvalidParameterValue'],
      [body({ ProjectId: 'nope' }), 'InvalidParameterValue'],
      [body({ ProjectId: 'foreign' }), 'OperationDenied'],
    ];
    for (const [b, code] of cases) expect([b, codeOf((await call('CreateCloudRecording', b)).response)]).toEqual([b, code]);
    for (const vendor of [0, 1]) {
      for (const format of [0, 1, 2, 3, 4]) {
        const ok = await call('CreateCloudRecording', body({ DeviceId: `d${vendor}${format}`, OutputFormat: format, MaxMediaFileDuration: 1440, MaxIdleTime: 86400, CloudStorage: { ...storage, Vendor: vendor } }));
        expect(codeOf(ok.response)).toBeNull();
      }
      await clock.advance(1000);
    }
  });

  it('refuses a second recording of the same device stream', async () => {
    await call('CreateCloudRecording', body());
    expect(codeOf((await call('CreateCloudRecording', body())).response)).toBe('OperationDenied');
    expect(codeOf((await call('CreateCloudRecording', body({ VideoStreamId: 1 }))).response)).toBeNull();
  });

  it('answers ModifyCallbackUrl with Code 0 and Msg ok, and rejects a non-http URL', async () => {
    const ok = await call('ModifyCallbackUrl', { ProjectId: PROJECT, CallbackUrl: 'https://example.com/trro', SignKey: 'k' });
    const bad = await call('ModifyCallbackUrl', { ProjectId: PROJECT, CallbackUrl: 'example.com' });
    expect([ok.response['Code'], ok.response['Msg'], codeOf(bad.response)]).toEqual([0, 'ok', 'InvalidParameterValue']);
  });

  it('throttles the 21st call of an API within a second', async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 21; i += 1) codes.push(codeOf((await call('DeleteCloudRecording', { TaskId: 'x' })).response));
    expect([codes[19], codes[20]]).toEqual(['InvalidParameterValue', 'RequestLimitExceeded']);
  });
});
