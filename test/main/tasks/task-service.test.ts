import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endedUnexpectedly, msg, type TaskDetail } from '@contract';
import { failure, MIX, openTaskHarness, request, startKey, type TaskHarness } from './harness';

let h: TaskHarness;
beforeEach(async () => {
  h = await openTaskHarness();
});
afterEach(async () => {
  await h.dispose();
});

const execFileAsync = promisify(execFile);

function timeline(d: TaskDetail): string[] {
  return d.events.map((e) => `${e.source} ${e.kind} ${e.state ?? '-'}`);
}

describe('the ZEGO lifecycle through the Sandbox', () => {
  it('starts, records, pauses, resumes, updates the layout, stops and finishes with files, writing the timeline and exchanges', async () => {
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-1', streamId: 's1', userId: 'u1' });
    const started = await h.tasks.start({
      accountId: h.ids.zego,
      request: request({ roomId: 'room-1', mode: 'mixed', mix: MIX, storageTargetId: h.ids.storage }),
      presetId: null,
      startKey: startKey(),
    });
    expect([started.state, started.vendorTaskId !== null]).toEqual(['starting', true]);
    const poll = h.tasks.pollSource();
    // ZEGO lists its tasks: a sweep covers this one, so it is read only when the sweep or the operator asks.
    expect(poll.targets()).toEqual([
      { id: started.id, accountId: h.ids.zego, laneKey: `zego:${h.creds.zego.appId}:DescribeRecordStatus`, ratePerSecond: 10, state: 'starting', lastSeenAt: expect.any(Number), changedAt: expect.any(Number), dueAt: null },
    ]);
    expect(poll.sweeps?.()).toEqual([{ key: `zego:${h.creds.zego.appId}:DescribeTasks`, accountId: h.ids.zego, laneKey: `zego:${h.creds.zego.appId}:DescribeTasks`, ratePerSecond: 10 }]);

    await h.advance(1500);
    expect(await poll.poll(started.id)).toBe('changed');
    const eventsAfterFirst = h.tasks.get(started.id).events.length;
    expect(await poll.poll(started.id)).toBe('unchanged');
    await h.advance(1000);
    expect(await poll.poll(started.id)).toBe('unchanged');
    expect(h.tasks.get(started.id).events.length).toBe(eventsAfterFirst);

    expect((await h.tasks.pause(started.id)).state).toBe('paused');
    expect((await h.tasks.resume(started.id)).state).toBe('recording');
    const custom = { ...MIX, layoutMode: 'custom' as const, regions: [{ id: 'r1', left: 0, top: 0, width: 640, height: 360, layer: 1, streamId: 's1' }] };
    await h.tasks.updateLayout(started.id, request({ roomId: 'x', mix: custom }).mix!);
    await h.tasks.snapshot(started.id);
    const stopping = await h.tasks.stop(started.id);
    expect(stopping.state).toBe('uploading');
    await h.advance(2500);
    expect(await poll.poll(started.id)).toBe('done');
    expect(poll.targets()).toEqual([]);

    const d = h.tasks.get(started.id);
    expect(d.task).toMatchObject({ state: 'finished', rawStatus: '3', fileCount: 1, filesUploaded: 1, filesFailed: 0 });
    expect(d.files[0]).toMatchObject({ kind: 'mixed', status: 'uploaded', url: expect.stringMatching(/^https:\/\//) });
    expect(d.request.mix?.layoutMode).toBe('custom');
    expect(timeline(d)).toEqual([
      'operator action starting',
      'operator action starting',
      'operator state-changed starting',
      'poll state-changed recording',
      'poll file-added recording',
      'operator action paused',
      'operator state-changed paused',
      'operator action recording',
      'operator state-changed recording',
      'operator action recording',
      'operator action recording',
      'operator action stopping',
      'operator state-changed uploading',
      'operator file-changed uploading',
      'poll state-changed finished',
      'poll file-changed finished',
    ]);
    expect(d.exchanges.map((e) => [e.action, typeof e.requestId, e.errorCode])).toEqual(
      [
        'StartRecord',
        'DescribeRecordStatus',
        'DescribeRecordStatus',
        'DescribeRecordStatus',
        'DescribeRecordStatus',
        'PauseRecord',
        'DescribeRecordStatus',
        'ResumeRecord',
        'DescribeRecordStatus',
        'UpdateLayout',
        'DescribeRecordStatus',
        'TakeSnapshot',
        'DescribeRecordStatus',
        'StopRecord',
        'DescribeRecordStatus',
        'DescribeRecordStatus',
      ].map((a) => [a, 'string', null]),
    );
    const start = d.exchanges[0]!;
    expect(start.request).toMatchObject({ method: 'POST', url: `${h.sandbox.baseUrl}/zego/?Action=StartRecord&AppId=${h.creds.zego.appId}` });
    expect(JSON.stringify(start.request)).toContain('"AccessKeySecret":"***"');
    expect(JSON.stringify(d)).not.toContain(h.storageKeys.accessKeySecret);
  });

  it('writes the state a task really came from when the operator starts, pauses, resumes and stops it', async () => {
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-from', streamId: 's1', userId: 'u1' });
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-from', mode: 'mixed', mix: MIX, storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await h.advance(1500);
    await h.tasks.pollSource().poll(t.id);
    await h.tasks.pause(t.id);
    await h.tasks.resume(t.id);
    await h.tasks.stop(t.id);
    const states = h.tasks.get(t.id).events.filter((e) => e.kind === 'state-changed').map((e) => e.summary);
    expect(states).toEqual([
      'state starting (ZEGO 1)',
      'state starting→recording (ZEGO 1→2)',
      'state recording→paused (ZEGO 2→5)',
      'state paused→recording (ZEGO 5→2)',
      'state recording→uploading (ZEGO 2→3)',
    ]);
  });

  it('says a task that idled out at the vendor ended without a stop from RecDeck', async () => {
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-empty', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await h.advance(1500);
    await h.tasks.pollSource().poll(t.id);
    await h.advance(31_000);
    await h.tasks.pollSource().poll(t.id);
    const d = h.tasks.get(t.id).task;
    expect([d.state, d.finishReason, endedUnexpectedly(d), h.alerts.map((a) => a.kind)]).toEqual(['finished', 'ended-by-vendor', true, ['ended-unexpectedly']]);
  });

  it('starts one task for a double click with the same startKey', async () => {
    const input = { accountId: h.ids.zego, request: request({ roomId: 'room-2', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() };
    const [a, b] = await Promise.all([h.tasks.start(input), h.tasks.start(input)]);
    const again = await h.tasks.start(input);
    expect([a.id === b.id, b.id === again.id]).toEqual([true, true]);
    const vendorTasks = (await h.sandbox.control('zego', 'list-tasks', {})) as unknown[];
    expect(vendorTasks).toHaveLength(1);
  });

  it('refuses an invalid request without writing a task', async () => {
    const e = await failure(h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-3' }), presetId: null, startKey: startKey() }));
    expect(e.code).toBe('VALIDATION');
    expect(h.tasks.active()).toEqual([]);
  });

  it('keeps the last known state and adds one system event when ZEGO forgets the task after 3 days', async () => {
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-4', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await h.advance(1500);
    await h.tasks.pollSource().poll(t.id);
    await h.advance(3 * 86_400_000 + 60_000);
    expect(await h.tasks.pollSource().poll(t.id)).toBe('forgotten');
    expect(await h.tasks.pollSource().poll(t.id)).toBe('done');
    const d = h.tasks.get(t.id);
    expect([d.task.state, d.task.forgotten]).toEqual(['recording', true]);
    expect(d.events.filter((e) => e.source === 'system').map((e) => e.summary)).toEqual(['vendor no longer knows the task; keeping the last known state recording']);
    expect(h.tasks.pollSource().targets()).toEqual([]);
  });

  it('answers pause on a single-stream ZEGO task with the vendor error and records it', async () => {
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-5', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await h.advance(1500);
    expect((await failure(h.tasks.pause(t.id))).code).toBe('VENDOR_INVALID_PARAMETER');
    expect((await failure(h.tasks.updateLayout(t.id, request({ roomId: 'x', mix: MIX }).mix!))).code).toBe('UNSUPPORTED');
    const d = h.tasks.get(t.id);
    expect(d.events.at(-1)).toMatchObject({ source: 'operator', kind: 'error', summary: 'Pause failed: VENDOR_INVALID_PARAMETER' });
    expect(d.task.error?.code).toBe('VENDOR_INVALID_PARAMETER');
  });
});

describe('the TIW lifecycle through the Sandbox', () => {
  it('starts, pauses, resumes, stops and finishes with the files TIW reports', async () => {
    const t = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '1234' }), presetId: null, startKey: startKey() });
    expect(h.tasks.pollSource().targets()[0]).toMatchObject({ laneKey: `tencent-tiw:${h.creds['tencent-tiw'].sdkAppId}:DescribeOnlineRecord`, ratePerSecond: 20 });
    await h.advance(2500);
    expect(await h.tasks.pollSource().poll(t.id)).toBe('changed');
    expect(await h.tasks.pollSource().poll(t.id)).toBe('unchanged');
    expect((await h.tasks.pause(t.id)).state).toBe('paused');
    expect((await h.tasks.resume(t.id)).state).toBe('recording');
    expect((await h.tasks.stop(t.id)).state).toBe('uploading');
    await h.advance(11_000);
    expect(await h.tasks.pollSource().poll(t.id)).toBe('done');
    const d = h.tasks.get(t.id);
    expect(d.task.state).toBe('finished');
    expect(d.files.length).toBeGreaterThan(0);
    expect(d.exchanges.every((e) => typeof e.requestId === 'string' && e.requestId !== '')).toBe(true);
    expect(d.exchanges[0]).toMatchObject({ action: 'StartOnlineRecord', request: { method: 'POST', url: `${h.sandbox.baseUrl}/tencent-tiw/` } });
    expect(JSON.stringify(d.exchanges[0]!.request)).toContain('"RecordUserSig":"***"');
    expect(timeline(d)).toEqual([
      'operator action starting',
      'operator action starting',
      'operator state-changed starting',
      'poll state-changed recording',
      'operator action paused',
      'operator state-changed paused',
      'operator action recording',
      'operator state-changed recording',
      'operator action stopping',
      'operator state-changed uploading',
      'poll state-changed finished',
      ...d.files.map(() => 'poll file-added finished'),
    ]);
  });

  it('marks a task TIW no longer knows as forgotten', async () => {
    const t = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '77' }), presetId: null, startKey: startKey() });
    await h.sandbox.control('tencent-tiw', 'reset', {});
    await h.sandbox.control('tencent-tiw', 'register-app', h.creds['tencent-tiw']);
    expect(await h.tasks.pollSource().poll(t.id)).toBe('forgotten');
    expect(h.tasks.get(t.id).task).toMatchObject({ state: 'starting', forgotten: true });
  });
});

