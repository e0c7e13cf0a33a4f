import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_SCHEMAS } from '@contract';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, sandboxEmulators, type Sandbox } from '../../../../src-main/emulator/index';
import { AppFailure } from '../../../../src-main/errors/app-failure';
import { sandboxHandlers } from '../../../../src-main/ipc/handlers/sandbox';

const ctx = { host: 'web' as const, trusted: true, senderId: 't' };

/** What the renderer sees: the value, or the failure's code and message. */
async function outcome(sandbox: Sandbox | null, input: unknown): Promise<unknown> {
  const parsed = INVOKE_SCHEMAS['sandbox:control'].input.parse(input);
  try {
    return { value: await sandboxHandlers({ sandbox })['sandbox:control'](parsed, ctx) };
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe('sandbox:control', () => {
  const clock = createVirtualClock({ speed: 0 });
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ clock, emulators: sandboxEmulators() });
  });
  afterAll(async () => {
    await sandbox.close();
    clock.dispose();
  });

  it('answers UNSUPPORTED when the Sandbox is off', async () => {
    expect(await outcome(null, { vendor: 'clock', command: 'now' })).toEqual({ code: 'UNSUPPORTED', message: 'The Sandbox is not running' });
  });

  it('drives the clock, the faults and each vendor, and tells an unknown command from a bad input', async () => {
    const start = clock.now();
    expect([
      await outcome(sandbox, { vendor: 'clock', command: 'advance', input: { ms: 5000 } }),
      await outcome(sandbox, { vendor: 'clock', command: 'now' }),
      await outcome(sandbox, { vendor: 'clock', command: 'advance', input: { ms: -1 } }),
      await outcome(sandbox, { vendor: 'clock', command: 'rewind' }),
      await outcome(sandbox, { vendor: 'faults', command: 'inject', input: { vendor: 'zego', kind: 'reset', count: 2 } }),
      await outcome(sandbox, { vendor: 'faults', command: 'clear' }),
      await outcome(sandbox, { vendor: 'faults', command: 'inject', input: { vendor: 'zego', kind: 'meteor' } }),
      await outcome(sandbox, { vendor: 'faults', command: 'explode' }),
      await outcome(sandbox, { vendor: 'zego', command: 'register-app', input: { appId: 5, serverSecret: 'x' } }),
      await outcome(sandbox, { vendor: 'tencent-trro', command: 'tasks' }),
      await outcome(sandbox, { vendor: 'tencent-tiw', command: 'nope' }),
    ]).toEqual([
      { value: { now: start + 5000 } },
      { value: { now: start + 5000 } },
      { code: 'VALIDATION', message: 'ms must be a whole number of milliseconds up to 30 days' },
      { code: 'UNSUPPORTED', message: 'Unknown clock command "rewind"' },
      { value: null },
      { value: null },
      { code: 'VALIDATION', message: expect.stringContaining('"kind"') as unknown },
      { code: 'UNSUPPORTED', message: 'Unknown faults command "explode"' },
      { value: { appId: '5' } },
      { value: [] },
      { code: 'VALIDATION', message: 'unknown tencent-tiw control command: nope' },
    ]);
  });
});
