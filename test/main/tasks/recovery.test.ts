import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { SecretScrubber } from '../../../src-main/store/secret-scrubber';
import { TaskLedger } from '../../../src-main/store/task-ledger';
import { openTaskHarness, request, startKey, type TaskHarness } from './harness';

const CHILD = fileURLToPath(new URL('./fixtures/crash-child.mjs', import.meta.url));

let h: TaskHarness;
beforeEach(async () => {
  h = await openTaskHarness();
});
afterEach(async () => {
  await h.dispose();
});

function secretInputs(h: TaskHarness) {
  return [
    { owner: 'account', id: h.ids.zego, field: 'serverSecret', value: h.creds.zego.serverSecret },
    { owner: 'account', id: h.ids.tiw, field: 'secretId', value: h.creds['tencent-tiw'].secretId },
    { owner: 'account', id: h.ids.tiw, field: 'secretKey', value: h.creds['tencent-tiw'].secretKey },
    { owner: 'account', id: h.ids.tiw, field: 'sdkSecretKey', value: h.creds['tencent-tiw'].sdkSecretKey },
    { owner: 'account', id: h.ids.trro, field: 'secretId', value: h.creds['tencent-trro'].secretId },
    { owner: 'account', id: h.ids.trro, field: 'secretKey', value: h.creds['tencent-trro'].secretKey },
    { owner: 'storage', id: h.ids.storage, field: 'accessKeyId', value: h.storageKeys.accessKeyId },
    { owner: 'storage', id: h.ids.storage, field: 'accessKeySecret', value: h.storageKeys.accessKeySecret },
  ];
}

/** Runs the crash child and calls `onLine` for each stdout line until it resolves true; then SIGKILLs it. */
function runChild(config: Record<string, unknown>, onLine: (line: string, lines: string[]) => boolean | Promise<boolean>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', CHILD, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout!.on('data', async (c: Buffer) => {
      buffer += c.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (!killed && (await onLine(line, lines))) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`child exited ${code}: ${stderr.slice(0, 2000)}`))));
  });
}

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('crash recovery', () => {
  it('loses no committed event when the process is killed in the middle of writes', async () => {
    const t = await h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-k', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const lines = await runChild(
      { mode: 'writes', file: h.file, secrets: secretInputs(h), vendor: 'tencent-trro', accountId: h.ids.trro, vendorTaskId: t.vendorTaskId, at: h.sandbox.clock.now() },
      (_line, all) => all.length > 300,
    );
    const committed = lines.filter((l) => l.startsWith('committed ')).map((l) => l.slice('committed '.length));
    expect(committed.length).toBeGreaterThan(250);
    await h.relaunch();
    const keys = new Set(
      (h.db.prepare('SELECT dedupe_key AS k FROM task_events WHERE task_id = ? AND dedupe_key IS NOT NULL').all(t.id) as { k: string }[]).map((r) => r.k),
    );
    expect(committed.filter((k) => !keys.has(k))).toEqual([]);
    expect(h.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });

  it('finds a ZEGO task whose start was killed before the vendor answered, and alerts that it still runs', async () => {
    await h.sandbox.injectFault({ vendor: 'zego', kind: 'delay', ms: 60_000, afterProcessing: true });
    const key = startKey();
    await runChild(
      { mode: 'start', file: h.file, secrets: secretInputs(h), accountId: h.ids.zego, startKey: key, request: { roomId: 'room-crash', storageTargetId: h.ids.storage } },
      async (line) => {
        if (line !== 'ready') return false;
        await until(async () => ((await h.sandbox.control('zego', 'list-tasks', {})) as unknown[]).length === 1);
        return true;
      },
    );
    h.sandbox.clearFaults();
    await h.relaunch();
    const ledger = new TaskLedger(h.db, new SecretScrubber());
    const crashed = ledger.byStartKey(key)!;
    expect([crashed.state, crashed.vendorTaskId]).toEqual(['starting', null]);
    await h.advance(1500);
    const report = await h.tasks.recover();
    expect(report).toMatchObject({ checked: 1, resolved: 1, stillRunning: 1, lost: 0 });
    const vendorTask = ((await h.sandbox.control('zego', 'list-tasks', {})) as { taskId: string }[])[0]!;
    const d = h.tasks.get(crashed.id);
    expect(d.task).toMatchObject({ vendorTaskId: vendorTask.taskId, state: 'recording' });
    expect(h.alerts.map((a) => [a.taskId, a.kind])).toEqual([[crashed.id, 'still-running']]);
    // The child stamped its row with real time, the relaunch with the Sandbox's frozen clock: compare as a set.
    expect(d.events.map((e) => `${e.source} ${e.kind}`).sort()).toEqual(['operator action', 'system action', 'system state-changed']);
  });

  it('marks a TIW start killed before the answer lost, keeps a TRRO task with a note, and reconciles a running ZEGO task', async () => {
    const zego = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-r', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const trro = await h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-r', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const ledger = new TaskLedger(h.db, new SecretScrubber());
    const at = h.sandbox.clock.now();
    ledger.insert({
      id: 'crashed-tiw', vendor: 'tencent-tiw', accountId: h.ids.tiw, accountName: 'T', roomId: '55', vendorTaskId: null, startKey: startKey(), mode: 'single',
      state: 'starting', rawStatus: '', request: request({ roomId: '55' }), storageTargetId: null, presetId: null, streamIds: '', createdAt: at, startedAt: null,
      endedAt: null, updatedAt: at, lastSeenAt: null, forgotten: false, finishReason: null, error: null, extra: {}, deskId: null,
    });
    await h.relaunch();
    await h.advance(1500);
    const report = await h.tasks.recover();
    expect(report).toMatchObject({ checked: 3, lost: 1, stillRunning: 2, resolved: 0 });
    expect(h.tasks.get('crashed-tiw').task.state).toBe('lost');
    expect(h.tasks.get(zego.id).task.state).toBe('recording');
    const trroEvents = h.tasks.get(trro.id).events;
    expect(trroEvents.at(-1)?.summary).toMatch(/status comes only from callbacks/);
    expect(h.alerts.map((a) => a.kind).sort()).toEqual(['lost', 'still-running', 'still-running']);
  });
});

