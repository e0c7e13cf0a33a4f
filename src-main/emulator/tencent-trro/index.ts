import { randomBytes } from 'node:crypto';
import { ControlError } from '../control';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, VendorEmulator } from '../types';
import { Api3Error, api3Error, api3Ok, api3RateLimited, createApi3Gate, type Api3Call } from '../tencent-api3/gate';
import { checkParams, type ParamSpec } from '../tencent-api3/params';
import { TENCENT_REGIONS } from '../tencent-api3/regions';
import { trtcCallbackSign } from '../../vendors/tencent-trro/callback';

/**
 * Sandbox emulator of TRRO cloud recording (service `trro`, version `2022-03-25`): TC3 checks,
 * CreateCloudRecording / DeleteCloudRecording / ModifyCallbackUrl with the documented limits, device
 * streams that start and stop, files cut every MaxMediaFileDuration minutes, and TRTC-format
 * callbacks signed with the project's SignKey. There is no query API, as in the real product.
 */

/** Timing of the emulated lifecycle (virtual ms). */
export const TRRO_TIMING = {
  /** Stop → all files uploaded (310 MP4_STOP / 305 UPLOAD_STOP). */
  uploadMs: 5_000,
};

const ACTIONS = ['CreateCloudRecording', 'DeleteCloudRecording', 'ModifyCallbackUrl'] as const;
const CODES = { type: 'InvalidParameter' };

const CREATE_FIELDS: Record<string, ParamSpec> = {
  ProjectId: { t: 'str', req: true },
  DeviceId: { t: 'str', req: true },
  VideoStreamId: { t: 'int', req: true },
  CloudStorage: {
    t: 'obj',
    req: true,
    fields: {
      Vendor: { t: 'int', req: true },
      Region: { t: 'str', req: true },
      Bucket: { t: 'str', req: true },
      AccessKey: { t: 'str', req: true },
      SecretKey: { t: 'str', req: true },
      FileNamePrefix: { t: 'arr', items: { t: 'str' } },
    },
  },
  MaxMediaFileDuration: { t: 'int' },
  OutputFormat: { t: 'int' },
  MaxIdleTime: { t: 'int' },
};

/** OutputFormat → what gets uploaded: an HLS playlist, cut files with this extension, or both. */
const FORMATS: Record<number, { hls: boolean; cut: 'mp4' | 'aac' | null }> = {
  0: { hls: true, cut: null },
  1: { hls: true, cut: 'mp4' },
  2: { hls: true, cut: 'aac' },
  3: { hls: false, cut: 'mp4' },
  4: { hls: false, cut: 'aac' },
};

interface Project {
  owner: string;
  callbackUrl: string;
  signKey: string;
}

interface TrroTask {
  taskId: string;
  projectId: string;
  deviceId: string;
  videoStreamId: number;
  outputFormat: number;
  maxFileMs: number;
  maxIdleSec: number;
  prefix: string[];
  startAt: number;
  stopAt: number | null;
  live: boolean;
  cancelIdle: (() => void) | null;
}

const invalid = (message: string) => new Api3Error('InvalidParameterValue', message);