describe('TRRO: start and stop, state from callbacks', () => {
  it('offers no pause and no status query, and follows callbacks to finished', async () => {
    const t = await h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-1', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    expect(t.state).toBe('recording');
    expect(h.tasks.pollSource().targets()).toEqual([]);
    expect((await failure(h.tasks.pause(t.id))).code).toBe('UNSUPPORTED');
    expect((await failure(h.tasks.refresh(t.id))).code).toBe('UNSUPPORTED');
    expect((await h.tasks.stop(t.id)).state).toBe('stopping');
    const sink = h.tasks.callbackSink();
    const base = { vendor: 'tencent-trro' as const, accountId: h.ids.trro, vendorTaskId: t.vendorTaskId!, raw: { EventType: 0 } };
    const at = h.sandbox.clock.now();
    expect(await sink.deliver({ ...base, dedupeKey: `${at}:303`, at, message: msg('timeline.callbackUnknown', { event: 'callback 303 recording stopped' }), patch: { state: 'uploading', rawStatus: '303' } })).toBe('merged');
    const file = {
      fileId: 'deck/x/device-1_0_1.mp4', streamId: null, userId: null, userName: null, format: 'mp4', kind: 'stream' as const, trackType: 'audio+video' as const,
      status: 'uploaded' as const, rawStatus: null, url: null, vendorVideoId: null, sizeBytes: null, durationMs: null, width: null, height: null, beginAt: at, playOffsetMs: null,
    };
    expect(await sink.deliver({ ...base, dedupeKey: `${at + 10_000}:310`, at: at + 10_000, message: msg('timeline.callbackUnknown', { event: 'callback 310 upload' }), patch: { files: [file] } })).toBe('merged');
    expect(await sink.deliver({ ...base, dedupeKey: `${at + 10_000}:305`, at: at + 10_000, message: msg('timeline.callbackUnknown', { event: 'callback 305 done' }), patch: { state: 'finished', rawStatus: '305' } })).toBe('merged');
    const d = h.tasks.get(t.id);
    expect(d.task).toMatchObject({ state: 'finished', rawStatus: '305', fileCount: 1, filesUploaded: 1 });
    expect(d.exchanges.map((e) => e.action)).toEqual(['CreateCloudRecording', 'DeleteCloudRecording']);
    expect(JSON.stringify(d.exchanges[0]!.request)).toContain('"SecretKey":"***"');
  });
});

