import { describe, expect, it } from 'vitest';
import { RecordingRequestSchema, TIW_LIMITS, validateTiwRequest, type RecordingRequestInput } from '@contract';

const check = (input: Partial<RecordingRequestInput>) =>
  validateTiwRequest(RecordingRequestSchema.parse({ roomId: '1203', ...input })).map((i) => `${i.severity}:${i.path}`);

const mix = (extra: Record<string, unknown> = {}) => ({ width: 640, height: 360, fps: 15, bitrateBps: 550000, ...extra });
const region = (extra: Record<string, unknown> = {}) => ({ id: 'r', left: 0, top: 0, width: 320, height: 180, layer: 0, ...extra });

describe('validateTiwRequest', () => {
  it('accepts a minimal request and a custom mixed layout', () => {
    expect(check({})).toEqual([]);
    expect(check({ mode: 'mixed', mix: mix({ layoutMode: 'custom', regions: [region(), region({ id: 'w', kind: 'whiteboard', left: 320 })] }) })).toEqual([]);
    expect(check({ mode: 'mixed', mix: mix({ layoutMode: 'tiw-model-2' }), tiw: { teacherId: 't' } })).toEqual([]);
  });

  it('checks the room, record user, idle timeout and TRTC room against the documented ranges', () => {
    expect(check({ roomId: 'abc' })).toEqual(['error:roomId']);
    expect(check({ roomId: '0' })).toEqual(['error:roomId']);
    expect(check({ roomId: String(TIW_LIMITS.roomId.max + 1) })).toEqual(['error:roomId']);
    expect(check({ maxIdleSec: 299 })).toEqual(['error:maxIdleSec']);
    expect(check({ maxIdleSec: 86401 })).toEqual(['error:maxIdleSec']);
    expect(check({ maxIdleSec: 300 })).toEqual([]);
    expect(check({ tiw: { trtcRoomId: '0' } })).toEqual(['error:tiw.trtcRoomId']);
    expect(check({ tiw: { trtcRoomId: 'room-abc' } })).toEqual([]);
    expect(check({ tiw: { recordUserId: 'tic_record_user_1203_x' } })).toEqual([]);
    expect(check({ tiw: { recordUserId: 'recorder' } })).toEqual(['warning:tiw.recordUserId']);
    expect(check({ tiw: { recordUserId: `tic_record_user_1203_${'界'.repeat(14)}` } })).toEqual(['error:tiw.recordUserId']);
  });

  it('keeps the room and TRTC room strictly inside (1, 4294967295), as the API model writes it', () => {
    const rooms = ['1', '2', '4294967294', '4294967295'];
    expect(rooms.map((r) => [check({ roomId: r }), check({ tiw: { trtcRoomId: r } })])).toEqual([
      [['error:roomId'], ['error:tiw.trtcRoomId']],
      [[], []],
      [[], []],
      [['error:roomId'], ['error:tiw.trtcRoomId']],
    ]);
  });

  it('flags what TIW cannot do', () => {
    expect(check({ output: { format: 'flv' }, streamType: 'audio', storageTargetId: 's' })).toEqual([
      'error:output.format',
      'error:streamType',
      'error:storageTargetId',
    ]);
    expect(check({ tiw: { chatGroupId: 'g' } })).toEqual(['error:tiw.chatGroupId']);
    expect(check({ tiw: { chatGroupId: 'g', recordMode: 'VIDEO_GENERATION_MODE' } })).toEqual([]);
    expect(check({ whiteboard: { horizontalRatio: 16, verticalRatio: 9, width: 1 } })).toEqual(['error:whiteboard.width']);
    expect(check({ callbackUrl: 'ftp://x', tiw: { concat: { enabled: true, image: 'x' } } })).toEqual(['error:tiw.concat.image', 'error:callbackUrl']);
  });

  it('checks mixed layouts: mode, canvas, rectangles and background images', () => {
    expect(check({ mode: 'mixed' })).toEqual(['error:mix']);
    expect(check({ mode: 'mixed', mix: mix({ layoutMode: 'grid' }) })).toEqual(['error:mix.layoutMode']);
    expect(
      check({
        mode: 'mixed',
        mix: mix({
          layoutMode: 'custom',
          width: 3001,
          backgroundImage: 'https://x/y.png',
          regions: [region({ left: 3001, width: 1 }), region({ id: 'b', top: 300 }), region({ id: 'c', backgroundImage: 'https://x', streamId: 's' })],
        }),
      }),
    ).toEqual([
      'error:mix.backgroundImage',
      'error:mix.width',
      'error:mix.regions[0].width',
      'error:mix.regions[1].height',
      'error:mix.regions[0].left',
      'error:mix.regions[2].backgroundImage',
    ]);
  });
});