function rec(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function inRange(v: unknown, min: number, max: number): boolean {
  return v === undefined || ((v as number) >= min && (v as number) <= max);
}

/** Creates the TRRO emulator bound to the Sandbox's clock and callback delivery. */
export function createTrroEmulator(ctx: EmulatorContext): VendorEmulator {
  const { clock } = ctx;
  const accounts = new Map<string, string>();
  const projects = new Map<string, Project>();
  const tasks = new Map<string, TrroTask>();
  /** Device streams: key → publishing since (ms) or the time it stopped publishing. */
  const streams = new Map<string, { publishing: boolean; at: number }>();
  /** Files the next stopping tasks fail to upload (the Sandbox's upload-failure fault). */
  let uploadFailures = 0;
  const gate = createApi3Gate({
    service: 'trro',
    version: '2022-03-25',
    actions: ACTIONS,
    regionRequired: false,
    regions: TENCENT_REGIONS,
    ratePerSecond: 20,
    clock,
    secretKeyFor: (id) => accounts.get(id) ?? null,
  });

  const streamKey = (projectId: string, deviceId: string, videoStreamId: number) => `${projectId}\n${deviceId}\n${videoStreamId}`;

  function callback(task: TrroTask, eventType: number, payload: Record<string, unknown>, at: number): void {
    const project = projects.get(task.projectId);
    if (!project || project.callbackUrl === '') return;
    // TRRO points to the TRTC callback format; its RoomId and UserId for a device are [UNCONFIRMED].
    const body = JSON.stringify({
      EventGroupId: 3,
      EventType: eventType,
      CallbackTs: at,
      EventInfo: {
        RoomId: task.deviceId,
        EventTs: Math.floor(at / 1000),
        EventMsTs: at,
        UserId: `trro_recorder_${task.videoStreamId}`,
        TaskId: task.taskId,
        Payload: payload,
      },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (project.signKey !== '') headers['sign'] = trtcCallbackSign(project.signKey, body);
    ctx.deliverCallback(project.callbackUrl, body, headers).catch(() => undefined);
  }

  function scheduleIdle(task: TrroTask): void {
    task.cancelIdle?.();
    task.cancelIdle = null;
    if (!task.live) return;
    const s = streams.get(streamKey(task.projectId, task.deviceId, task.videoStreamId));
    if (s?.publishing) return;
    const since = Math.max(task.startAt, s?.at ?? task.startAt);
    const due = since + task.maxIdleSec * 1000;
    task.cancelIdle = clock.at(due, () => {
      if (task.live) stop(task, 99, due);
    });
  }

  /** Files of a stopped task: an m3u8 for HLS formats, plus mp4/aac files cut every MaxMediaFileDuration. */
  function files(task: TrroTask, stopAt: number): { FileName: string; StartTimeStamp: number; EndTimeStamp: number; ext: string }[] {
    const dir = [...task.prefix, task.taskId].join('/');
    const base = `${task.deviceId}_${task.videoStreamId}`;
    const out: { FileName: string; StartTimeStamp: number; EndTimeStamp: number; ext: string }[] = [];
    const format = FORMATS[task.outputFormat] ?? { hls: false, cut: 'mp4' };
    if (format.hls) out.push({ FileName: `${dir}/${base}.m3u8`, StartTimeStamp: task.startAt, EndTimeStamp: stopAt, ext: 'm3u8' });
    if (format.cut) {
      const count = Math.max(1, Math.ceil((stopAt - task.startAt) / task.maxFileMs));
      for (let i = 0; i < count; i += 1) {
        const from = task.startAt + i * task.maxFileMs;
        out.push({ FileName: `${dir}/${base}_${i + 1}.${format.cut}`, StartTimeStamp: from, EndTimeStamp: Math.min(stopAt, from + task.maxFileMs), ext: format.cut });
      }
    }
    return out;
  }

  function stop(task: TrroTask, leaveCode: number, at: number): void {
    task.live = false;
    task.stopAt = at;
    task.cancelIdle?.();
    task.cancelIdle = null;
    callback(task, 302, { LeaveCode: leaveCode }, at);
    callback(task, 303, { Status: 0 }, at);
    const all = files(task, at);
    const hls = all.find((f) => f.ext === 'm3u8');
    if (hls) callback(task, 304, { FileList: hls.FileName }, at);
    const done = at + TRRO_TIMING.uploadMs;
    clock.at(done, () => {
      const cut = all.filter((f) => f.ext !== 'm3u8');
      const lost = Math.min(uploadFailures, cut.length);
      uploadFailures -= lost;
      if (cut.length > 0) {
        const trackType = cut[0]?.ext === 'aac' ? 'audio' : 'audio_video';
        const uploaded = cut.slice(lost);
        callback(
          task,
          310,
          {
            Status: lost === 0 ? 0 : uploaded.length > 0 ? 2 : 1,
            FileList: uploaded.map((f) => f.FileName),
            FileMessage: uploaded.map((f) => ({
              FileName: f.FileName,
              UserId: '',
              TrackType: trackType,
              MediaId: 'main',
              StartTimeStamp: f.StartTimeStamp,
              EndTimeStamp: f.EndTimeStamp,
            })),
          },
          done,
        );
      }
      // 305 LeaveCode 1 = some files stranded on the server/backup; the 310 Status tells failed from partial.
      callback(task, 305, { LeaveCode: lost === 0 ? 0 : 1 }, done);
    });
  }

  function ownedProject(call: Api3Call, projectId: string): Project {
    const project = projects.get(projectId);
    if (!project) throw invalid(`The project ${projectId} does not exist.`);
    if (project.owner !== call.secretId) throw new Api3Error('OperationDenied', 'The project does not belong to the current account.');
    return project;
  }

  function createCloudRecording(call: Api3Call): Record<string, unknown> {
    const p = checkParams(call.params, CREATE_FIELDS, CODES, call.fromQuery);
    const storage = rec(p['CloudStorage']);
    for (const k of ['ProjectId', 'DeviceId'] as const) if (p[k] === '') throw new Api3Error('MissingParameter', `The request is missing a required parameter \`${k}\`.`);
    for (const k of ['Region', 'Bucket', 'AccessKey', 'SecretKey'] as const) {
      if (storage[k] === '') throw new Api3Error('MissingParameter', `The request is missing a required parameter \`CloudStorage.${k}\`.`);
    }
    ownedProject(call, p['ProjectId'] as string);
    if (storage['Vendor'] !== 0 && storage['Vendor'] !== 1) throw invalid('CloudStorage.Vendor must be 0 (COS) or 1 (AWS).');
    const prefix = (storage['FileNamePrefix'] as string[] | undefined) ?? [];
    const badSegment = prefix.find((s) => !/^[A-Za-z0-9_-]+$/.test(s));
    if (badSegment !== undefined) throw invalid(`FileNamePrefix segment \`${badSegment}\` may contain only a-z, A-Z, 0-9, _ and -.`);
    if (!inRange(p['OutputFormat'], 0, 4)) throw invalid('OutputFormat must be within [0, 4].');
    if (!inRange(p['MaxMediaFileDuration'], 1, 1440)) throw invalid('MaxMediaFileDuration must be within [1, 1440].');
    if (!inRange(p['MaxIdleTime'], 5, 86400)) throw invalid('MaxIdleTime must be within [5, 86400].');
    const deviceId = p['DeviceId'] as string;
    const videoStreamId = p['VideoStreamId'] as number;
    if (videoStreamId < 0) throw invalid('VideoStreamId must not be negative.');
    const busy = [...tasks.values()].some((t) => t.live && t.projectId === p['ProjectId'] && t.deviceId === deviceId && t.videoStreamId === videoStreamId);
    // The code for a second recording of the same device stream is [UNCONFIRMED].
    if (busy) throw new Api3Error('OperationDenied', 'This device stream is already being recorded.');
    const now = clock.now();
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
    tasks.set(task.taskId, task);
    callback(task, 301, { Status: 0 }, now);
    scheduleIdle(task);
    return { TaskId: task.taskId };
  }

  function deleteCloudRecording(call: Api3Call): Record<string, unknown> {
    const p = checkParams(call.params, { TaskId: { t: 'str', req: true } }, CODES, call.fromQuery);
    const task = tasks.get(p['TaskId'] as string);
    // Unknown or ended task → which code is [UNCONFIRMED]; InvalidParameterValue is in the API's list.
    if (!task || !task.live) throw invalid('The TaskId does not exist or the recording has ended.');
    ownedProject(call, task.projectId);
    stop(task, 0, clock.now());
    return {};
  }

  function modifyCallbackUrl(call: Api3Call): Record<string, unknown> {
    const p = checkParams(
      call.params,
      { ProjectId: { t: 'str', req: true }, CallbackUrl: { t: 'str', req: true }, SignKey: { t: 'str' } },
      CODES,
      call.fromQuery,
    );
    const project = ownedProject(call, p['ProjectId'] as string);
    const url = p['CallbackUrl'] as string;
    if (url !== '' && !/^https?:\/\/[^\s]+$/i.test(url)) throw invalid('CallbackUrl must be an http:// or https:// URL.');
    project.callbackUrl = url;
    if (p['SignKey'] !== undefined) project.signKey = p['SignKey'] as string;
    return { Code: 0, Msg: 'ok' };
  }

  const handlers: Record<(typeof ACTIONS)[number], (call: Api3Call) => Record<string, unknown>> = {
    CreateCloudRecording: createCloudRecording,
    DeleteCloudRecording: deleteCloudRecording,
    ModifyCallbackUrl: modifyCallbackUrl,
  };

  function publishChange(input: Record<string, unknown>, publishing: boolean): { ok: true } {
    const projectId = String(input['projectId']);
    const deviceId = String(input['deviceId']);
    const videoStreamId = Number(input['videoStreamId'] ?? 0);
    streams.set(streamKey(projectId, deviceId, videoStreamId), { publishing, at: clock.now() });
    for (const t of tasks.values()) if (t.projectId === projectId && t.deviceId === deviceId && t.videoStreamId === videoStreamId) scheduleIdle(t);
    return { ok: true };
  }

  return {
    id: 'tencent-trro',
    async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
      const gated = gate.check(request);
      if (!gated.ok) return gated.response;
      try {
        return api3Ok(clock, handlers[gated.call.action as (typeof ACTIONS)[number]](gated.call));
      } catch (e) {
        if (e instanceof Api3Error) return api3Error(clock, e.code, e.message);
        return api3Error(clock, 'InternalError', 'Internal error.');
      }
    },
    async control(command: string, raw: unknown): Promise<unknown> {
      const input = rec(raw);
      switch (command) {
        case 'register-project': {
          const projectId = String(input['projectId'] ?? '');
          const secretId = String(input['secretId'] ?? '');
          const secretKey = String(input['secretKey'] ?? '');
          if (projectId === '' || secretId === '' || secretKey === '') throw new ControlError('register-project needs projectId, secretId and secretKey');
          accounts.set(secretId, secretKey);
          const prev = projects.get(projectId);
          projects.set(projectId, { owner: secretId, callbackUrl: prev?.callbackUrl ?? '', signKey: prev?.signKey ?? '' });
          return { ok: true };
        }
        case 'publish':
          return publishChange(input, true);
        case 'unpublish':
          return publishChange(input, false);
        case 'force-exception': {
          const task = tasks.get(String(input['taskId']));
          if (!task || !task.live) throw new ControlError('unknown or ended taskId');
          // Recorder lost: TRTC LeaveCode 100 (timeout).
          stop(task, 100, clock.now());
          return { ok: true };
        }
        case 'upload-failure':
          uploadFailures += Number(input['count'] ?? 1);
          return { ok: true };
        case 'tasks':
          return [...tasks.values()].map((t) => ({ taskId: t.taskId, projectId: t.projectId, deviceId: t.deviceId, live: t.live, startAt: t.startAt, stopAt: t.stopAt }));
        case 'reset':
          for (const t of tasks.values()) t.cancelIdle?.();
          accounts.clear();
          projects.clear();
          tasks.clear();
          streams.clear();
          uploadFailures = 0;
          return { ok: true };
        default:
          throw new ControlError(`unknown tencent-trro control command: ${command}`);
      }
    },
    rateLimitedResponse() {
      return api3RateLimited(clock);
    },
  };
}
