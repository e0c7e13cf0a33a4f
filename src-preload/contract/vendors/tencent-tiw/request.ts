import { z } from 'zod';

/**
 * TIW's own request options, `tiw` in the normalized request (docs/vendors/tencent-tiw.md §3): the
 * record user, IM groups, splicing, audio files, record mode, TRTC room, teacher and stream controls.
 */
export const TiwRequestOptionsSchema = z
  .object({
    recordUserId: z.string().max(60).nullable().default(null),
    groupId: z.string().max(256).nullable().default(null),
    concat: z.object({ enabled: z.boolean(), image: z.string().max(2048).nullable().default(null) }).nullable().default(null),
    audioFileNeeded: z.boolean().default(false),
    recordMode: z.enum(['REALTIME_MODE', 'VIDEO_GENERATION_MODE']).default('REALTIME_MODE'),
    chatGroupId: z.string().max(256).nullable().default(null),
    trtcRoomId: z.string().max(256).nullable().default(null),
    teacherId: z.string().max(256).nullable().default(null),
    disableMixAudio: z.boolean().default(false),
    recordControl: z
      .object({
        disableRecord: z.boolean().default(false),
        disableAudio: z.boolean().default(false),
        pullSmallVideo: z.boolean().default(false),
        streams: z
          .array(
            z.object({
              streamId: z.string().min(1).max(256),
              disableRecord: z.boolean().default(false),
              disableAudio: z.boolean().default(false),
              pullSmallVideo: z.boolean().default(false),
            }),
          )
          .default([]),
      })
      .nullable()
      .default(null),
  })
  .prefault({});
/** See {@link TiwRequestOptionsSchema}. */
export type TiwRequestOptions = z.infer<typeof TiwRequestOptionsSchema>;
