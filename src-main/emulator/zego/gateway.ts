import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import { isObj, type Obj, type ZegoApp, type ZegoEmulatorOptions, type ZegoWorld } from './model';

/** The actions of Cloud Recording v2 the emulator serves. */
export const ZEGO_ACTIONS = [
  'StartRecord',
  'StopRecord',
  'PauseRecord',
  'ResumeRecord',
  'UpdateLayout',
  'UpdateWhiteboard',
  'DescribeRecordStatus',
  'DescribeTasks',
  'TakeSnapshot',
] as const;
/** One of {@link ZEGO_ACTIONS}. */
export type ZegoAction = (typeof ZEGO_ACTIONS)[number];

const MESSAGES: Record<number, string> = {
  100000001: 'AppId is invalid',
  100000002: 'Timestamp is empty',
  100000003: 'Timestamp is invalid',
  100000004: 'signature expired',
  100000005: 'signature error',
  100000006: 'Action is empty',
  100000007: 'Action is not supported',
  100000008: 'SignatureNonce is empty',
  100000009: 'Signature is empty',
  100000010: 'get server secret failed',
  100000013: 'SignatureVersion is empty',
  100000014: 'SignatureVersion is not supported',
  100000016: 'app has no production environment',
  300000002: 'service not enabled',
  300000003: 'request rate over limit',
  300000006: 'concurrent task limit exceeded',
  300001000: 'task not exist',
  300001001: 'task already ended',
  300001004: 'task is not paused',
};

function requestId(): string {
  return String(randomInt(1, 2 ** 47)) + String(randomInt(0, 100_000));
}

/** ZEGO's envelope: `{Code, Message, RequestId, Data?}`; errors use the configured HTTP status (200 by default). */
export function zegoAnswer(opts: ZegoEmulatorOptions, code: number, message?: string, data?: Obj): EmulatorResponse {
  const body: Obj = { Code: code, Message: message ?? (code === 0 ? 'succeed' : (MESSAGES[code] ?? 'error')), RequestId: requestId() };
  if (data) body['Data'] = data;
  return { status: code === 0 ? 200 : opts.errorHttpStatus, body: JSON.stringify(body) };
}

/** A request past the gateway: whose app it is, which action, and whether it asked for the test environment. */
export interface ZegoCall {
  app: ZegoApp;
  action: ZegoAction;
  isTest: boolean;
}

function isAction(action: string): action is ZegoAction {
  return (ZEGO_ACTIONS as readonly string[]).includes(action);
}

/** The public parameters in the documented order (docs/vendors/zego.md §2.3), then the signature (§3.1) and the service switch. */
export function authenticate(w: ZegoWorld, req: EmulatorRequest): ZegoCall | EmulatorResponse {
  const answer = (code: number): EmulatorResponse => zegoAnswer(w.opts, code);
  const q = req.url.searchParams;
  const action = q.get('Action') ?? '';
  if (!action) return answer(100000006);
  if (!isAction(action)) return answer(100000007);
  const appId = q.get('AppId') ?? '';
  if (!/^\d{1,10}$/.test(appId) || Number(appId) > 0xffffffff) return answer(100000001);
  const ts = q.get('Timestamp') ?? '';
  if (!ts) return answer(100000002);
  if (!/^\d{1,12}$/.test(ts)) return answer(100000003);
  const nonce = q.get('SignatureNonce') ?? '';
  if (!nonce || (w.opts.strictNonce && !/^[0-9a-f]{16}$/.test(nonce))) return answer(100000008);
  const signature = q.get('Signature') ?? '';
  if (!signature) return answer(100000009);
  const version = q.get('SignatureVersion') ?? '';
  if (!version) return answer(100000013);
  if (version !== '2.0') return answer(100000014);
  const app = w.apps.get(String(Number(appId)));
  if (!app) return answer(100000010);
  const isTest = (q.get('IsTest') ?? 'false').toLowerCase() === 'true';
  if (isTest !== app.testEnvironment) return answer(100000016);
  if (Math.abs(Math.floor(w.clock.now() / 1000) - Number(ts)) > w.opts.timestampWindowSec) return answer(100000004);
  const expected = createHash('md5').update(`${appId}${nonce}${app.serverSecret}${ts}`).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !/^[0-9a-f]{32}$/.test(signature) || !timingSafeEqual(given, expected)) return answer(100000005);
  if (!app.serviceEnabled) return answer(300000002);
  return { app, action, isTest };
}

/** Per AppId and action, per second: Start/Stop 50 (20 in the test environment), everything else 10. */
export function rateLimited(w: ZegoWorld, call: ZegoCall): boolean {
  const { action } = call;
  const limit = action === 'StartRecord' || action === 'StopRecord' ? (call.isTest ? 20 : 50) : 10;
  const key = `${call.app.appId}:${action}`;
  const now = w.clock.now();
  const hits = (w.hits.get(key) ?? []).filter((t) => t > now - 1000);
  if (hits.length >= limit) {
    w.hits.set(key, hits);
    return true;
  }
  hits.push(now);
  w.hits.set(key, hits);
  return false;
}

/** The throttling answer (also what the Sandbox's rate-limit-storm fault returns). */
export function zegoRateLimited(opts: ZegoEmulatorOptions): EmulatorResponse {
  return zegoAnswer(opts, 300000003);
}

/** The JSON object body, or ZEGO's 300000004 answer; an empty body counts as `{}`. */
export function parseBody(w: ZegoWorld, req: EmulatorRequest): { body: Obj } | { response: EmulatorResponse } {
  let body: unknown;
  try {
    body = req.rawBody.length === 0 ? {} : JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    return { response: zegoAnswer(w.opts, 300000004, 'invalid parameter: body is not JSON') };
  }
  if (!isObj(body)) return { response: zegoAnswer(w.opts, 300000004, 'invalid parameter: body is not a JSON object') };
  return { body };
}