describe('presets and clones', () => {
  it('saves a request as a preset with the storage target by reference, and starts from it', async () => {
    const req = request({ roomId: 'room-p', storageTargetId: h.ids.storage });
    const preset = h.tasks.presets.save({ name: 'Studio A', vendor: 'zego', accountId: h.ids.zego, request: req });
    expect(h.tasks.presets.list().map((p) => p.name)).toEqual(['Studio A']);
    expect(() => h.tasks.presets.save({ name: 'studio a', vendor: 'zego', accountId: null, request: req })).toThrow(/already exists/);
    const t = await h.tasks.start({ accountId: h.ids.zego, request: preset.request, presetId: preset.id, startKey: startKey() });
    const clone = h.tasks.get(t.id).request;
    expect(clone).toEqual(req);
    expect(JSON.stringify(preset)).not.toContain(h.storageKeys.accessKeyId);
    expect(h.tasks.presets.delete(preset.id)).toEqual({ deleted: true });
    expect(h.tasks.presets.list()).toEqual([]);
  });
});

describe('tasks:preview', () => {
  it('shows the ZEGO body with keys as ••••, the URL without signature and a cURL line with placeholders', async () => {
    const p = await h.tasks.preview(h.ids.zego, request({ roomId: 'room-v', storageTargetId: h.ids.storage }));
    expect(p.method).toBe('POST');
    expect(p.url).toBe(`${h.sandbox.baseUrl}/zego/?Action=StartRecord&AppId=${h.creds.zego.appId}`);
    expect(p.body).toMatchObject({ RoomId: 'room-v', StorageParams: { AccessKeyId: '••••', AccessKeySecret: '••••', Bucket: 'rec-1250000000' } });
    expect(p.curl).toContain('Signature=<SIGNATURE>');
    expect(p.curl).toContain('SignatureNonce=<NONCE>');
    expect(p.issues).toEqual([]);
    expect(JSON.stringify(p)).not.toContain(h.storageKeys.accessKeySecret);
  });

  it('shows Tencent requests with a TC3 placeholder and the validators’ issues', async () => {
    const tiw = await h.tasks.preview(h.ids.tiw, request({ roomId: 'not-a-number' }));
    expect(tiw.curl).toContain("-H 'Authorization: <TC3 AUTHORIZATION>'");
    expect(tiw.curl).toContain("-H 'X-TC-Action: StartOnlineRecord'");
    expect(tiw.body).toMatchObject({ RecordUserSig: '••••' });
    expect(tiw.issues.map((i) => i.path)).toEqual(['roomId']);
    const trro = await h.tasks.preview(h.ids.trro, request({ roomId: 'device-9', storageTargetId: h.ids.storage }));
    expect(trro.body).toMatchObject({ DeviceId: 'device-9', CloudStorage: { AccessKey: '••••', SecretKey: '••••' } });
    expect(trro.url).toBe(`${h.sandbox.baseUrl}/tencent-trro/`);
  });
});

