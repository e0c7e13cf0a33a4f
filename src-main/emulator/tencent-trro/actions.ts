import { randomBytes } from 'node:crypto';
import { Api3Error, type Api3Call } from '../tencent-api3/gate';
import { rec } from '../tencent-api3/params';
import { checkTrroParams, CREATE_FIELDS, invalidValue, ownedProject, type TrroAction } from './gateway';
import { scheduleIdle, sendCallback, stopTask } from './lifecycle';
import { streamKey, type TrroTask, type TrroWorld } from './model';

type Action = (w: TrroWorld, call: Api3Call) => Record<string, unknown>;

function inRange(v: unknown, min: number, max: number): boolean {
  return v === undefined || ((v as number) >= min && (v as number) <= max);
}

function createCloudRecording(w: TrroWorld, call: Api3Call): Record<string, unknown> {
  const p = checkTrroParams(call, CREATE_FIELDS);
  const storage = rec(p['CloudStorage']);
  for (const k of ['ProjectId', 'DeviceId'] as const) if (p[k] === '') throw new Api3Error('MissingParameter', `The request is missing a required parameter \`${k}\`.`);
  for (const k of ['Region', 'Bucket', 'AccessKey', 'SecretKey'] as const) {
    if (storage[k] === '') throw new Api3Error('MissingParameter', `The request is missing a required parameter \`CloudStorage.${k}\`.`);
  }
  ownedProject(w, call, p['ProjectId'] as string);
  if (storage['Vendor'] !== 0 && storage['Vendor'] !== 1) throw invalidValue('CloudStorage.Vendor must be 0 (COS) or 1 (AWS).');
  const prefix = (storage['FileNamePrefix'] as string[] | undefined) ?? [];
  const badSegment = prefix.find((s) => !/^[A-Za-z0-9_-]+$/.test(s));
  if (badSegment !== undefined) throw invalidValue(`FileNamePrefix segment \`${badSegment}\` may contain only a-z, A-Z, 0-9, _ and -.`);
  if (!inRange(p['OutputFormat'], 0, 4)) throw invalidValue('OutputFormat must be within [0, 4].');
  if (!inRange(p['MaxMediaFileDuration'], 1, 1440)) throw invalidValue('MaxMediaFileDuration must be within [1, 1440].');
  if (!inRange(p['MaxIdleTime'], 5, 86400)) throw invalidValue('MaxIdleTime must be within [5, 86400].');
  const deviceId = p['DeviceId'] as string;
  const videoStreamId = p['VideoStreamId'] as number;
  if (videoStreamId < 0) throw invalidValue('VideoStreamId must not be negative.');
  const busy = [...w.tasks.values()].some((t) => t.live && t.projectId === p['ProjectId'] && t.deviceId === deviceId && t.videoStreamId === videoStreamId);
  // The code for a second recording of the same device stream is [UNCONFIRMED].
  if (busy) throw new Api3Error('OperationDenied', 'This device stream is already being recorded.');
  const now = w.clock.now();
  const task: TrroTask = {
    taskId: `${randomBytes(60).toString('base64url')}.`,
    projectId: p['ProjectId'] as string,
    deviceId,
    videoStreamId,
    outputFormat: (p['OutputFormat'] as number | undefined) ?? 3,
    maxFileMs: ((p['MaxMediaFileDuration'] as number | undefined) ?? 1440) * 60_000,
    maxIdleSec: (p['MaxIdleTime'] as number | undefined) ?? 30,
    prefix,
    startAt: now,
    stopAt: null,
    live: true,
    cancelIdle: null,
  };
  w.tasks.set(task.taskId, task);
  const key = streamKey(task.projectId, deviceId, videoStreamId);
  if (w.simulatePublishers && !w.streams.get(key)?.publishing) w.streams.set(key, { publishing: true, at: now });
  sendCallback(w, task, 301, { Status: 0 }, now);
  scheduleIdle(w, task);
  return { TaskId: task.taskId };
}

function deleteCloudRecording(w: TrroWorld, call: Api3Call): Record<string, unknown> {
  const p = checkTrroParams(call, { TaskId: { t: 'str', req: true } });
  const task = w.tasks.get(p['TaskId'] as string);
  // Unknown or ended task → which code is [UNCONFIRMED]; InvalidParameterValue is in the API's list.
  if (!task || !task.live) throw invalidValue('The TaskId does not exist or the recording has ended.');
  ownedProject(w, call, task.projectId);
  stopTask(w, task, 0, w.clock.now());
  return {};
}

function modifyCallbackUrl(w: TrroWorld, call: Api3Call): Record<string, unknown> {
  const p = checkTrroParams(call, { ProjectId: { t: 'str', req: true }, CallbackUrl: { t: 'str', req: true }, SignKey: { t: 'str' } });
  const project = ownedProject(w, call, p['ProjectId'] as string);
  const url = p['CallbackUrl'] as string;
  if (url !== '' && !/^https?:\/\/[^\s]+$/i.test(url)) throw invalidValue('CallbackUrl must be an http:// or https:// URL.');
  project.callbackUrl = url;
  if (p['SignKey'] !== undefined) project.signKey = p['SignKey'] as string;
  return { Code: 0, Msg: 'ok' };
}

const ACTIONS: Record<TrroAction, Action> = {
  CreateCloudRecording: createCloudRecording,
  DeleteCloudRecording: deleteCloudRecording,
  ModifyCallbackUrl: modifyCallbackUrl,
};

/** Runs one call the gate accepted (its action is one of the TRRO actions); throws {@link Api3Error}. */
export function runTrroAction(w: TrroWorld, call: Api3Call): Record<string, unknown> {
  return ACTIONS[call.action as TrroAction](w, call);
}
