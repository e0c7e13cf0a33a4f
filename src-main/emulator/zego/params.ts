/**
 * ZEGO's parameter checks, written from docs/vendors/zego.md (§4, §11) independently of the contract validator so
 * that comparing the two finds mistakes in either. Each check returns the name of the first bad
 * parameter (ZEGO's 300000004 Message names it), or null.
 */

/** Emulator knobs for behaviour docs/vendors/zego.md §14 marks unconfirmed. */
export interface ZegoParamOptions {
  maxRecordTimeMax: number;
  requireStorageParams: boolean;
  allowZeroAreaViews: boolean;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}
function url(v: unknown): boolean {
  return typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
}
function color(v: unknown): boolean {
  return isInt(v) && v >= 0 && v <= 0xffffffff && v % 256 === 0;
}

class Bad extends Error {}

function fail(param: string): never {
  throw new Bad(param);
}

function optInt(o: Obj, key: string, path: string, min: number, max: number): void {
  if (!(key in o)) return;
  const v = o[key];
  if (!isInt(v) || v < min || v > max) fail(path);
}
function optBool(o: Obj, key: string, path: string): void {
  if (key in o && typeof o[key] !== 'boolean') fail(path);
}
function reqStr(o: Obj, key: string, path: string): void {
  if (!nonEmpty(o[key])) fail(path);
}

function run(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof Bad) return e.message;
    throw e;
  }
}

/** Checks a MixInputList against a canvas; `path` is its parameter path. */
function checkViews(list: unknown, path: string, canvas: { w: number; h: number }, hasWhiteboard: boolean, opts: ZegoParamOptions): void {
  if (!Array.isArray(list)) fail(path);
  if (list.length > 25) fail(path);
  let boards = 0;
  list.forEach((item: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(item)) fail(p);
    for (const k of ['Top', 'Left', 'Bottom', 'Right', 'Layer']) if (!isInt(item[k])) fail(`${p}.${k}`);
    const { Top, Left, Bottom, Right } = item as Record<'Top' | 'Left' | 'Bottom' | 'Right', number>;
    if (Left < 0 || Left > 1920) fail(`${p}.Left`);
    if (Top < 0 || Top > 1920) fail(`${p}.Top`);
    if (Right > canvas.w || Right > 1920 || (opts.allowZeroAreaViews ? Right < Left : Right <= Left)) fail(`${p}.Right`);
    if (Bottom > canvas.h || Bottom > 1920 || (opts.allowZeroAreaViews ? Bottom < Top : Bottom <= Top)) fail(`${p}.Bottom`);
    if ('StreamId' in item && typeof item['StreamId'] !== 'string') fail(`${p}.StreamId`);
    optInt(item, 'ViewType', `${p}.ViewType`, 1, 2);
    if (item['ViewType'] === 2) {
      boards += 1;
      if (boards > 1 || !hasWhiteboard) fail(`${p}.ViewType`);
    }
    optInt(item, 'FillMode', `${p}.FillMode`, 1, 2);
    if ('BackgroundImage' in item && (!nonEmpty(item['StreamId']) || !url(item['BackgroundImage']))) fail(`${p}.BackgroundImage`);
  });
}

/** Layout fields shared by StartRecord's MixConfig and UpdateLayout. */
function checkLayout(o: Obj, path: string, canvas: { w: number; h: number }, hasWhiteboard: boolean, opts: ZegoParamOptions): void {
  optInt(o, 'MixMode', `${path}MixMode`, 1, 5);
  const mode = (o['MixMode'] as number | undefined) ?? 2;
  if (mode === 1 && (!Array.isArray(o['MixInputList']) || o['MixInputList'].length === 0)) fail(`${path}MixInputList`);
  if ('MixInputList' in o) checkViews(o['MixInputList'], `${path}MixInputList`, canvas, hasWhiteboard, opts);
  if ('MixMaxResolutionStreamId' in o && typeof o['MixMaxResolutionStreamId'] !== 'string') fail(`${path}MixMaxResolutionStreamId`);
}

const STORAGE_FIELDS: Record<number, string[]> = {
  1: ['Region', 'Bucket', 'AccessKeyId', 'AccessKeySecret'],
  2: ['Region', 'Bucket', 'AccessKeyId', 'AccessKeySecret'],
  3: ['Region', 'Bucket', 'AccessKeyId', 'AccessKeySecret'],
  4: ['Region', 'Bucket', 'AccessKeyId', 'AccessKeySecret'],
  7: ['Region', 'Bucket', 'AccessKeyId', 'AccessKeySecret'],
  8: ['Bucket', 'AccessKeyId', 'AccessKeySecret'],
  9: ['Region', 'Bucket', 'AccessKeyId', 'AccessKeySecret'],
  // The spec lists Vendor 10 twice (Region+Bucket+keys, and Bucket+EndPoint); the union satisfies both.
  10: ['Region', 'Bucket', 'EndPoint', 'AccessKeyId', 'AccessKeySecret'],
};
const VOD_FORMATS: Record<number, string[]> = { 5: ['mp4', 'flv'], 6: ['mp4', 'flv', 'jpg', 'mp3'] };

