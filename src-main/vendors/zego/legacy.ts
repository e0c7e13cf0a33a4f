import { STORAGE_PROVIDERS, zegoMsg, type Message, type RecordingRequestInput, type StorageProvider } from '@contract';
import { AppFailure } from '../../errors/app-failure';

/** What a pasted legacy (v1, snake_case) start body became. */
export interface LegacyImport {
  /** The normalized request draft, to load into the form (parse it with RecordingRequestSchema). */
  request: RecordingRequestInput;
  /** The storage target fields found (no keys). Null when the body had no storage_params. */
  storage: {
    provider: StorageProvider | null;
    region: string | null;
    bucket: string | null;
    endpoint: string | null;
    title: string | null;
    storageLocation: string | null;
    subAppId: number | null;
  } | null;
  /** Paths of fields that were not carried over. */
  unmapped: string[];
  /** Paths of secrets dropped from the paste: enter them in the storage target instead. */
  secretsRemoved: string[];
  /** The legacy `app_id`, if any (it belongs to the account, not the request). */
  appId: number | null;
  notes: Message[];
}

type Obj = Record<string, unknown>;

const SECRET_KEYS = new Set(['access_token', 'access_key_id', 'access_key_secret', 'access_key', 'secret_key', 'secret_id']);

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Strict JSON first; then the two slips ZEGO's own doc samples contain (`0000` numbers, trailing commas). */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const fixed = text.replace(/,(\s*[}\]])/g, '$1').replace(/:(\s*)-?0+(\d)/g, ':$1$2').replace(/:(\s*)0{2,}(?=[\s,}\]])/g, ':$10');
    try {
      return JSON.parse(fixed);
    } catch {
      throw new AppFailure('INVALID_INPUT', zegoMsg('vendor.zego.legacy.notJson'));
    }
  }
}

function colorFromInt(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return null;
  return `#${Math.floor(v / 256).toString(16).padStart(6, '0').slice(-6)}`;
}

const MIX_MODES = ['custom', 'grid', 'horizontal', 'vertical', 'floating'] as const;
const STREAM_TYPES = ['audio', 'video', 'audio+video', 'audio,video'] as const;
const FRAME_FILL = ['last', 'color', 'none'] as const;

/**
 * Converts a legacy `start` body (pasted JSON text or an object) into a normalized request draft.
 * Every field it cannot carry is listed in `unmapped`; secrets are never copied, only reported.
 */
