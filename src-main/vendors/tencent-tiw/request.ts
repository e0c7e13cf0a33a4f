import type { LayoutRegion, RecordingRequest } from '@contract';

/** Parameters of StartOnlineRecord that do not come from the normalized request. */
export interface TiwStartContext {
  sdkAppId: number;
  recordUserId: string;
  recordUserSig: string;
}

function inputStreamId(region: LayoutRegion): string {
  if (region.kind === 'whiteboard') return 'tic_record_user';
  if (region.kind === 'screen') return 'tic_substream';
  return region.streamId ?? '';
}

function mixStream(request: RecordingRequest): Record<string, unknown> | null {
  const mix = request.mix;
  if (request.mode !== 'mixed' || !mix) return null;
  const out: Record<string, unknown> = { Enabled: true };
  if (request.tiw.disableMixAudio) out['DisableAudio'] = true;
  if (mix.layoutMode === 'custom') {
    const canvas: Record<string, unknown> = { LayoutParams: { Width: mix.width, Height: mix.height } };
    if (mix.backgroundColor) canvas['BackgroundColor'] = mix.backgroundColor;
    out['Custom'] = {
      Canvas: canvas,
      InputStreamList: mix.regions.map((r) => {
        const item: Record<string, unknown> = {
          LayoutParams: { Width: r.width, Height: r.height, X: r.left, Y: r.top, ZOrder: r.layer },
          InputStreamId: inputStreamId(r),
          FillMode: r.fillMode === 'fit' ? 0 : 1,
        };
        if (r.backgroundColor) item['BackgroundColor'] = r.backgroundColor;
        return item;
      }),
    };
  } else {
    out['ModelId'] = mix.layoutMode === 'tiw-model-2' ? 2 : 1;
    if (request.tiw.teacherId) out['TeacherId'] = request.tiw.teacherId;
  }
  return out;
}

function recordControl(request: RecordingRequest): Record<string, unknown> | null {
  const rc = request.tiw.recordControl;
  if (rc) {
    return {
      Enabled: true,
      DisableRecord: rc.disableRecord,
      DisableAudio: rc.disableAudio,
      PullSmallVideo: rc.pullSmallVideo,
      StreamControls: rc.streams.map((s) => ({
        StreamId: s.streamId,
        DisableRecord: s.disableRecord,
        DisableAudio: s.disableAudio,
        PullSmallVideo: s.pullSmallVideo,
      })),
    };
  }
  // "Only these streams" in single mode: record nothing by default, then opt each listed stream back in.
  if (request.mode === 'single' && request.streams.length > 0) {
    return { Enabled: true, DisableRecord: true, StreamControls: request.streams.map((s) => ({ StreamId: s, DisableRecord: false })) };
  }
  return null;
}

/**
 * The StartOnlineRecord body for a normalized request. Optional objects are sent only when they say
 * something, so the body shows exactly what the operator chose. Fields TIW has no use for (storage,
 * output format, fill) are dropped; the validator reports them.
 */
export function toStartOnlineRecordBody(request: RecordingRequest, ctx: TiwStartContext): Record<string, unknown> {
  const roomId = Number(request.roomId);
  const body: Record<string, unknown> = {
    SdkAppId: ctx.sdkAppId,
    RoomId: roomId,
    RecordUserId: ctx.recordUserId,
    RecordUserSig: ctx.recordUserSig,
  };
  const tiw = request.tiw;
  if (tiw.groupId) body['GroupId'] = tiw.groupId;
  if (tiw.concat) body['Concat'] = tiw.concat.image ? { Enabled: tiw.concat.enabled, Image: tiw.concat.image } : { Enabled: tiw.concat.enabled };
  const wb = request.whiteboard;
  if (wb) {
    const whiteboard: Record<string, unknown> = {};
    if (wb.width !== null) whiteboard['Width'] = wb.width;
    if (wb.height !== null) whiteboard['Height'] = wb.height;
    if (wb.initParam) whiteboard['InitParam'] = wb.initParam;
    if (Object.keys(whiteboard).length > 0) body['Whiteboard'] = whiteboard;
  }
  const mix = mixStream(request);
  if (mix) {
    body['MixStream'] = mix;
    body['Extras'] = ['MIX_STREAM'];
  }
  if (tiw.audioFileNeeded) body['AudioFileNeeded'] = true;
  const control = recordControl(request);
  if (control) body['RecordControl'] = control;
  if (tiw.recordMode !== 'REALTIME_MODE') body['RecordMode'] = tiw.recordMode;
  if (tiw.chatGroupId) body['ChatGroupId'] = tiw.chatGroupId;
  if (request.maxIdleSec !== null) body['AutoStopTimeout'] = request.maxIdleSec;
  if (tiw.trtcRoomId) {
    if (/^\d+$/.test(tiw.trtcRoomId)) body['TRTCRoomId'] = Number(tiw.trtcRoomId);
    else body['TRTCRoomIdStr'] = tiw.trtcRoomId;
  }
  return body;
}

/** A record user id in the documented form `tic_record_user_${RoomId}_${Random}`, ≤ 60 bytes. */
export function defaultRecordUserId(roomId: string, random: string): string {
  return `tic_record_user_${roomId}_${random}`.slice(0, 60);
}
