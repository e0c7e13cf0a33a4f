import { formatMessage, type Message } from '@contract';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src-main/events/event-bus';
import { AppFailure } from '../../../src-main/errors/app-failure';
import { createDispatch, type CallContext, type Handlers } from '../../../src-main/ipc/dispatch';
import { appHandlers } from '../../../src-main/ipc/handlers/app';
import { captureLog } from '../../helpers/log';

const trusted: CallContext = { host: 'web', trusted: true, senderId: 'test' };

/** Only the app channels are exercised here; the others are never called. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return <Handlers>{
    ...appHandlers({
      name: 'RecDeck',
      version: '9.9.9',
      host: 'web',
      dataDir: '/tmp/x',
      keychain: () => ({ backend: 'keytar', available: true }),
      sandboxUrl: () => null,
      events: createEventBus(),
      now: () => 1234,
    }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a known channel with its handler value', async () => {
    const { log } = captureLog();
    const result = await createDispatch(handlers(), log)('app:ping', { echo: 'hi' }, trusted);
    expect(result).toEqual({ ok: true, value: { pong: true, at: 1234, echo: 'hi' } });
  });

  it('refuses a channel that is not in the contract without echoing its name', async () => {
    const { log, text } = captureLog();
    const dispatch = createDispatch(handlers(), log);
    const answers = await Promise.all(['fs:readFile', '<img src=x onerror=alert(1)>', 'ECHO-ME'.repeat(2000)].map((name) => dispatch(name, {}, trusted)));
    expect(answers).toEqual(Array(3).fill({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel' } }));
    expect(text()).not.toMatch(/readFile|onerror|ECHO-ME/);
  });

  it('refuses an untrusted sender before parsing or running anything', async () => {
    let ran = false;
    const { log, lines } = captureLog();
    const dispatch = createDispatch(handlers({ 'app:ping': () => ((ran = true), { pong: true as const, at: 0 }) }), log);
    const result = await dispatch('app:ping', {}, { ...trusted, trusted: false });
    expect(result.ok ? null : result.error.code).toBe('UNTRUSTED_SENDER');
    expect(ran).toBe(false);
    expect(lines.map((l) => l.event)).toEqual(['ipc.untrusted']);
  });

  it('answers bad input with issue paths and never echoes the submitted values', async () => {
    const { log } = captureLog();
    const secretish = 'x'.repeat(300) + 'SUBMITTED-VALUE';
    const result = await createDispatch(handlers(), log)('app:ping', { echo: secretish, extra: 'SUBMITTED-EXTRA' }, trusted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    const issues = result.error.details?.issues as { path: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['', 'echo']);
    expect(JSON.stringify(result)).not.toContain('SUBMITTED');
  });

  it('answers a 400 KB bad request with the first 20 issues, clipped, and a count of the rest', async () => {
    const { log } = captureLog();
    const dispatch = createDispatch(handlers(), log);
    const streams = Array<number>(200_000).fill(1);
    const request = { accountId: 'a', request: { roomId: 'r', streams } };
    const result = await dispatch('tasks:start', request, trusted);
    const longKey = await dispatch('app:ping', { ['K'.repeat(5000)]: 1 }, trusted);
    if (result.ok || longKey.ok) throw new Error('expected INVALID_INPUT');
    const details = result.error.details as { issues: { path: string }[]; moreIssues: number };
    const longKeyIssues = (longKey.error.details as { issues: { path: string; message: Message }[] }).issues;
    expect({
      requestBytes: JSON.stringify(request).length >= 400_000,
      answerBytes: JSON.stringify(result).length <= 4096,
      shown: details.issues.map((i) => i.path),
      moreIssues: details.moreIssues >= 200_000 - 20,
      longKeyMessage: longKeyIssues.map((i) => [i.path.length <= 200, formatMessage('en', i.message)]),
    }).toEqual({
      requestBytes: true,
      answerBytes: true,
      shown: Array.from({ length: 20 }, (_, i) => `request.streams.${i}`),
      moreIssues: true,
      longKeyMessage: [[true, 'Unknown field']],
    });
  });

  it('turns a thrown axios-like error into INTERNAL without stack, config or headers', async () => {
    const axiosLike = Object.assign(new Error('Request failed with status code 500'), {
      name: 'AxiosError',
      config: { headers: { Authorization: 'TC3-HMAC-SHA256 Credential=AKIDSECRET/…, Signature=deadbeef' }, url: 'https://x/?Signature=abc' },
      request: { headers: { 'x-tc-token': 'TOKEN-SECRET' } },
      response: { status: 500, headers: { 'set-cookie': 'SESSION-SECRET' } },
    });
    const { log, text } = captureLog();
    const dispatch = createDispatch(handlers({ 'app:info': () => { throw axiosLike; } }), log);
    const result = await dispatch('app:info', {}, trusted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/^Internal error \(ref [0-9a-f]{8}\)$/), text: { key: 'error.internal', params: { ref: expect.any(String) } } });
    for (const leak of ['AKIDSECRET', 'deadbeef', 'TOKEN-SECRET', 'SESSION-SECRET', 'Signature=abc', 'at ']) {
      expect(JSON.stringify(result)).not.toContain(leak);
      expect(text()).not.toContain(leak);
    }
  });

  it('passes a deliberate AppFailure through with its code and details', async () => {
    const { log } = captureLog();
    const dispatch = createDispatch(
      handlers({ 'app:info': () => { throw new AppFailure('NOT_FOUND', 'No such account', { details: { id: 'a1' } }); } }),
      log,
    );
    expect(await dispatch('app:info', {}, trusted)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such account', details: { id: 'a1' } },
    });
  });
});