describe('background recovery', () => {
  it('leaves each task out of the poll targets until it is reconciled, and says how far it is', async () => {
    const a = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '601' }), presetId: null, startKey: startKey() });
    const b = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '602' }), presetId: null, startKey: startKey() });
    await h.relaunch();
    await h.advance(2500);
    await h.sandbox.injectFault({ vendor: 'tencent-tiw', kind: 'delay', ms: 1000, count: 1, afterProcessing: true });
    const poll = h.tasks.pollSource();
    const progress: Array<{ checked: number; total: number } | null> = [];
    const recovering = h.tasks.recover(() => progress.push(poll.recovery?.() ?? null));
    const atOnce = { targets: poll.targets().map((t) => t.id), recovery: poll.recovery?.() };
    await until(async () => poll.targets().length === 1);
    const midway = { recovery: poll.recovery?.(), slow: [a.id, b.id].filter((id) => !poll.targets().some((t) => t.id === id)).length };
    const report = await recovering;
    expect({ atOnce, midway, after: poll.targets().map((t) => t.id).sort(), recovery: poll.recovery?.(), progress, report }).toEqual({
      atOnce: { targets: [], recovery: { checked: 0, total: 2 } },
      midway: { recovery: { checked: 1, total: 2 }, slow: 1 },
      after: [a.id, b.id].sort(),
      recovery: null,
      progress: [{ checked: 1, total: 2 }, { checked: 2, total: 2 }, null],
      report: expect.objectContaining({ checked: 2, stillRunning: 2 }),
    });
  });
});

describe('the ledger file', () => {
  it('opens again after the harness closes it', () => {
    h.db.close();
    const db = openDatabase(h.file);
    expect((db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
