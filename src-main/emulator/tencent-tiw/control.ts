import { ControlError } from '../control';
import { rec } from '../tencent-api3/params';
import { failUploads, scheduleIdle, stopTask } from './lifecycle';
import { isLive, roomOf, type TiwWorld } from './model';

type Command = (w: TiwWorld, input: Record<string, unknown>) => unknown;

/** Accepts a Tencent Cloud account (SecretId/SecretKey) and an SdkAppId it owns; keeps an app's callback settings. */
function registerApp(w: TiwWorld, input: Record<string, unknown>): { ok: true } {
  const sdkAppId = Number(input['sdkAppId']);
  const secretId = String(input['secretId'] ?? '');
  const secretKey = String(input['secretKey'] ?? '');
  if (!Number.isInteger(sdkAppId) || secretId === '' || secretKey === '') throw new ControlError('register-app needs sdkAppId, secretId and secretKey');
  w.accounts.set(secretId, secretKey);
  const prev = w.apps.get(sdkAppId);
  w.apps.set(sdkAppId, {
    sdkAppId,
    owner: secretId,
    sdkSecretKey: typeof input['sdkSecretKey'] === 'string' ? input['sdkSecretKey'] : null,
    callback: prev?.callback ?? '',
    callbackKey: prev?.callbackKey ?? '',
    notRegistered: input['notRegistered'] === true,
    expired: input['expired'] === true,
  });
  return { ok: true };
}

/** A user starts or stops publishing (camera or screen) in a TRTC room. */
function publishChange(w: TiwWorld, input: Record<string, unknown>, on: boolean): { ok: true } {
  const sdkAppId = Number(input['sdkAppId']);
  const r = roomOf(w, sdkAppId, String(input['roomId']));
  const userId = String(input['userId']);
  const kind = input['kind'] === 'screen' ? 'screen' : 'camera';
  const now = w.clock.now();
  const open = r.sessions.find((s) => s.userId === userId && s.kind === kind && s.to === null);
  if (on && !open) r.sessions.push({ userId, kind, from: now, to: null });
  if (!on && open) open.to = now;
  r.lastActivityAt = now;
  for (const t of w.tasks.values()) if (t.sdkAppId === sdkAppId && t.avRoom === String(input['roomId'])) scheduleIdle(w, t);
  return { ok: true };
}

/** A whiteboard operation in the room: it postpones the AUTO stop. */
function roomActivity(w: TiwWorld, input: Record<string, unknown>): { ok: true } {
  const sdkAppId = Number(input['sdkAppId']);
  roomOf(w, sdkAppId, String(input['roomId'])).lastActivityAt = w.clock.now();
  for (const t of w.tasks.values()) if (t.sdkAppId === sdkAppId && String(t.roomId) === String(input['roomId'])) scheduleIdle(w, t);
  return { ok: true };
}

/** `glitch` only counts an exception; `exception`, `record-failed` and `empty` end the task as TIW would. */
function forceException(w: TiwWorld, input: Record<string, unknown>): { ok: true } {
  const task = w.tasks.get(String(input['taskId']));
  if (!task) throw new ControlError('unknown taskId');
  const kind = input['kind'] ?? 'exception';
  task.exceptionCnt += 1;
  if (kind === 'glitch') return { ok: true };
  if (!isLive(task)) throw new ControlError('task is not live');
  if (kind === 'record-failed') task.failure = { kind: 'record-failed', message: 'code: 40004, msg: recording failed (forced by the Sandbox)\n' };
  if (kind === 'empty') task.failure = { kind: 'empty' };
  stopTask(w, task, 'EXCEPTION');
  return { ok: true };
}

function reset(w: TiwWorld): { ok: true } {
  for (const t of w.tasks.values()) for (const cancel of t.cancelTimers) cancel();
  for (const cancel of w.idleTimers.values()) cancel();
  w.accounts.clear();
  w.apps.clear();
  w.tasks.clear();
  w.rooms.clear();
  w.idleTimers.clear();
  w.uploadFailures = 0;
  return { ok: true };
}

/** Live tasks in `roomId` (the whiteboard room or the TRTC room), for the Sandbox show's uniform commands. */
function tasksInRoom(w: TiwWorld, roomId: string) {
  return [...w.tasks.values()].filter((t) => isLive(t) && (String(t.roomId) === roomId || t.avRoom === roomId));
}

function roomPublishers(w: TiwWorld, input: Record<string, unknown>): { publishers: string[] } {
  const task = tasksInRoom(w, String(input['roomId']))[0];
  const sessions = task ? roomOf(w, task.sdkAppId, task.avRoom).sessions : [];
  return { publishers: [...new Set(sessions.filter((s) => s.to === null).map((s) => s.userId))] };
}

/** The Sandbox show: `userId` starts (or stops) publishing a camera in the TRTC room of every live task in `roomId`. */
function roomPublish(w: TiwWorld, input: Record<string, unknown>, on: boolean): { publishers: string[] } {
  const userId = typeof input['userId'] === 'string' && input['userId'] !== '' ? input['userId'] : 'guest';
  for (const t of tasksInRoom(w, String(input['roomId']))) publishChange(w, { sdkAppId: t.sdkAppId, roomId: t.avRoom, userId }, on);
  return roomPublishers(w, input);
}

const COMMANDS: Record<string, Command> = {
  'register-app': registerApp,
  publish: (w, input) => publishChange(w, input, true),
  unpublish: (w, input) => publishChange(w, input, false),
  'room-activity': roomActivity,
  'force-exception': forceException,
  'fail-task': (w, input) => forceException(w, { taskId: input['taskId'], kind: 'exception' }),
  'room-publish': (w, input) => roomPublish(w, input, true),
  'room-unpublish': (w, input) => roomPublish(w, input, false),
  'room-publishers': roomPublishers,
  'simulate-publishers': (w, input) => {
    w.simulatePublishers = input['on'] !== false;
    return { ok: true };
  },
  'upload-failure': (w, input) => {
    failUploads(w, Number(input['count'] ?? 1));
    return { ok: true };
  },
  tasks: (w) => [...w.tasks.values()].map((t) => ({ taskId: t.taskId, sdkAppId: t.sdkAppId, roomId: t.roomId, status: t.status, finishReason: t.finishReason })),
  reset,
};

/** The TIW commands of the Sandbox control API (`POST /control/tencent-tiw/<command>`). */
export async function tiwControl(w: TiwWorld, command: string, raw: unknown): Promise<unknown> {
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new ControlError(`unknown tencent-tiw control command: ${command}`);
  return run(w, rec(raw));
}
