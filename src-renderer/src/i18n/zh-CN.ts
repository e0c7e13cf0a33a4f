import type en from './en';

const zhCN: typeof en = {
  app: { name: 'RecDeck', tagline: '云端录制控制台' },
  nav: { live: '直播中', newRecording: '新建录制', history: '历史记录', accounts: '账号', settings: '设置' },
  notBuilt: {
    title: '尚未实现',
    body: '此版本的 RecDeck 还没有「{area}」。本页面没有任何可用功能，不会启动、停止或更改任何录制。',
  },
  settings: {
    title: '设置',
    language: '语言',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
  },
  about: {
    title: '关于',
    version: '版本',
    host: '运行方式',
    hostElectron: 'Electron 桌面应用',
    hostWeb: '浏览器模式（127.0.0.1）',
    dataDir: '数据目录',
    keychain: '密钥存储',
    keychainOk: '系统钥匙串',
    keychainSession: '仅本次会话（内存）',
    platform: '平台',
    node: 'Node.js',
    loading: '正在询问核心服务…',
    failed: '核心服务没有响应：{message}',
    retry: '重试',
  },
  banner: {
    sessionSecrets: '没有可用的系统钥匙串：您输入的密钥只保存在本次会话的内存中，RecDeck 退出后即丢失。',
    fix: '解决方法：{reason}',
    offline: '与 RecDeck 核心服务的连接中断，正在重试…',
  },
};
export default zhCN;