/** StartRecord body → the first bad parameter, or null. */
export function checkStartRecord(body: Obj, opts: ZegoParamOptions): string | null {
  return run(() => {
    reqStr(body, 'RoomId', 'RoomId');
    const input = body['RecordInputParams'];
    if (!isObj(input)) fail('RecordInputParams');
    const ip = 'RecordInputParams.';
    if (input['RecordMode'] !== 1 && input['RecordMode'] !== 2) fail(`${ip}RecordMode`);
    const mode = input['RecordMode'];
    optInt(input, 'StreamType', `${ip}StreamType`, 1, 4);
    const streamType = (input['StreamType'] as number | undefined) ?? 3;
    if ('RecordStreamList' in input) {
      const list = input['RecordStreamList'];
      if (!Array.isArray(list)) fail(`${ip}RecordStreamList`);
      list.forEach((s: unknown, i) => {
        if (!isObj(s) || !nonEmpty(s['StreamId'])) fail(`${ip}RecordStreamList[${i}].StreamId`);
      });
    }
    optBool(input, 'FillBlank', `${ip}FillBlank`);
    if ('FillFrame' in input) {
      const ff = input['FillFrame'];
      if (!isObj(ff)) fail(`${ip}FillFrame`);
      optInt(ff, 'FrameFillMode', `${ip}FillFrame.FrameFillMode`, 1, 3);
      if ('FrameFillColor' in ff && !color(ff['FrameFillColor'])) fail(`${ip}FillFrame.FrameFillColor`);
    }
    optInt(input, 'RecordMuteAudio', `${ip}RecordMuteAudio`, 1, 2);
    optInt(input, 'RecordMuteAudioSplitThreshold', `${ip}RecordMuteAudioSplitThreshold`, -2147483648, 2147483647);
    optBool(input, 'HasWhiteboard', `${ip}HasWhiteboard`);
    const hasWhiteboard = input['HasWhiteboard'] === true;
    if (hasWhiteboard) {
      const wbs = input['Whiteboard'];
      if (!Array.isArray(wbs) || wbs.length !== 1) fail(`${ip}Whiteboard`);
      const wb: unknown = wbs[0];
      const wp = `${ip}Whiteboard[0].`;
      if (!isObj(wb)) fail(`${ip}Whiteboard[0]`);
      for (const k of ['HorizontalRatio', 'VerticalRatio']) if (!isInt(wb[k]) || (wb[k] as number) <= 0) fail(`${wp}${k}`);
      optInt(wb, 'Width', `${wp}Width`, 1, Number.MAX_SAFE_INTEGER);
      optInt(wb, 'Height', `${wp}Height`, 1, Number.MAX_SAFE_INTEGER);
      if ('WhiteboardId' in wb && typeof wb['WhiteboardId'] !== 'string') fail(`${wp}WhiteboardId`);
      if ('BackgroundColor' in wb && !color(wb['BackgroundColor'])) fail(`${wp}BackgroundColor`);
      optBool(wb, 'IsPPTAnimation', `${wp}IsPPTAnimation`);
      optInt(wb, 'PPTAnimationFps', `${wp}PPTAnimationFps`, 1, 30);
    }
    optInt(input, 'MaxIdleTime', `${ip}MaxIdleTime`, 5, 86_400);
    optInt(input, 'MaxRecordTime', `${ip}MaxRecordTime`, 300, opts.maxRecordTimeMax);
    if (mode === 2) {
      const mix = input['MixConfig'];
      if (!isObj(mix)) fail(`${ip}MixConfig`);
      const mp = `${ip}MixConfig.`;
      reqStr(mix, 'MixOutputStreamId', `${mp}MixOutputStreamId`);
      if (streamType === 1 && hasWhiteboard) fail(`${ip}HasWhiteboard`);
      let canvas = { w: 1920, h: 1920 };
      if (streamType !== 1) {
        const v = mix['MixOutputVideoConfig'];
        if (!isObj(v)) fail(`${mp}MixOutputVideoConfig`);
        const vp = `${mp}MixOutputVideoConfig.`;
        for (const k of ['Width', 'Height', 'Fps', 'Bitrate']) if (!isInt(v[k])) fail(`${vp}${k}`);
        const { Width, Height, Fps, Bitrate } = v as Record<'Width' | 'Height' | 'Fps' | 'Bitrate', number>;
        if (Width < 1 || Width > 1920) fail(`${vp}Width`);
        if (Height < 1 || Height > 1920 || Width * Height > 1920 * 1080) fail(`${vp}Height`);
        if (Fps < 5 || Fps > 30) fail(`${vp}Fps`);
        if (Bitrate <= 0) fail(`${vp}Bitrate`);
        canvas = { w: Width, h: Height };
      }
      checkLayout(mix, mp, canvas, hasWhiteboard, opts);
      optInt(mix, 'FillMode', `${mp}FillMode`, 1, 2);
      if ('MixOutputAudioConfig' in mix) {
        const a = mix['MixOutputAudioConfig'];
        if (!isObj(a) || !isInt(a['Bitrate']) || a['Bitrate'] <= 0) fail(`${mp}MixOutputAudioConfig.Bitrate`);
      }
      if ('MixOutputBackgroundColor' in mix && !color(mix['MixOutputBackgroundColor'])) fail(`${mp}MixOutputBackgroundColor`);
      for (const k of ['MixOutputBackgroundImage', 'MixOutputWatermarkImage', 'DefaultMixStreamBackgroundImage']) {
        if (k in mix && !url(mix[k])) fail(`${mp}${k}`);
      }
      optBool(mix, 'IsAlwaysMix', `${mp}IsAlwaysMix`);
    }
    const out = body['RecordOutputParams'] ?? {};
    if (!isObj(out)) fail('RecordOutputParams');
    const op = 'RecordOutputParams.';
    const format = out['OutputFileFormat'] ?? 'mp4';
    if (typeof format !== 'string' || !['mp4', 'flv', 'hls', 'jpg', 'mp3'].includes(format)) fail(`${op}OutputFileFormat`);
    if (format === 'jpg' && streamType === 1) fail(`${op}OutputFileFormat`);
    if ('OutputFolder' in out && typeof out['OutputFolder'] !== 'string') fail(`${op}OutputFolder`);
    optInt(out, 'OutputFileRule', `${op}OutputFileRule`, 1, 1);
    optInt(out, 'SnapshotInterval', `${op}SnapshotInterval`, 5, 3600);
    optInt(out, 'FragmentSeconds', `${op}FragmentSeconds`, 2, 60);
    if ('CallbackUrl' in out && !url(out['CallbackUrl'])) fail(`${op}CallbackUrl`);
    optBool(out, 'RealtimeUploadFragment', `${op}RealtimeUploadFragment`);
    if ('ShortFragmentPath' in out && out['RealtimeUploadFragment'] !== true) fail(`${op}ShortFragmentPath`);
    const storage = body['StorageParams'];
    if (storage === undefined) {
      if (opts.requireStorageParams) fail('StorageParams');
    } else {
      if (!isObj(storage)) fail('StorageParams');
      const vendor = storage['Vendor'];
      if (!isInt(vendor) || vendor < 1 || vendor > 10) fail('StorageParams.Vendor');
      if (vendor === 5) {
        const p = storage['AlibabaCloudVodParams'];
        if (!isObj(p)) fail('StorageParams.AlibabaCloudVodParams');
        for (const k of ['Region', 'AccessKeyId', 'AccessKeySecret', 'Title', 'StorageLocation']) reqStr(p, k, `StorageParams.AlibabaCloudVodParams.${k}`);
      } else if (vendor === 6) {
        const p = storage['TencentCloudVodParams'];
        if (!isObj(p)) fail('StorageParams.TencentCloudVodParams');
        for (const k of ['SecretId', 'SecretKey', 'Region']) reqStr(p, k, `StorageParams.TencentCloudVodParams.${k}`);
        if ('SubAppId' in p && !isInt(p['SubAppId'])) fail('StorageParams.TencentCloudVodParams.SubAppId');
      } else {
        for (const k of STORAGE_FIELDS[vendor] ?? []) reqStr(storage, k, `StorageParams.${k}`);
      }
      const vod = VOD_FORMATS[vendor];
      if (vod && !vod.includes(format)) fail(`${op}OutputFileFormat`);
    }
    if ('ClientTaskId' in body && (typeof body['ClientTaskId'] !== 'string' || body['ClientTaskId'].length > 128)) fail('ClientTaskId');
  });
}

/** UpdateLayout body against the task's canvas → the first bad parameter, or null. */
export function checkUpdateLayout(body: Obj, canvas: { w: number; h: number }, hasWhiteboard: boolean, opts: ZegoParamOptions): string | null {
  return run(() => checkLayout(body, '', canvas, hasWhiteboard, opts));
}

/** DescribeTasks body at virtual time `now` → the first bad parameter, or null. */
export function checkDescribeTasks(body: Obj, now: number, windowMs: number): string | null {
  return run(() => {
    if (body['Status'] !== 2 && body['Status'] !== 3) fail('Status');
    if (!isInt(body['StartTime'])) fail('StartTime');
    if (!isInt(body['EndTime'])) fail('EndTime');
    const start = body['StartTime'];
    const end = body['EndTime'];
    if (start < now - windowMs) fail('StartTime');
    if (end <= start || end - start > windowMs) fail('EndTime');
    optInt(body, 'PageSize', 'PageSize', 1, 50);
    optInt(body, 'PageOffset', 'PageOffset', 0, Number.MAX_SAFE_INTEGER);
    if ('RoomId' in body && typeof body['RoomId'] !== 'string') fail('RoomId');
  });
}