describe('the request inspector', () => {
  it('gives each exchange a cURL line with its signature as placeholders, and says which only read', async () => {
    const z = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-insp', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const t = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '4321' }), presetId: null, startKey: startKey() });
    const rows = [...h.tasks.get(z.id).exchanges, ...h.tasks.get(t.id).exchanges].map((x) => [x.action, x.read, x.curl?.split(' \\\n  ')[0]]);
    expect(rows).toEqual([
      ['StartRecord', false, `curl -X POST '${h.sandbox.baseUrl}/zego/?Action=StartRecord&AppId=${h.creds.zego.appId}&SignatureNonce=<NONCE>&Timestamp=<TIMESTAMP>&SignatureVersion=2.0&Signature=<SIGNATURE>'`],
      ['DescribeRecordStatus', true, `curl -X POST '${h.sandbox.baseUrl}/zego/?Action=DescribeRecordStatus&AppId=${h.creds.zego.appId}&SignatureNonce=<NONCE>&Timestamp=<TIMESTAMP>&SignatureVersion=2.0&Signature=<SIGNATURE>'`],
      ['StartOnlineRecord', false, `curl -X POST '${h.sandbox.baseUrl}/tencent-tiw/'`],
      ['DescribeOnlineRecord', true, `curl -X POST '${h.sandbox.baseUrl}/tencent-tiw/'`],
    ]);
    const tiwStart = h.tasks.get(t.id).exchanges[0]!.curl ?? '';
    expect([tiwStart.includes("-H 'Authorization: <TC3 AUTHORIZATION>'"), tiwStart.includes("-H 'X-TC-Region: ap-singapore'"), tiwStart.includes(h.creds['tencent-tiw'].secretKey)]).toEqual([true, true, false]);
  });
});