export function importLegacyStartBody(pasted: string | Obj): LegacyImport {
  const root = typeof pasted === 'string' ? parseLenient(pasted) : pasted;
  if (!isObj(root)) throw new AppFailure('INVALID_INPUT', zegoMsg('vendor.zego.legacy.notJson'));
  const used = new Set<string>();
  const secretsRemoved: string[] = [];

  /** Reads `o[key]` and marks `path` as carried over. */
  function take(o: Obj, key: string, path: string): unknown {
    if (!(key in o)) return undefined;
    used.add(path);
    return o[key];
  }
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

  const req: Obj = {};
  const appId = num(take(root, 'app_id', 'app_id'));
  req['roomId'] = text(take(root, 'room_id', 'room_id')) ?? '';

  const input = isObj(root['record_input_params']) ? root['record_input_params'] : null;
  if (input) {
    used.add('record_input_params');
    const p = 'record_input_params.';
    const mode = num(take(input, 'record_mode', `${p}record_mode`));
    if (mode === 1 || mode === 2) req['mode'] = mode === 2 ? 'mixed' : 'single';
    const st = num(take(input, 'stream_type', `${p}stream_type`));
    if (st !== null && STREAM_TYPES[st - 1]) req['streamType'] = STREAM_TYPES[st - 1];
    const list = take(input, 'record_stream_list', `${p}record_stream_list`);
    if (Array.isArray(list)) {
      req['streams'] = list.flatMap((s: unknown, i) => {
        if (!isObj(s)) return [];
        const id = text(take(s, 'stream_id', `${p}record_stream_list[${i}].stream_id`));
        return id ? [id] : [];
      });
    }
    const fill: Obj = {};
    const blank = bool(take(input, 'fill_blank', `${p}fill_blank`));
    if (blank !== null) fill['blank'] = blank;
    const ff = isObj(input['fill_frame']) ? input['fill_frame'] : null;
    if (ff) {
      used.add(`${p}fill_frame`);
      const m = num(take(ff, 'frame_fill_mode', `${p}fill_frame.frame_fill_mode`));
      if (m !== null && FRAME_FILL[m - 1]) fill['frame'] = FRAME_FILL[m - 1];
      const c = colorFromInt(take(ff, 'frame_fill_color', `${p}fill_frame.frame_fill_color`));
      if (c) fill['frameColor'] = c;
    }
    req['fill'] = fill;
    const zego: Obj = {};
    const mute = num(take(input, 'record_mute_audio', `${p}record_mute_audio`));
    if (mute === 1 || mute === 2) zego['recordMuteAudio'] = mute === 1;
    const split = num(take(input, 'record_mute_audio_split_threshold', `${p}record_mute_audio_split_threshold`));
    if (split !== null) zego['muteSplitThresholdSec'] = split;
    req['zego'] = zego;
    const hasWb = bool(take(input, 'has_whiteboard', `${p}has_whiteboard`));
    const wbs = input['whiteboard'];
    if (hasWb && Array.isArray(wbs) && isObj(wbs[0])) {
      used.add(`${p}whiteboard`);
      const w = wbs[0];
      const wp = `${p}whiteboard[0].`;
      req['whiteboard'] = {
        horizontalRatio: num(take(w, 'horizontal_ratio', `${wp}horizontal_ratio`)) ?? 16,
        verticalRatio: num(take(w, 'vertical_ratio', `${wp}vertical_ratio`)) ?? 9,
        width: num(take(w, 'width', `${wp}width`)),
        height: num(take(w, 'height', `${wp}height`)),
        whiteboardId: text(take(w, 'whiteboard_id', `${wp}whiteboard_id`)),
        backgroundColor: colorFromInt(take(w, 'background_color', `${wp}background_color`)),
        pptAnimation: bool(take(w, 'is_ppt_animation', `${wp}is_ppt_animation`)) ?? false,
        pptAnimationFps: num(take(w, 'ppt_animation_fps', `${wp}ppt_animation_fps`)),
      };
    }
    const idle = num(take(input, 'max_idle_time', `${p}max_idle_time`));
    if (idle !== null) req['maxIdleSec'] = idle;
    const max = num(take(input, 'max_record_time', `${p}max_record_time`));
    if (max !== null) req['maxRecordSec'] = max;
    const mix = isObj(input['mix_config']) ? input['mix_config'] : null;
    if (mix) {
      used.add(`${p}mix_config`);
      const mp = `${p}mix_config.`;
      const video = isObj(mix['mix_output_video_config']) ? mix['mix_output_video_config'] : {};
      if (isObj(mix['mix_output_video_config'])) used.add(`${mp}mix_output_video_config`);
      const vp = `${mp}mix_output_video_config.`;
      const audio = isObj(mix['mix_output_audio_config']) ? mix['mix_output_audio_config'] : null;
      if (audio) used.add(`${mp}mix_output_audio_config`);
      const mm = num(take(mix, 'mix_mode', `${mp}mix_mode`));
      const inputs = take(mix, 'mix_input_list', `${mp}mix_input_list`);
      req['mix'] = {
        layoutMode: mm !== null && MIX_MODES[mm - 1] ? MIX_MODES[mm - 1] : 'grid',
        regions: Array.isArray(inputs)
          ? inputs.filter(isObj).map((r, i) => {
              const rp = `${mp}mix_input_list[${i}].`;
              const top = num(take(r, 'top', `${rp}top`)) ?? 0;
              const left = num(take(r, 'left', `${rp}left`)) ?? 0;
              return {
                id: `r${i + 1}`,
                left,
                top,
                width: (num(take(r, 'right', `${rp}right`)) ?? left) - left,
                height: (num(take(r, 'bottom', `${rp}bottom`)) ?? top) - top,
                layer: num(take(r, 'layer', `${rp}layer`)) ?? 0,
                kind: num(take(r, 'view_type', `${rp}view_type`)) === 2 ? 'whiteboard' : 'stream',
                streamId: text(take(r, 'stream_id', `${rp}stream_id`)),
                fillMode: num(take(r, 'fill_mode', `${rp}fill_mode`)) === 2 ? 'fit' : 'crop',
                backgroundImage: text(take(r, 'background_image', `${rp}background_image`)),
              };
            })
          : [],
        width: num(take(video, 'width', `${vp}width`)) ?? 0,
        height: num(take(video, 'height', `${vp}height`)) ?? 0,
        fps: num(take(video, 'fps', `${vp}fps`)) ?? 15,
        bitrateBps: num(take(video, 'bitrate', `${vp}bitrate`)) ?? 0,
        audioBitrateBps: audio ? num(take(audio, 'bitrate', `${mp}mix_output_audio_config.bitrate`)) : null,
        backgroundColor: colorFromInt(take(mix, 'mix_output_background_color', `${mp}mix_output_background_color`)),
        backgroundImage: text(take(mix, 'mix_output_background_image', `${mp}mix_output_background_image`)),
        outputStreamId: text(take(mix, 'mix_output_stream_id', `${mp}mix_output_stream_id`)),
        maxResolutionStreamId: text(take(mix, 'mix_max_resolution_stream_id', `${mp}mix_max_resolution_stream_id`)),
        fillMode: num(take(mix, 'fill_mode', `${mp}fill_mode`)) === 2 ? 'fit' : 'crop',
        alwaysMix: bool(take(mix, 'is_always_mix', `${mp}is_always_mix`)) ?? false,
      };
    }
  }

  const out = isObj(root['record_output_params']) ? root['record_output_params'] : null;
  if (out) {
    used.add('record_output_params');
    const op = 'record_output_params.';
    const output: Obj = {};
    const fmt = text(take(out, 'output_file_format', `${op}output_file_format`));
    if (fmt) output['format'] = fmt;
    const folder = text(take(out, 'output_folder', `${op}output_folder`));
    if (folder) output['folder'] = folder;
    if (out['output_file_rule'] === 1 || out['output_file_rule'] === undefined) take(out, 'output_file_rule', `${op}output_file_rule`);
    const snap = num(take(out, 'snapshot_interval', `${op}snapshot_interval`));
    if (snap !== null) output['snapshotIntervalSec'] = snap;
    const frag = num(take(out, 'fragment_seconds', `${op}fragment_seconds`));
    if (frag !== null) output['fragmentSec'] = frag;
    req['output'] = output;
    const cb = text(take(out, 'callback_url', `${op}callback_url`));
    if (cb) req['callbackUrl'] = cb;
  }

  let storage: LegacyImport['storage'] = null;
  const sp = isObj(root['storage_params']) ? root['storage_params'] : null;
  if (sp) {
    used.add('storage_params');
    const s = 'storage_params.';
    const vendor = num(take(sp, 'storage_provider', `${s}storage_provider`)) ?? num(take(sp, 'vendor', `${s}vendor`));
    const provider = vendor !== null ? (STORAGE_PROVIDERS[vendor - 1] ?? null) : null;
    const ali = isObj(sp['aliyun_vod_params']) ? sp['aliyun_vod_params'] : null;
    const ten = isObj(sp['tencentyun_vod_params']) ? sp['tencentyun_vod_params'] : null;
    const vod = provider === 'aliyun-vod' ? ali : provider === 'tencent-vod' ? ten : null;
    const vp = provider === 'aliyun-vod' ? `${s}aliyun_vod_params.` : `${s}tencentyun_vod_params.`;
    if (vod) used.add(vp.slice(0, -1));
    storage = {
      provider,
      region: text(vod ? take(vod, 'region', `${vp}region`) : take(sp, 'region', `${s}region`)),
      bucket: text(take(sp, 'bucket_name', `${s}bucket_name`)) ?? text(take(sp, 'bucket', `${s}bucket`)),
      endpoint: text(take(sp, 'endpoint', `${s}endpoint`)),
      title: ali && provider === 'aliyun-vod' ? text(take(ali, 'title', `${vp}title`)) : null,
      storageLocation: ali && provider === 'aliyun-vod' ? text(take(ali, 'storage_location', `${vp}storage_location`)) : null,
      subAppId: ten && provider === 'tencent-vod' ? num(take(ten, 'sub_app_id', `${vp}sub_app_id`)) : null,
    };
    // A VOD body still carries the empty object-storage fields of the doc sample; they hold nothing.
    if (vod) for (const k of ['region', 'bucket_name']) if (sp[k] === '') used.add(`${s}${k}`);
  }

  const unmapped: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (isObj(v)) {
      for (const [k, child] of Object.entries(v)) {
        const cp = path ? `${path}.${k}` : k;
        if (SECRET_KEYS.has(k)) {
          if (child !== '' && child !== null && child !== undefined) secretsRemoved.push(cp);
          continue;
        }
        if (!used.has(cp)) unmapped.push(cp);
        else walk(child, cp);
      }
    } else if (Array.isArray(v)) {
      v.forEach((child, i) => walk(child, `${path}[${i}]`));
    }
  };
  walk(root, '');

  const notes: LegacyImport['notes'] = [];
  if (secretsRemoved.length > 0) {
    notes.push(zegoMsg('vendor.zego.legacy.secretsRemoved'));
  }
  if (unmapped.length > 0) {
    notes.push(zegoMsg('vendor.zego.legacy.unmapped', { fields: unmapped.join(', ') }));
  }
  const bitrate = isObj(req['mix']) ? req['mix']['bitrateBps'] : null;
  if (typeof bitrate === 'number' && bitrate > 0 && bitrate < 10_000) {
    notes.push(zegoMsg('vendor.zego.legacy.kbps'));
  }
  return { request: req as RecordingRequestInput, storage, unmapped, secretsRemoved, appId, notes };
}
