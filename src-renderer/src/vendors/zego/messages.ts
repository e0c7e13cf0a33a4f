import type { VendorText } from '../types';

/** ZEGO's name and the labels of its own form parts (read by i18n/index.ts from every vendor folder). */
export default {
  en: {
    name: 'ZEGO Cloud Recording',
    roomId: 'Room ID',
    roomHelp: 'The ZEGO room to record.',
    recordMuteAudio: 'Record muted audio',
    realtimeUpload: 'Upload HLS segments as they are made',
    extra: { roomId: 'Room ID', recordMode: 'Recording mode', streamType: 'Stream type' },
  },
  'zh-CN': {
    name: 'ZEGO 云端录制',
    roomId: '房间 ID',
    roomHelp: '要录制的 ZEGO 房间。',
    recordMuteAudio: '录制静音音频',
    realtimeUpload: '边录边上传 HLS 分片',
    extra: { roomId: '房间 ID', recordMode: '录制模式', streamType: '流类型' },
  },
} satisfies VendorText;
