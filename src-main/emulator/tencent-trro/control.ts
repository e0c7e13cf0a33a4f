import { ControlError } from '../control';
import { rec } from '../tencent-api3/params';
import { failUploads, scheduleIdle, stopTask } from './lifecycle';
import { streamKey, type TrroWorld } from './model';

type Command = (w: TrroWorld, input: Record<string, unknown>) => unknown;

/** Accepts a Tencent Cloud account (SecretId/SecretKey) and a project it owns; keeps a project's callback settings. */
function registerProject(w: TrroWorld, input: Record<string, unknown>): { ok: true } {
  const projectId = String(input['projectId'] ?? '');
  const secretId = String(input['secretId'] ?? '');
  const secretKey = String(input['secretKey'] ?? '');
  if (projectId === '' || secretId === '' || secretKey === '') throw new ControlError('register-project needs projectId, secretId and secretKey');
  w.accounts.set(secretId, secretKey);
  const prev = w.projects.get(projectId);
  w.projects.set(projectId, { owner: secretId, callbackUrl: prev?.callbackUrl ?? '', signKey: prev?.signKey ?? '' });
  return { ok: true };
}

/** A device starts or stops publishing a video stream. */
function publishChange(w: TrroWorld, input: Record<string, unknown>, publishing: boolean): { ok: true } {
  const projectId = String(input['projectId']);
  const deviceId = String(input['deviceId']);
  const videoStreamId = Number(input['videoStreamId'] ?? 0);
  w.streams.set(streamKey(projectId, deviceId, videoStreamId), { publishing, at: w.clock.now() });
  for (const t of w.tasks.values()) if (t.projectId === projectId && t.deviceId === deviceId && t.videoStreamId === videoStreamId) scheduleIdle(w, t);
  return { ok: true };
}

function forceException(w: TrroWorld, input: Record<string, unknown>): { ok: true } {
  const task = w.tasks.get(String(input['taskId']));
  if (!task || !task.live) throw new ControlError('unknown or ended taskId');
  // Recorder lost: TRTC LeaveCode 100 (timeout).
  stopTask(w, task, 100, w.clock.now());
  return { ok: true };
}

function reset(w: TrroWorld): { ok: true } {
  for (const t of w.tasks.values()) t.cancelIdle?.();
  w.accounts.clear();
  w.projects.clear();
  w.tasks.clear();
  w.streams.clear();
  w.uploadFailures = 0;
  return { ok: true };
}

/**
 * The Sandbox show's uniform commands: a TRRO "room" is a device, its publishers its video streams
 * (`userId` is the stream's number, 0 by default), in every project that records that device.
 */
function roomPublish(w: TrroWorld, input: Record<string, unknown>, publishing: boolean): { publishers: string[] } {
  const deviceId = String(input['roomId']);
  const videoStreamId = Number.isInteger(Number(input['userId'])) ? Number(input['userId']) : 0;
  const projects = new Set([...w.tasks.values()].filter((t) => t.live && t.deviceId === deviceId).map((t) => t.projectId));
  for (const projectId of projects) publishChange(w, { projectId, deviceId, videoStreamId }, publishing);
  return roomPublishers(w, input);
}

function roomPublishers(w: TrroWorld, input: Record<string, unknown>): { publishers: string[] } {
  const deviceId = String(input['roomId']);
  const live = [...w.tasks.values()].filter((t) => t.live && t.deviceId === deviceId);
  return { publishers: [...new Set(live.filter((t) => w.streams.get(streamKey(t.projectId, deviceId, t.videoStreamId))?.publishing).map((t) => String(t.videoStreamId)))] };
}

const COMMANDS: Record<string, Command> = {
  'register-project': registerProject,
  publish: (w, input) => publishChange(w, input, true),
  unpublish: (w, input) => publishChange(w, input, false),
  'force-exception': forceException,
  'fail-task': forceException,
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
  tasks: (w) => [...w.tasks.values()].map((t) => ({ taskId: t.taskId, projectId: t.projectId, deviceId: t.deviceId, live: t.live, startAt: t.startAt, stopAt: t.stopAt })),
  reset,
};

/** The TRRO commands of the Sandbox control API (`POST /control/tencent-trro/<command>`). */
export async function trroControl(w: TrroWorld, command: string, raw: unknown): Promise<unknown> {
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new ControlError(`unknown tencent-trro control command: ${command}`);
  return run(w, rec(raw));
}
