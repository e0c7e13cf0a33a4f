import type { VendorText } from '../types';

/** TIW's name and the labels of its own form parts (read by i18n/index.ts from every vendor folder). */
export default {
  en: {
    name: 'Tencent TIW',
    roomId: 'Room number',
    roomHelp: 'The whole-number TIW/TRTC room.',
    recordUserId: 'Recorder user ID',
    recordUserIdHelp: 'Empty = RecDeck makes one (tic_record_user_<room>_<random>).',
    groupId: 'IM group ID',
    groupIdHelp: 'Empty = the room number.',
    recordMode: 'Recording mode',
    recordModes: { REALTIME_MODE: 'Real time', VIDEO_GENERATION_MODE: 'Video generation' },
    chatGroupId: 'Chat group to record',
    teacherId: 'Teacher user ID',
    teacherHelp: 'Shown in the first small window of a built-in layout.',
    audioFileNeeded: 'Also make an audio file',
    disableMixAudio: 'Mix video only (no audio)',
    concat: 'Join the pieces made by pauses into one video',
  },
  'zh-CN': {
    name: '腾讯云互动白板',
    roomId: '房间号',
    roomHelp: 'TIW/TRTC 房间号（整数）。',
    recordUserId: '录制用户 ID',
    recordUserIdHelp: '留空则由 RecDeck 生成（tic_record_user_<房间>_<随机串>）。',
    groupId: 'IM 群组 ID',
    groupIdHelp: '留空则使用房间号。',
    recordMode: '录制模式',
    recordModes: { REALTIME_MODE: '实时录制', VIDEO_GENERATION_MODE: '视频生成' },
    chatGroupId: '要录制的聊天群组',
    teacherId: '老师用户 ID',
    teacherHelp: '在内置布局中显示在第一个小窗口。',
    audioFileNeeded: '同时生成音频文件',
    disableMixAudio: '混流不含音频',
    concat: '将暂停产生的多段视频拼接为一个',
  },
} satisfies VendorText;
