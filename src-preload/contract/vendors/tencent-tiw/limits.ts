import type { LayoutRegionKind, MixLayoutMode } from '../../request-parts';
import type { IntRange, LayoutLimits } from '../checks';

/** MixStream `Custom` and the built-in templates ModelId 1 and 2. */
export const TIW_LAYOUT_MODES = ['custom', 'tiw-model-1', 'tiw-model-2'] as const satisfies readonly MixLayoutMode[];

/** A StreamLayout shows a user's video, the whiteboard (`tic_record_user`) or the screen share (`tic_substream`). */
export const TIW_REGION_KINDS = ['stream', 'whiteboard', 'screen'] as const satisfies readonly LayoutRegionKind[];

/** Documented limits of TIW StartOnlineRecord (docs/vendors/tencent-tiw.md §3), as data for the validator and the forms. */
export const TIW_LIMITS = {
  /** RoomId and TRTCRoomId: the API model writes "(1, 4294967295)", both ends excluded (the Sandbox refuses them too). */
  roomId: { min: 2, max: 4294967294 } satisfies IntRange,
  recordUserIdMaxBytes: 60,
  /** AutoStopTimeout, seconds (default 300). */
  autoStopTimeoutSec: { min: 300, max: 86400 } satisfies IntRange,
  whiteboardMinSize: 2,
  /** Custom layout canvas and stream rectangles: Width/Height [2, 3000], X/Y [0, 3000]. */
  layoutSize: { min: 2, max: 3000 } satisfies IntRange,
  layoutOffset: { min: 0, max: 3000 } satisfies IntRange,
  layout: {
    /** Not documented for TIW [UNCONFIRMED]; the TRTC mix limit is 25. */
    maxRegions: 25,
    maxWhiteboardRegions: 1,
    regionKinds: TIW_REGION_KINDS,
  } satisfies LayoutLimits,
  layoutModes: TIW_LAYOUT_MODES,
  callbackKeyMaxLength: 64,
  ratePerSecond: 20,
  maxConcurrentTasks: 100,
} as const;

/** See {@link TIW_LIMITS}. */
export type TiwLimits = typeof TIW_LIMITS;

