import { grow, publicFile } from './files';
import { armIdle, endTask, failUploads, onStreamDown, onStreamUp, showStream } from './lifecycle';
import { isObj, roomOf, running, ZEGO_DEFAULTS, type Obj, type ZegoEmulatorOptions, type ZegoStream, type ZegoWorld } from './model';

/** One control command's input, with the reader of a required string-or-number field. */
interface ControlInput {
  o: Obj;
  required(key: string): string;
}

type Command = (w: ZegoWorld, input: ControlInput) => unknown;

function registerApp(w: ZegoWorld, { o, required }: ControlInput): { appId: string } {
  const appId = String(Number(required('appId')));
  w.apps.set(appId, {
    appId,
    serverSecret: required('serverSecret'),
    callbackSecret: typeof o['callbackSecret'] === 'string' ? o['callbackSecret'] : '',
    callbackUrl: typeof o['callbackUrl'] === 'string' ? o['callbackUrl'] : null,
    testEnvironment: o['testEnvironment'] === true,
    serviceEnabled: o['serviceEnabled'] !== false,
  });
  return { appId };
}

function setCallback(w: ZegoWorld, { o, required }: ControlInput): null {
  const app = w.apps.get(String(Number(required('appId'))));
  if (!app) throw new Error('set-callback: unknown appId');
  if (typeof o['url'] === 'string' || o['url'] === null) app.callbackUrl = o['url'];
  if (typeof o['secret'] === 'string') app.callbackSecret = o['secret'];
  return null;
}

/** A stream appears in a room: running tasks there start recording it. */
function addStream(w: ZegoWorld, roomId: string, stream: ZegoStream): void {
  roomOf(w, roomId).set(stream.streamId, stream);
  for (const t of w.tasks.values()) {
    if (t.roomId !== roomId || !running(t)) continue;
    onStreamUp(w, t, stream);
    armIdle(w, t);
  }
}

/** A stream leaves a room: running tasks there stop recording it, and may start idling. */
function removeStream(w: ZegoWorld, roomId: string, streamId: string): void {
  roomOf(w, roomId).delete(streamId);
  for (const t of w.tasks.values()) {
    if (t.roomId !== roomId || !running(t)) continue;
    onStreamDown(w, t, streamId);
    armIdle(w, t);
  }
}

function publishStream(w: ZegoWorld, { o, required }: ControlInput): null {
  addStream(w, required('roomId'), {
    streamId: required('streamId'),
    userId: required('userId'),
    userName: typeof o['userName'] === 'string' ? o['userName'] : required('userId'),
    width: typeof o['width'] === 'number' ? o['width'] : 1280,
    height: typeof o['height'] === 'number' ? o['height'] : 720,
  });
  return null;
}

function stopStream(w: ZegoWorld, { required }: ControlInput): null {
  removeStream(w, required('roomId'), required('streamId'));
  return null;
}

function roomPublishers(w: ZegoWorld, { required }: ControlInput): { publishers: string[] } {
  return { publishers: [...roomOf(w, required('roomId')).values()].map((s) => s.userId) };
}

/** The Sandbox show's uniform command: `userId` publishes (or stops) the camera stream `<room>-<user>`. */
function roomPublish(w: ZegoWorld, input: ControlInput, on: boolean): { publishers: string[] } {
  const roomId = input.required('roomId');
  const s = showStream(roomId, typeof input.o['userId'] === 'string' && input.o['userId'] !== '' ? input.o['userId'] : 'guest');
  if (on) addStream(w, roomId, s);
  else removeStream(w, roomId, s.streamId);
  return roomPublishers(w, input);
}

function uploadFailure(w: ZegoWorld, { o }: ControlInput): null {
  failUploads(w, Number(o['count'] ?? 1), o['mode'] === 'backup' ? 'backup' : 'failed');
  return null;
}

async function failTask(w: ZegoWorld, { o, required }: ControlInput): Promise<null> {
  const t = w.tasks.get(required('taskId'));
  if (!t) throw new Error('fail-task: unknown task');
  await endTask(w, t, 4, typeof o['quitReason'] === 'number' ? o['quitReason'] : 1001);
  return null;
}

function configure(w: ZegoWorld, { o }: ControlInput): ZegoEmulatorOptions {
  for (const [k, v] of Object.entries(o)) {
    if (!(k in ZEGO_DEFAULTS) || typeof v !== typeof ZEGO_DEFAULTS[k as keyof ZegoEmulatorOptions]) throw new Error(`configure: bad option "${k}"`);
  }
  Object.assign(w.opts, o);
  return { ...w.opts };
}

function getTask(w: ZegoWorld, { required }: ControlInput): unknown {
  const t = w.tasks.get(required('taskId'));
  if (!t) return null;
  grow(w, t, w.clock.now());
  return { taskId: t.taskId, roomId: t.roomId, status: t.status, clientTaskId: t.clientTaskId, files: t.files.map(publicFile) };
}

function listTasks(w: ZegoWorld): unknown {
  return [...w.tasks.values()].map((t) => ({ taskId: t.taskId, roomId: t.roomId, status: t.status, appId: t.app.appId }));
}

const COMMANDS: Record<string, Command> = {
  'register-app': registerApp,
  'set-callback': setCallback,
  'publish-stream': publishStream,
  'stop-stream': stopStream,
  'upload-failure': uploadFailure,
  'fail-task': failTask,
  'room-publish': (w, input) => roomPublish(w, input, true),
  'room-unpublish': (w, input) => roomPublish(w, input, false),
  'room-publishers': roomPublishers,
  'simulate-publishers': (w, { o }) => {
    w.simulatePublishers = o['on'] !== false;
    return null;
  },
  configure,
  'get-task': getTask,
  'list-tasks': listTasks,
};

/**
 * The ZEGO commands of the Sandbox control API (`POST /control/zego/<command>`): apps, rooms and
 * streams, forced failures, the unconfirmed-behaviour knobs, and a look at the tasks.
 */
export async function zegoControl(w: ZegoWorld, command: string, input: unknown): Promise<unknown> {
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new Error(`unknown zego control command "${command}"`);
  const o = isObj(input) ? input : {};
  const required = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`${command}: "${k}" is required`);
    return String(v);
  };
  return run(w, { o, required });
}