describe('tasks:signedCurl', () => {
  const run = async (curl: string): Promise<Record<string, unknown>> => JSON.parse((await execFileAsync('bash', ['-c', `${curl} --silent`])).stdout) as Record<string, unknown>;

  it('signs a ZEGO status read that runs as it is until ZEGO’s 10-minute window closes, and never shows the secret', async () => {
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-curl', streamId: 's1', userId: 'u1' });
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-curl', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await h.advance(1500);
    const signed = await h.tasks.signedCurl({ id: t.id });
    expect([signed.expiresAt, signed.masked, signed.curl.includes(h.creds.zego.serverSecret)]).toEqual([h.sandbox.clock.now() - (h.sandbox.clock.now() % 1000) + 600_000, [], false]);
    const now = await run(signed.curl);
    await h.advance(601_000);
    const late = await run(signed.curl);
    expect([now['Code'], (now['Data'] as { Status?: number } | undefined)?.Status, late['Code']]).toEqual([0, 2, 100000004]);
  });

  it('signs the form’s ZEGO start with the storage keys still masked; with them pasted in, it starts the recording', async () => {
    const signed = await h.tasks.signedCurl({ accountId: h.ids.zego, request: request({ roomId: 'room-curl-start', storageTargetId: h.ids.storage }) });
    expect(signed.masked).toEqual(['StorageParams.AccessKeyId', 'StorageParams.AccessKeySecret']);
    expect(JSON.stringify(signed)).not.toContain(h.storageKeys.accessKeySecret);
    const pasted = signed.curl.replace('"AccessKeyId":"••••"', `"AccessKeyId":"${h.storageKeys.accessKeyId}"`).replace('"AccessKeySecret":"••••"', `"AccessKeySecret":"${h.storageKeys.accessKeySecret}"`);
    expect((await run(pasted))['Code']).toBe(0);
    expect(((await h.sandbox.control('zego', 'list-tasks', {})) as { roomId: string }[]).map((x) => x.roomId)).toEqual(['room-curl-start']);
  });

  it('offers no signed command where the signature would name a secret (Tencent’s SecretId)', async () => {
    const e = await failure(h.tasks.signedCurl({ accountId: h.ids.tiw, request: request({ roomId: '1234' }) }));
    expect(e.code).toBe('UNSUPPORTED');
  });
});

