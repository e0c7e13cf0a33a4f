import { formatMessage } from '@contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppFailure } from '../../../../src-main/errors/app-failure';
import { createClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { APP_ID, STORAGE, callbackReceiver, mixedRequest, request, zegoSandbox } from './helpers';
import { vendorFailure } from '../../support';

type Env = Awaited<ReturnType<typeof zegoSandbox>>;
const op = { priority: 'operator' as const };

describe('ZEGO client against the Sandbox emulator', () => {
  let env: Env;
  beforeAll(async () => {
    env = await zegoSandbox();
  });
  afterAll(async () => {
    await env.close();
  });

  it('runs a mixed task through every action and ends with uploaded files', async () => {
    const client = env.client();
    const receiver = await callbackReceiver();
    await env.sandbox.control('zego', 'publish-stream', { roomId: 'room-life', streamId: 's1', userId: 'u1' });
    const started = await client.startRecord(mixedRequest({ roomId: 'room-life', callbackUrl: receiver.url }), STORAGE, { ...op, clientTaskId: 'c-life' });
    expect(started.taskId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(started.requestId).not.toBe('');
    expect(JSON.stringify(started.sentBody)).not.toContain('AK-SECRET-TEST');
    expect((started.sentBody['StorageParams'] as Record<string, unknown>)['AccessKeySecret']).toBe('***');

    expect((await client.describeRecordStatus(started.taskId, op)).status.state).toBe('starting');
    await env.clock.advance(1500);
    await env.sandbox.control('zego', 'publish-stream', { roomId: 'room-life', streamId: 's2', userId: 'u2' });
    await env.clock.advance(10_000);
    const live = await client.describeRecordStatus(started.taskId, { ...op, mixOutputStreamId: 'mix_out' });
    expect(live.status.state).toBe('recording');
    expect(live.status.files).toHaveLength(1);
    expect(live.status.files[0]).toMatchObject({ kind: 'mixed', status: 'recording', streamId: 'mix_out', width: 1280, height: 720, format: 'mp4', trackType: 'audio+video' });
    expect(live.status.files[0]?.fileId).toMatch(new RegExp(`^${started.taskId}_room-life_mix_out_VA_\\d{17}\\.mp4$`));

    await client.pauseRecord(started.taskId, op);
    expect((await client.describeRecordStatus(started.taskId, op)).status.state).toBe('paused');
    expect((await vendorFailure(client.pauseRecord(started.taskId, op))).code).toBe('VENDOR_INVALID_PARAMETER');
    await client.resumeRecord(started.taskId, op);
    expect((await vendorFailure(client.resumeRecord(started.taskId, op))).code).toBe('VENDOR_STATE');
    const layout = mixedRequest().mix!;
    const upd = await client.updateLayout(started.taskId, { ...layout, layoutMode: 'grid' }, op);
    expect(upd.sentBody).toEqual({ TaskId: started.taskId, MixMode: 2 });
    await client.updateLayout(started.taskId, layout, op);
    expect((await vendorFailure(client.updateWhiteboard(started.taskId, 'wb-1', op))).code).toBe('VENDOR_INVALID_PARAMETER');
    await client.takeSnapshot(started.taskId, op);

    const listed = await client.describeTasks({ status: 2, roomId: 'room-life', startTime: env.clock.now() - 60_000, endTime: env.clock.now() }, op);
    expect(listed.tasks.map((t) => t.taskId)).toEqual([started.taskId]);

    await client.stopRecord(started.taskId, op);
    const uploading = await client.describeRecordStatus(started.taskId, op);
    expect(uploading.status.state).toBe('uploading');
    expect(uploading.status.files[0]?.status).toBe('uploading');
    expect((await vendorFailure(client.stopRecord(started.taskId, op))).code).toBe('VENDOR_STATE');
    await env.clock.advance(2500);
    const done = await client.describeRecordStatus(started.taskId, op);
    expect(done.status.state).toBe('finished');
    const file = done.status.files[0]!;
    expect(file.status).toBe('uploaded');
    expect(file.url).toBe(`https://rec.sandbox-storage.invalid/${file.fileId}`);
    expect(file.durationMs).toBeGreaterThan(9000);
    expect(file.sizeBytes).toBeGreaterThan(0);
    const ended = await client.describeTasks({ status: 3, startTime: env.clock.now() - 60_000, endTime: env.clock.now() }, op);
    expect(ended.tasks.map((t) => t.taskId)).toContain(started.taskId);

    const events = receiver.bodies.map((b) => b['event_type']);
    expect(events).toEqual([201, 202, 1, 7, 1, 5]);
    const upload = receiver.bodies[4]!;
    expect(upload['detail']).toMatchObject({ upload_status: 1 });
    const { zegoCallbackSignature } = await import('../../../../src-main/vendors/zego/sign');
    expect(upload['signature']).toBe(zegoCallbackSignature('cb-secret', upload['timestamp'] as string, upload['nonce'] as string));
    expect(receiver.bodies.map((b) => b['sequence'])).toEqual([0, 1, 2, 3, 4, 5]);
    await receiver.close();
  });

  it('records one file per stream in single mode and splits audio and video for StreamType 4', async () => {
    const client = env.client();
    await env.sandbox.control('zego', 'publish-stream', { roomId: 'room-single', streamId: 'a', userId: 'ua', width: 640, height: 360 });
    const { taskId } = await client.startRecord(request({ roomId: 'room-single', streamType: 'audio,video', maxIdleSec: 5 }), STORAGE, { ...op, clientTaskId: null });
    await env.clock.advance(1000);
    await env.sandbox.control('zego', 'publish-stream', { roomId: 'room-single', streamId: 'b', userId: 'ub' });
    await env.clock.advance(3000);
    const s = await client.describeRecordStatus(taskId, op);
    expect(s.status.files.map((f) => [f.streamId, f.format, f.trackType, f.width])).toEqual([
      ['a', 'mp4', 'video', 640],
      ['a', 'aac', 'audio', 0],
      ['b', 'mp4', 'video', 1280],
      ['b', 'aac', 'audio', 0],
    ]);
    expect(s.status.files[0]?.fileId).toMatch(new RegExp(`^${taskId}_room-single_ua_a_V_\\d{17}\\.mp4$`));
    await env.sandbox.control('zego', 'stop-stream', { roomId: 'room-single', streamId: 'a' });
    await env.sandbox.control('zego', 'stop-stream', { roomId: 'room-single', streamId: 'b' });
    await env.clock.advance(6000);
    expect((await client.describeRecordStatus(taskId, op)).status.rawStatus).toBe('3');
  });

  it('stops a task at MaxRecordTime and marks upload failures as backup', async () => {
    const client = env.client();
    await env.sandbox.control('zego', 'publish-stream', { roomId: 'room-max', streamId: 'm', userId: 'um' });
    const { taskId } = await client.startRecord(request({ roomId: 'room-max', maxRecordSec: 300 }), STORAGE, { ...op, clientTaskId: null });
    await env.clock.advance(301_000);
    expect((await client.describeRecordStatus(taskId, op)).status.state).toBe('uploading');
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'upload-failure', count: 1, mode: 'backup' });
    await env.clock.advance(2500);
    const s = await client.describeRecordStatus(taskId, op);
    expect(s.status.state).toBe('finished');
    expect(s.status.files[0]).toMatchObject({ status: 'backup', rawStatus: '4' });
    expect(s.status.files[0]!.durationMs).toBeGreaterThanOrEqual(298_000);
  });

  it('maps authentication, task and environment errors', async () => {
    expect((await vendorFailure(env.client({ serverSecret: 'wrong' }).ping())).code).toBe('VENDOR_AUTH');
    const unknownApp = await vendorFailure(env.client({ appId: 999 }).ping());
    expect(unknownApp).toMatchObject({ code: 'VENDOR_AUTH', details: { vendorCode: 100000010 } });
    expect((await vendorFailure(env.client({ isTest: true }).ping())).details['vendorCode']).toBe(100000016);
    const missing = await vendorFailure(env.client().describeRecordStatus('AAAAAAAAAAAAAAAA', op));
    expect(missing.code).toBe('VENDOR_TASK_NOT_FOUND');
    expect(formatMessage('zh-CN', missing.text!)).toContain('找不到');
    expect(await env.client().ping()).toMatchObject({ requestId: expect.any(String) });
  });

  it('re-signs once with the measured offset when the vendor clock is skewed', async () => {
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'clock-skew', offsetSeconds: 1800 });
    try {
      const skew = createClockSkewStore();
      const pingErr = await vendorFailure(env.client({ skew }).ping());
      expect(pingErr.code).toBe('VENDOR_CLOCK_SKEW');
      expect(Math.abs((pingErr.details['offsetSeconds'] as number) - 1800)).toBeLessThanOrEqual(2);
      const client = env.client({ skew });
      const r = await client.describeTasks({ status: 2, startTime: env.clock.now() - 1000, endTime: env.clock.now() + 1000 }, op);
      expect(r.requestId).not.toBe('');
      expect(Math.abs(skew.get(`${env.sandbox.baseUrl}/zego`) - 1800)).toBeLessThanOrEqual(2);
    } finally {
      await env.sandbox.injectFault({ vendor: 'zego', kind: 'clock-skew', offsetSeconds: 0 });
    }
  });

  it('maps transport faults: rate-limit storm, 5xx, malformed JSON', async () => {
    const client = env.client();
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'rate-limit-storm', count: 1 });
    expect(await vendorFailure(client.ping())).toMatchObject({ code: 'VENDOR_RATE_LIMITED', retryable: true });
    await env.sandbox.injectFault({ vendor: 'zego', kind: '5xx', count: 1 });
    expect(await vendorFailure(client.ping())).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', details: { httpStatus: 503 } });
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'malformed', count: 1 });
    expect((await vendorFailure(client.ping())).code).toBe('VENDOR_BAD_RESPONSE');
  });

  it('enforces the documented rate limit per AppId and action', async () => {
    const client = env.client({ limiter: { acquire: async () => undefined, recent: () => 0 } });
    const t = env.clock.now();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => client.describeTasks({ status: 3, startTime: t - 1000, endTime: t }, op)),
    );
    const limited = results.filter((r) => r.status === 'rejected' && (r.reason as AppFailure).code === 'VENDOR_RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(2);
    await env.clock.advance(1100);
  });

  it('reconciles a StartRecord whose answer timed out and reports the task it started', async () => {
    const client = env.client({ timeoutMs: 200 });
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'delay', count: 1, ms: 500 });
    const r = await client.startRecord(request({ roomId: 'room-timeout' }), STORAGE, { ...op, clientTaskId: 'c-timeout' });
    expect(r.reconciled).toBe(true);
    const tasks = (await env.sandbox.control('zego', 'list-tasks')) as Array<{ roomId: string; taskId: string }>;
    expect(tasks.filter((t) => t.roomId === 'room-timeout').map((t) => t.taskId)).toEqual([r.taskId]);
  });

  it('reports not-started when the connection was reset before the emulator saw the request', async () => {
    const client = env.client();
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'reset', count: 1 });
    const e = await vendorFailure(client.startRecord(request({ roomId: 'room-reset' }), STORAGE, { ...op, clientTaskId: 'c-reset' }));
    expect(e).toMatchObject({ code: 'VENDOR_UNREACHABLE', retryable: true, details: { outcome: 'not-started' } });
  });

  it('reports unknown when two new tasks in the room could be the lost one', async () => {
    const client = env.client();
    await client.startRecord(request({ roomId: 'room-two' }), STORAGE, { ...op, clientTaskId: null });
    await env.sandbox.injectFault({ vendor: 'zego', kind: 'reset', count: 1, afterProcessing: true });
    const e = await vendorFailure(client.startRecord(request({ roomId: 'room-two' }), STORAGE, { ...op, clientTaskId: null }));
    expect(e.details['outcome']).toBe('unknown');
    expect(e.retryable).toBe(false);
  });

  it('returns the same task for a repeated ClientTaskId', async () => {
    const client = env.client();
    const a = await client.startRecord(request({ roomId: 'room-dup' }), STORAGE, { ...op, clientTaskId: 'same-key' });
    const b = await client.startRecord(request({ roomId: 'room-dup' }), STORAGE, { ...op, clientTaskId: 'same-key' });
    expect(b.taskId).toBe(a.taskId);
  });

  it('reports an unreachable endpoint', async () => {
    const client = env.client({ baseUrl: 'http://127.0.0.1:1/zego' });
    expect(await vendorFailure(client.ping())).toMatchObject({ code: 'VENDOR_UNREACHABLE', details: { mayHaveReachedVendor: false } });
  });

  it('reads the TaskList key too and hits the concurrency cap', async () => {
    const other = await zegoSandbox({ listKey: 'TaskList', concurrencyCap: 1 });
    try {
      const client = other.client();
      const { taskId } = await client.startRecord(request({ roomId: 'cap' }), STORAGE, { ...op, clientTaskId: null });
      const t = other.clock.now();
      expect((await client.describeTasks({ status: 2, startTime: t - 1000, endTime: t }, op)).tasks.map((x) => x.taskId)).toEqual([taskId]);
      expect((await vendorFailure(client.startRecord(request({ roomId: 'cap' }), STORAGE, { ...op, clientTaskId: null }))).code).toBe('VENDOR_LIMIT');
    } finally {
      await other.close();
    }
  });

  it('keeps tasks queryable for three days only', async () => {
    const other = await zegoSandbox();
    try {
      const client = other.client();
      const { taskId } = await client.startRecord(request({ roomId: 'old', maxIdleSec: 5 }), STORAGE, { ...op, clientTaskId: null });
      await other.clock.advance(3 * 86_400_000 + 1000);
      expect((await vendorFailure(client.describeRecordStatus(taskId, op))).code).toBe('VENDOR_TASK_NOT_FOUND');
      const t = other.clock.now();
      const tooOld = await vendorFailure(client.describeTasks({ status: 3, startTime: t - 4 * 86_400_000, endTime: t - 3 * 86_400_000 }, op));
      expect(tooOld).toMatchObject({ code: 'VENDOR_INVALID_PARAMETER', details: { vendorMessage: 'invalid parameter: StartTime' } });
    } finally {
      await other.close();
    }
  });

  it('reports every call to the call’s own sink with a redacted request', async () => {
    const records: unknown[] = [];
    const client = env.client();
    await client.startRecord(request({ roomId: 'room-log' }), STORAGE, { ...op, clientTaskId: null, onExchange: (r) => records.push(r) });
    expect(JSON.stringify(records)).not.toContain('AK-SECRET-TEST');
    expect(records[0]).toMatchObject({ action: 'StartRecord', errorCode: null, requestId: expect.any(String) });
    expect(APP_ID).toBe(1234567);
  });
});
