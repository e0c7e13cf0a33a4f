export default {
  app: { name: 'RecDeck', tagline: 'Cloud recording console' },
  nav: { live: 'Live', newRecording: 'New recording', history: 'History', accounts: 'Accounts', settings: 'Settings' },
  notBuilt: {
    title: 'Not built yet',
    body: '{area} is not part of this version of RecDeck yet. Nothing on this page works, so nothing here can start, stop or change a recording.',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Follow the system',
    themeLight: 'Light',
    themeDark: 'Dark',
  },
  about: {
    title: 'About',
    version: 'Version',
    host: 'Running in',
    hostElectron: 'Electron app',
    hostWeb: 'Browser host (127.0.0.1)',
    dataDir: 'Data folder',
    keychain: 'Secret storage',
    keychainOk: 'OS keychain',
    keychainSession: 'This session only (memory)',
    platform: 'Platform',
    node: 'Node.js',
    loading: 'Asking the core…',
    failed: 'The core did not answer: {message}',
    retry: 'Try again',
  },
  banner: {
    sessionSecrets:
      'No OS keychain is available, so secrets you enter are kept in memory for this session only and are gone when RecDeck quits.',
    fix: 'How to fix: {reason}',
    offline: 'Lost contact with the RecDeck core; retrying…',
  },
};
