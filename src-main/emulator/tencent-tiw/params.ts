import { Api3Error } from '../tencent-api3/gate';
import { rec, type ParamSpec } from '../tencent-api3/params';

/**
 * TIW's parameter model for StartOnlineRecord and the task APIs, and the rules the API applies past
 * the types (ranges, MIX_STREAM, custom layouts), each answered with TIW's documented codes.
 */

const ROOM_MAX = 4294967295;

/** The API model writes RoomId and TRTCRoomId as "(1, 4294967295)": both ends excluded. */
const inOpenRoomRange = (id: number): boolean => id > 1 && id < ROOM_MAX;

const bool: ParamSpec = { t: 'bool' };
const int: ParamSpec = { t: 'int' };
const str: ParamSpec = { t: 'str' };
const layoutParams: ParamSpec = {
  t: 'obj',
  req: true,
  fields: { Width: { t: 'int', req: true }, Height: { t: 'int', req: true }, X: int, Y: int, ZOrder: int },
};

/** StartOnlineRecord's parameters. */
export const START_FIELDS: Record<string, ParamSpec> = {
  SdkAppId: { t: 'int', req: true },
  RoomId: { t: 'int', req: true },
  RecordUserId: { t: 'str', req: true },
  RecordUserSig: { t: 'str', req: true },
  GroupId: str,
  Concat: { t: 'obj', fields: { Enabled: { t: 'bool', req: true }, Image: str } },
  Whiteboard: { t: 'obj', fields: { Width: int, Height: int, InitParam: str } },
  MixStream: {
    t: 'obj',
    fields: {
      Enabled: { t: 'bool', req: true },
      DisableAudio: bool,
      ModelId: int,
      TeacherId: str,
      Custom: {
        t: 'obj',
        fields: {
          Canvas: { t: 'obj', req: true, fields: { LayoutParams: layoutParams, BackgroundColor: str } },
          InputStreamList: {
            t: 'arr',
            req: true,
            items: { t: 'obj', fields: { LayoutParams: layoutParams, InputStreamId: str, BackgroundColor: str, FillMode: int } },
          },
        },
      },
    },
  },
  Extras: { t: 'arr', items: str },
  AudioFileNeeded: bool,
  RecordControl: {
    t: 'obj',
    fields: {
      Enabled: { t: 'bool', req: true },
      DisableRecord: bool,
      DisableAudio: bool,
      PullSmallVideo: bool,
      StreamControls: {
        t: 'arr',
        items: { t: 'obj', fields: { StreamId: { t: 'str', req: true }, DisableRecord: bool, DisableAudio: bool, PullSmallVideo: bool } },
      },
    },
  },
  RecordMode: str,
  ChatGroupId: str,
  AutoStopTimeout: int,
  ExtraData: str,
  TRTCRoomId: int,
  TRTCRoomIdStr: str,
};

/** The parameters of the APIs that act on one task. */
export const TASK_FIELDS: Record<string, ParamSpec> = { SdkAppId: { t: 'int', req: true }, TaskId: { t: 'str', req: true } };

const recordParameter = (message: string) => new Api3Error('InvalidParameter.RecordParameter', message);

const inRange = (v: unknown, min: number, max: number) => v === undefined || ((v as number) >= min && (v as number) <= max);

/** StartOnlineRecord's rules beyond the types, on parameters {@link START_FIELDS} already checked. */
export function checkStartRules(p: Record<string, unknown>): void {
  const roomId = p['RoomId'] as number;
  if (!inOpenRoomRange(roomId)) throw recordParameter(`RoomId must be within (1, ${ROOM_MAX}).`);
  const recordUserId = p['RecordUserId'] as string;
  if (recordUserId === '' || Buffer.byteLength(recordUserId) > 60) throw recordParameter('RecordUserId must be 1 to 60 bytes.');
  if (p['RecordUserSig'] === '') throw recordParameter('RecordUserSig must not be empty.');
  const extras = (p['Extras'] as string[] | undefined) ?? [];
  const unknownExtra = extras.find((e) => e !== 'MIX_STREAM');
  if (unknownExtra !== undefined) throw new Api3Error('InvalidParameter.InvalidExtra', `The extra feature \`${unknownExtra}\` does not exist.`);
  const mix = rec(p['MixStream']);
  if (mix['Enabled'] === true) {
    if (!extras.includes('MIX_STREAM')) throw recordParameter('MixStream requires Extras to contain MIX_STREAM.');
    if (mix['Custom'] === undefined) {
      if (mix['ModelId'] !== 1 && mix['ModelId'] !== 2) throw recordParameter('MixStream.ModelId must be 1 or 2 when Custom is not given.');
    } else {
      checkCustomLayout(rec(mix['Custom']));
    }
  }
  const wb = rec(p['Whiteboard']);
  for (const k of ['Width', 'Height'] as const) {
    if (wb[k] !== undefined && (wb[k] as number) < 2) throw recordParameter(`Whiteboard.${k} must be at least 2.`);
  }
  const mode = p['RecordMode'];
  if (mode !== undefined && mode !== 'REALTIME_MODE' && mode !== 'VIDEO_GENERATION_MODE') throw recordParameter('RecordMode must be REALTIME_MODE or VIDEO_GENERATION_MODE.');
  if (p['ChatGroupId'] !== undefined && mode !== 'VIDEO_GENERATION_MODE') throw recordParameter('ChatGroupId is valid only in VIDEO_GENERATION_MODE.');
  const timeout = p['AutoStopTimeout'];
  if (timeout !== undefined && ((timeout as number) < 300 || (timeout as number) > 86400)) throw recordParameter('AutoStopTimeout must be within [300, 86400].');
  const trtcRoom = p['TRTCRoomId'];
  if (trtcRoom !== undefined && !inOpenRoomRange(trtcRoom as number)) throw recordParameter(`TRTCRoomId must be within (1, ${ROOM_MAX}).`);
}

function checkCustomLayout(custom: Record<string, unknown>): void {
  const canvas = rec(rec(custom['Canvas'])['LayoutParams']);
  const cw = canvas['Width'] as number;
  const ch = canvas['Height'] as number;
  if (!inRange(cw, 2, 3000) || !inRange(ch, 2, 3000)) throw recordParameter('Canvas width and height must be within [2, 3000].');
  const color = rec(custom['Canvas'])['BackgroundColor'];
  if (color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(color as string)) throw recordParameter('BackgroundColor must be #RRGGBB.');
  ((custom['InputStreamList'] as unknown[]) ?? []).forEach((item, i) => {
    const lp = rec(rec(item)['LayoutParams']);
    const x = (lp['X'] as number | undefined) ?? 0;
    const y = (lp['Y'] as number | undefined) ?? 0;
    const w = lp['Width'] as number;
    const h = lp['Height'] as number;
    if (!inRange(w, 2, 3000) || !inRange(h, 2, 3000) || !inRange(x, 0, 3000) || !inRange(y, 0, 3000)) {
      throw recordParameter(`InputStreamList.${i}.LayoutParams is out of range.`);
    }
    if (x + w > cw || y + h > ch) throw recordParameter(`InputStreamList.${i} does not fit inside the canvas.`);
    const fill = rec(item)['FillMode'];
    if (fill !== undefined && fill !== 0 && fill !== 1) throw recordParameter(`InputStreamList.${i}.FillMode must be 0 or 1.`);
  });
}
