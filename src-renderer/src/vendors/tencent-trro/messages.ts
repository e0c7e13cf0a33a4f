import type { VendorText } from '../types';

/** TRRO's name and how it calls what is recorded (read by i18n/index.ts from every vendor folder). */
export default {
  en: { name: 'Tencent TRRO', roomId: 'Device ID', roomHelp: 'The device whose stream is recorded.' },
  'zh-CN': { name: '腾讯云 TRRO', roomId: '设备 ID', roomHelp: '要录制其视频流的设备。' },
} satisfies VendorText;
